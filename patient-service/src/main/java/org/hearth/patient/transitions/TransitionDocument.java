package org.hearth.patient.transitions;

import java.util.List;
import org.hearth.platform.aggregate.AggregateDocument;
import org.hearth.platform.events.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(TransitionDocument.COLLECTION)
record TransitionDocument(
        @Id String id, String tenantId, TransitionOfCare transition, long version, List<OutboxEntry> outbox)
        implements AggregateDocument {

    static final String COLLECTION = "transitions_of_care";
}
