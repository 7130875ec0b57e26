package org.hearth.billing.authorizations;

import java.util.List;
import org.hearth.platform.aggregate.AggregateDocument;
import org.hearth.platform.events.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(AuthorizationDocument.COLLECTION)
record AuthorizationDocument(
        @Id String id, String tenantId, PriorAuthorization authorization, long version, List<OutboxEntry> outbox)
        implements AggregateDocument {

    static final String COLLECTION = "authorizations";
}
