package org.hearth.billing.trail;

import org.hearth.platform.events.OutboxEntry;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.List;

/**
 * What a completed visit can be billed as. Its id is the visit id, so a visit yields one line however often its
 * completion event is delivered.
 *
 * @param payerId null when no coverage was active on the service date
 * @param filingDeadline the last day the payer accepts the claim (timely filing)
 */
@Document(BillableLine.COLLECTION)
public record BillableLine(@Id String id, String tenantId, String patientId, String visitId, String payerId,
        String discipline, String hcpcs, LocalDate serviceDate, int units, String authorizationId, String clinicianId,
        Status status, List<HoldReason> holdReasons, LocalDate filingDeadline, List<OutboxEntry> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "billable_lines";

    public enum Status { READY, ON_HOLD }

    public enum HoldReason { NO_COVERAGE, UNSIGNED_PLAN, AUTHORIZATION_MISSING, AUTHORIZATION_EXHAUSTED, EVV_EXCEPTION }

    public BillableLine {
        holdReasons = holdReasons == null ? List.of() : List.copyOf(holdReasons);
    }
}
