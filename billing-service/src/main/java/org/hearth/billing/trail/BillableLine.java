package org.hearth.billing.trail;

import java.time.LocalDate;
import java.util.List;
import org.hearth.platform.events.OutboxEntry;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a completed visit can be billed as. Its id is the visit id, so a visit yields one line however often its
 * completion event is delivered.
 *
 * @param payerId null when no coverage was active on the service date
 * @param authorizationId the authorization whose units the visit consumed, null while none has been
 * @param filingDeadline the last day the payer accepts the claim (timely filing)
 * @param bookedAuthorizationId the authorization the visit was booked against (from the event), tried first when
 * the line is evaluated again
 * @param version bumped by every change after the insert (1), so that replicas re-evaluating the same held line
 * cannot both move it; 0 on lines stored before versions existed
 */
@Document(BillableLine.COLLECTION)
public record BillableLine(
        @Id String id,
        String tenantId,
        String patientId,
        String visitId,
        String payerId,
        String discipline,
        String hcpcs,
        LocalDate serviceDate,
        int units,
        String authorizationId,
        String clinicianId,
        Status status,
        List<HoldReason> holdReasons,
        LocalDate filingDeadline,
        List<OutboxEntry> outbox,
        String bookedAuthorizationId,
        Long version)
        implements TenantOwned {

    public static final String COLLECTION = "billable_lines";
    static final String VERSION = "version";

    public enum Status {
        READY,
        ON_HOLD
    }

    /**
     * Why a line cannot be billed yet. The first three wait for facts that may simply arrive later (coverage,
     * signed plan, approved authorization): a held line is evaluated again when they do. The last two are business
     * holds that only their own resolution ends: units beyond the approval, an EVV exception awaiting review.
     */
    public enum HoldReason {
        NO_COVERAGE,
        UNSIGNED_PLAN,
        AUTHORIZATION_MISSING,
        AUTHORIZATION_EXHAUSTED,
        EVV_EXCEPTION;

        /** Holds that no newly arrived fact lifts. */
        public static final java.util.Set<HoldReason> BUSINESS =
                java.util.EnumSet.of(AUTHORIZATION_EXHAUSTED, EVV_EXCEPTION);
    }

    public BillableLine {
        holdReasons = holdReasons == null ? List.of() : List.copyOf(holdReasons);
        version = version == null ? 0L : version; // boxed: lines stored before versions have none
    }
}
