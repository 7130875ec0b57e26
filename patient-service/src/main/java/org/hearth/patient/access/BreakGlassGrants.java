package org.hearth.patient.access;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hearth.platform.aggregate.AggregateDocument;
import org.hearth.platform.aggregate.AggregateStore;
import org.hearth.platform.aggregate.AggregateStores;
import org.hearth.platform.events.DomainEvent;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.events.OutboxEntry;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The agency's break-glass grants. {@link PatientAccess} asks {@link #active} on every request of a clinician who is
 * not on the team, so a revocation counts from the next request on (as fast as a logout, with no cache to expire).
 */
@Repository
public class BreakGlassGrants {

    /** Where BreakGlassOpened and BreakGlassRevoked go: with the patient's other facts, keyed by the patient. */
    public static final String TOPIC = "hearth.patient.events";

    private static final int REVOKE_ATTEMPTS = 5;

    private final TenantScopedMongo mongo;
    private final AggregateStore<BreakGlassGrant, GrantDocument> store;

    BreakGlassGrants(TenantScopedMongo mongo, AggregateStores stores) {
        this.mongo = mongo;
        this.store = stores.of(GrantDocument.class, TOPIC)
                .readAs(GrantDocument::grant)
                .identifiedBy(BreakGlassGrant::id)
                .createdAs((grant, tenant, version, outbox) ->
                        new GrantDocument(grant.id(), tenant, grant, version, outbox))
                .updatedAs(grant -> new Update().set("grant", grant));
    }

    @Document(GrantDocument.COLLECTION)
    record GrantDocument(@Id String id, String tenantId, BreakGlassGrant grant, long version, List<OutboxEntry> outbox)
            implements AggregateDocument {
        static final String COLLECTION = "break_glass_grants";
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(GrantDocument.class, "grant.patientId", "grant.clinician");
        mongo.ensureIndex(GrantDocument.class, "grant.reviewedAt", "grant.openedAt");
    }

    /** Stores the grant with its event in one write; false when a grant with its id exists (a retried create). */
    public boolean open(BreakGlassGrant grant, DomainEvent opened) {
        return store.insertIfAbsent(WithEvents.of(grant, opened));
    }

    public Optional<BreakGlassGrant> find(String id) {
        return store.find(id).map(AggregateStore.Versioned::aggregate);
    }

    /** The clinician's grant for the patient that is in force at {@code now}, if any. */
    public Optional<BreakGlassGrant> active(String patientId, String clinician, Instant now) {
        return mongo
                .find(
                        Query.query(Criteria.where("grant.patientId")
                                .is(patientId)
                                .and("grant.clinician")
                                .is(clinician)
                                .and("grant.revokedAt")
                                .is(null)
                                .and("grant.expiresAt")
                                .gt(now)),
                        GrantDocument.class)
                .stream()
                .map(GrantDocument::grant)
                .filter(g -> g.activeAt(now))
                .findFirst();
    }

    /** Grants newest first: those not reviewed yet, or every one ({@code all}); at most {@code limit}. */
    public List<BreakGlassGrant> list(boolean all, int limit) {
        Query query = all
                ? new Query()
                : Query.query(Criteria.where("grant.reviewedAt").is(null));
        return mongo
                .find(query.with(Sort.by(Sort.Direction.DESC, "grant.openedAt")).limit(limit), GrantDocument.class)
                .stream()
                .map(GrantDocument::grant)
                .toList();
    }

    /**
     * Ends the grant now unless it was revoked before, and publishes {@link BreakGlassRevoked} with it in one write;
     * false when there is no such grant. A review written meanwhile moves the version: the revocation reads again.
     */
    public boolean revoke(String id, String by, Instant now) {
        for (int attempt = 0; attempt < REVOKE_ATTEMPTS; attempt++) {
            Optional<AggregateStore.Versioned<BreakGlassGrant>> stored = store.find(id);
            if (stored.isEmpty()) {
                return false;
            }
            BreakGlassGrant grant = stored.get().aggregate();
            if (grant.revokedAt() != null) {
                return true; // the first revocation is the one on record
            }
            BreakGlassGrant revoked = grant.revokedBy(by, now);
            if (store.update(
                    WithEvents.of(
                            revoked, new BreakGlassRevoked(grant.patientId(), grant.id(), grant.clinician(), now)),
                    stored.get().version())) {
                return true;
            }
        }
        throw ApiException.conflict("The grant kept changing while it was revoked; try again");
    }

    public boolean review(String id, String by, String note, Instant now) {
        return mongo.updateIfPresent(
                id,
                new Update()
                        .set("grant.reviewedAt", now)
                        .set("grant.reviewedBy", by)
                        .set("grant.reviewNote", note)
                        .inc("version", 1),
                GrantDocument.class);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AccessSettings.class)
    static class Relay {
        @Bean
        OutboxCollection breakGlassOutboxCollection() {
            return new OutboxCollection(GrantDocument.COLLECTION);
        }
    }
}
