package org.hearth.patient.referral;

import java.util.List;
import org.hearth.platform.aggregate.AggregateDocument;
import org.hearth.platform.events.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(ReferralDocument.COLLECTION)
record ReferralDocument(@Id String id, String tenantId, Referral referral, long version, List<OutboxEntry> outbox)
        implements AggregateDocument {

    static final String COLLECTION = "referrals";
}
