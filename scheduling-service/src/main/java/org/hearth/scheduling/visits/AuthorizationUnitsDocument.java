package org.hearth.scheduling.visits;

import java.time.Instant;
import java.util.List;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The units of one prior authorization that bookings in flight are taking: the single document every booking
 * against that authorization writes with its version, so two coordinators booking different clinicians for the
 * patient's last unit at the same second cannot both win (their clinician days differ, so the day claims alone
 * would let both through). A claim lives from the rule check until the visit carries its booking; then the visit
 * itself counts the units and the claim is taken back.
 */
@Document(AuthorizationUnitsDocument.COLLECTION)
record AuthorizationUnitsDocument(
        @Id String id, String tenantId, String authorizationId, long version, List<UnitClaim> claims)
        implements TenantOwned {

    static final String COLLECTION = "authorization_units";

    AuthorizationUnitsDocument {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    /** Units a booking of {@code visitId} is taking; {@code claimId} tells two bookings of one visit apart. */
    record UnitClaim(String claimId, String visitId, int units, Instant claimedAt) {}
}
