package org.hearth.billing.eligibility;

import java.time.Instant;
import java.util.List;
import org.hearth.platform.events.OutboxEntry;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One eligibility inquiry and its outcome, kept as part of the billing trail. */
@Document(EligibilityCheck.COLLECTION)
public record EligibilityCheck(
        @Id String id,
        String tenantId,
        String patientId,
        String coverageId,
        String payerId,
        PayerGateway.Status status,
        int attempts,
        String payerReference,
        Instant checkedAt,
        String checkedBy,
        List<OutboxEntry> outbox)
        implements TenantOwned {

    static final String COLLECTION = "eligibility_checks";
}
