package org.hearth.scheduling.visits;

import java.util.List;
import org.hearth.platform.aggregate.AggregateDocument;
import org.hearth.platform.events.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A visit with its version (If-Match) and its not yet published events, written in one document. */
@Document(VisitDocument.COLLECTION)
record VisitDocument(@Id String id, String tenantId, Visit visit, long version, List<OutboxEntry> outbox)
        implements AggregateDocument {

    static final String COLLECTION = "visits";
}
