package org.hearth.billing.authorizations;

import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.Optional;
import org.hearth.billing.BillingEvents;
import org.hearth.platform.aggregate.AggregateStore;
import org.hearth.platform.aggregate.AggregateStores;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
public class AuthorizationRepository {

    private final TenantScopedMongo mongo;
    private final AggregateStore<PriorAuthorization, AuthorizationDocument> store;

    AuthorizationRepository(TenantScopedMongo mongo, AggregateStores stores) {
        this.mongo = mongo;
        this.store = stores.of(AuthorizationDocument.class, BillingEvents.TOPIC)
                .readAs(AuthorizationDocument::authorization)
                .identifiedBy(PriorAuthorization::id)
                .createdAs(
                        (a, tenant, version, outbox) -> new AuthorizationDocument(a.id(), tenant, a, version, outbox))
                .updatedAs(a -> new Update().set("authorization", a));
    }

    public record Versioned(PriorAuthorization authorization, long version) {}

    @Configuration(proxyBeanMethods = false)
    static class Outboxes {
        @Bean
        OutboxCollection authorizationOutboxCollection() {
            return new OutboxCollection(AuthorizationDocument.COLLECTION);
        }
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(AuthorizationDocument.class, "authorization.patientId", "authorization.discipline");
        mongo.ensureIndex(AuthorizationDocument.class, "authorization.status", "authorization.decisionDueAt");
    }

    public Optional<Versioned> find(String id) {
        return store.find(id).map(v -> new Versioned(v.aggregate(), v.version()));
    }

    /** Inserts a new request at version 1; false if one with its id exists already (a redelivered plan). */
    boolean insertIfAbsent(WithEvents<PriorAuthorization> created) {
        return store.save(created, 0);
    }

    public boolean update(WithEvents<PriorAuthorization> next, long expectedVersion) {
        return store.update(next, expectedVersion);
    }

    /** Every request of the patient, with versions (FHIR Claim and ClaimResponse). */
    public List<Versioned> ofPatient(String patientId) {
        return mongo
                .find(
                        Query.query(Criteria.where("authorization.patientId").is(patientId))
                                .with(org.springframework.data.domain.Sort.by("_id")),
                        AuthorizationDocument.class)
                .stream()
                .map(d -> new Versioned(d.authorization(), d.version()))
                .toList();
    }

    public List<Versioned> of(String patientId, String discipline) {
        return mongo
                .find(
                        Query.query(Criteria.where("authorization.patientId")
                                .is(patientId)
                                .and("authorization.discipline")
                                .is(discipline)),
                        AuthorizationDocument.class)
                .stream()
                .map(d -> new Versioned(d.authorization(), d.version()))
                .toList();
    }

    Page<PriorAuthorization> list(Criteria criteria, Pageable pageable) {
        return store.page(criteria, pageable);
    }

    /** For the watch: requests of every agency awaiting a decision or approved, at most {@code limit}. */
    List<AuthorizationDocument> watchedAcrossAgencies(int limit) {
        return mongo.findAcrossAgencies(
                Query.query(Criteria.where("authorization.status")
                        .in("PENDING", "APPEALED", "APPROVED", "PARTIALLY_APPROVED")),
                limit,
                AuthorizationDocument.class);
    }
}
