package org.hearth.billing.authorizations;

import org.hearth.platform.events.OutboxEntry;
import org.hearth.platform.aggregate.AggregateDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

@Document(AuthorizationDocument.COLLECTION)
record AuthorizationDocument(@Id String id, String tenantId, PriorAuthorization authorization, long version,
        List<OutboxEntry> outbox) implements AggregateDocument {

    static final String COLLECTION = "authorizations";
}
