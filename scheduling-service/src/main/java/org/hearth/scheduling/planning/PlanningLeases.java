package org.hearth.scheduling.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantOwned;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * At most one planning job per agency and overlapping date range, across every replica: one lease document per agency
 * lists the ranges being planned, and each change to it is a compare-and-set on its version (a single-document atomic
 * write, which the local wire server and a real replica set both give). A claim expires unless its instance renews it,
 * so the range of an instance that died frees itself after {@code ttl}.
 */
@Component
class PlanningLeases {

    private static final int ATTEMPTS = 20;

    @Document(LeaseDocument.COLLECTION)
    record LeaseDocument(@Id String id, String tenantId, long version, List<Claim> claims) implements TenantOwned {
        static final String COLLECTION = "planning_leases";

        LeaseDocument {
            claims = claims == null ? List.of() : List.copyOf(claims);
        }
    }

    /** A range being planned by one job on one instance, until {@code expiresAt} unless renewed. */
    record Claim(String jobId, LocalDate from, LocalDate to, String owner, Instant expiresAt) {

        boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
            return !from.isAfter(otherTo) && !to.isBefore(otherFrom);
        }
    }

    private final TenantScopedMongo mongo;
    private final Clock clock;

    PlanningLeases(TenantScopedMongo mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Claims the range for the job, or answers the live claim of another job that overlaps it (nothing is written then).
     */
    Optional<Claim> claim(String jobId, LocalDate from, LocalDate to, String owner, Duration ttl) {
        Claim mine = new Claim(jobId, from, to, owner, clock.instant().plus(ttl));
        java.util.concurrent.atomic.AtomicReference<Optional<Claim>> blocking =
                new java.util.concurrent.atomic.AtomicReference<>(Optional.empty());
        change(claims -> {
            Optional<Claim> other = claims.stream()
                    .filter(c -> !c.jobId().equals(jobId) && c.overlaps(from, to))
                    .findFirst();
            blocking.set(other);
            if (other.isPresent()) {
                return null;
            }
            List<Claim> next = new ArrayList<>(
                    claims.stream().filter(c -> !c.jobId().equals(jobId)).toList());
            next.add(mine);
            return next;
        });
        return blocking.get();
    }

    /** Extends the job's claim; false when it is gone (expired and taken over, or released). */
    boolean renew(String jobId, Duration ttl) {
        boolean[] held = {false};
        change(claims -> {
            held[0] = claims.stream().anyMatch(c -> c.jobId().equals(jobId));
            if (!held[0]) {
                return null;
            }
            Instant until = clock.instant().plus(ttl);
            return claims.stream()
                    .map(c -> c.jobId().equals(jobId) ? new Claim(c.jobId(), c.from(), c.to(), c.owner(), until) : c)
                    .toList();
        });
        return held[0];
    }

    void release(String jobId) {
        change(claims -> claims.stream().anyMatch(c -> c.jobId().equals(jobId))
                ? claims.stream().filter(c -> !c.jobId().equals(jobId)).toList()
                : null);
    }

    /** The agency's live claims (expired ones are not). */
    List<Claim> live() {
        return mongo.findById(TenantContext.current().value(), LeaseDocument.class)
                .map(d -> alive(d.claims()))
                .orElse(List.of());
    }

    /**
     * Reads the agency's live claims, lets {@code next} compute the new list (null: no change) and writes it if nobody
     * wrote in between; otherwise reads again.
     */
    private void change(UnaryOperator<List<Claim>> next) {
        String tenant = TenantContext.current().value();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<LeaseDocument> current = mongo.findById(tenant, LeaseDocument.class);
            List<Claim> claims =
                    next.apply(alive(current.map(LeaseDocument::claims).orElse(List.of())));
            if (claims == null) {
                return;
            }
            if (current.isEmpty()) {
                try {
                    mongo.insert(new LeaseDocument(tenant, tenant, 1, claims));
                    return;
                } catch (DuplicateKeyException anotherReplicaWasFirst) {
                    continue;
                }
            }
            long version = current.get().version();
            if (mongo.replace(tenant, version, "version", new LeaseDocument(tenant, tenant, version + 1, claims))) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("the planning lease of the agency is too contended");
    }

    private List<Claim> alive(List<Claim> claims) {
        Instant now = clock.instant();
        return claims.stream().filter(c -> c.expiresAt().isAfter(now)).toList();
    }
}
