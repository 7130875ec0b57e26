package org.hearth.scheduling.visits;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.platform.events.VersionedDocuments;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.hearth.scheduling.visits.AuthorizationUnitsDocument.UnitClaim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Unit claims per prior authorization of the current agency, written like {@link ClinicianDays}: one conditional write
 * of the whole claim list at the version it was read at. A claim older than {@link ClinicianDayState#CLAIM_GRACE}
 * belongs to a booking that died between its claim and its visit; it no longer counts.
 */
@Repository
class AuthorizationUnits {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationUnits.class);

    /** The claims read at one version: what other bookings are taking now. */
    record Ledger(String authorizationId, long version, List<UnitClaim> claims) {

        /**
         * Units live claims hold, but those of {@code visitId} (a visit being moved does not count against itself) and
         * of visits already {@code counted} because their booking is written (its claim is about to be taken back).
         */
        int unitsTakenBesides(String visitId, java.util.Set<String> counted, Instant now) {
            return live(now).stream()
                    .filter(c -> !c.visitId().equals(visitId) && !counted.contains(c.visitId()))
                    .mapToInt(UnitClaim::units)
                    .sum();
        }

        List<UnitClaim> live(Instant now) {
            return claims.stream()
                    .filter(c ->
                            c.claimedAt().plus(ClinicianDayState.CLAIM_GRACE).isAfter(now))
                    .toList();
        }
    }

    private final TenantScopedMongo mongo;

    AuthorizationUnits(TenantScopedMongo mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureUniqueIndex(AuthorizationUnitsDocument.class, "authorizationId");
    }

    Ledger read(String authorizationId) {
        Optional<AuthorizationUnitsDocument> stored =
                mongo.findById(id(authorizationId), AuthorizationUnitsDocument.class);
        return stored.map(d -> new Ledger(authorizationId, d.version(), d.claims()))
                .orElseGet(() -> new Ledger(authorizationId, 0, List.of()));
    }

    /** Adds {@code mine} to the live claims if the ledger is still at the version read; false when someone wrote first. */
    boolean claim(Ledger read, UnitClaim mine, Instant now) {
        List<UnitClaim> next = new ArrayList<>(read.live(now));
        next.add(mine);
        return write(read.authorizationId(), read.version(), next);
    }

    /** Takes back one claim (its visit now carries the booking, or the booking failed), retrying lost races. */
    void release(String authorizationId, String claimId) {
        for (int attempt = 0; attempt < ClinicianDays.RELEASE_ATTEMPTS; attempt++) {
            Ledger ledger = read(authorizationId);
            List<UnitClaim> kept = ledger.claims().stream()
                    .filter(c -> !c.claimId().equals(claimId))
                    .toList();
            if (kept.size() == ledger.claims().size() || write(authorizationId, ledger.version(), kept)) {
                return;
            }
        }
        log.warn(
                "Authorization {}: a unit claim could not be released in {} attempts; it lapses after {}",
                authorizationId,
                ClinicianDays.RELEASE_ATTEMPTS,
                ClinicianDayState.CLAIM_GRACE);
    }

    private boolean write(String authorizationId, long expectedVersion, List<UnitClaim> claims) {
        String id = id(authorizationId);
        return mongo.createOrUpdate(
                id,
                expectedVersion,
                VersionedDocuments.VERSION,
                () -> new AuthorizationUnitsDocument(id, TenantContext.current().value(), authorizationId, 1, claims),
                new Update().set("claims", claims),
                AuthorizationUnitsDocument.class);
    }

    /** The agency is part of the id: authorization ids come from events of another service. */
    private static String id(String authorizationId) {
        return TenantContext.current().value() + "/" + authorizationId;
    }
}
