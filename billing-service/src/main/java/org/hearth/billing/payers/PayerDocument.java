package org.hearth.billing.payers;

import org.hearth.platform.aggregate.AggregateDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("payers")
record PayerDocument(@Id String id, String tenantId, Payer payer, long version) implements AggregateDocument {}
