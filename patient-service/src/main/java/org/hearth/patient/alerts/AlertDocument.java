package org.hearth.patient.alerts;

import java.time.Instant;
import java.util.List;
import org.hearth.platform.aggregate.AggregateDocument;
import org.hearth.platform.events.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(AlertDocument.COLLECTION)
/**
 * @param escalationDueAt when the escalator looks at the alert next (null when it never will): the escalator's query
 *                        reads only due alerts, so alerts waiting at the top of the chain or not yet due never fill
 *                        its batch and starve the due ones
 */
record AlertDocument(
        @Id String id, String tenantId, Alert alert, long version, List<OutboxEntry> outbox, Instant escalationDueAt)
        implements AggregateDocument {

    static final String COLLECTION = "alerts";
    static final String ESCALATION_DUE_AT = "escalationDueAt";
}
