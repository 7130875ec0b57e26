package org.hearth.messaging.notices;

import java.time.Instant;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delivery a source event asked for that needs people messaging may not know yet (the care team's coordinators,
 * the family with a consent): parked here first, completed as soon as the patient's circle names them, by the
 * consumer that parked it, by the next care-team or care-circle change, or by the sweep. Ids only, no PHI.
 *
 * @param id        derived from the source event's id and the kind, so a redelivered event parks nothing twice
 * @param role      the care-team role that must be known before it is complete (e.g. COORDINATOR)
 * @param scope     a care-circle consent whose holders are told too when known (e.g. SCHEDULE), or null
 * @param kind      the delivery kind (NOTICE, URGENT)
 * @param notice    the notice code of a delivery without a message (e.g. authorization-low:&lt;id&gt;)
 * @param sourceType the source event's type name (e.g. AuthorizationUnitsLow), for operators
 */
@Document(PendingNotice.COLLECTION)
record PendingNotice(
        @Id String id,
        String tenantId,
        String patientId,
        String role,
        String scope,
        String kind,
        String threadId,
        String messageId,
        String notice,
        String sourceType,
        String sourceId,
        String eventId,
        Instant parkedAt,
        Instant completedAt)
        implements TenantOwned {

    static final String COLLECTION = "pending_notices";
}
