package org.hearth.patient.referral;

import jakarta.annotation.PostConstruct;
import org.hearth.platform.aggregate.AggregateStore;
import org.hearth.platform.aggregate.AggregateStores;
import org.hearth.platform.events.DomainEvent;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
class ReferralRepository {

    static final String TOPIC = "hearth.patient.events";

    private final TenantScopedMongo mongo;
    private final AggregateStore<Referral, ReferralDocument> store;

    ReferralRepository(TenantScopedMongo mongo, AggregateStores stores) {
        this.mongo = mongo;
        this.store = stores.of(ReferralDocument.class, TOPIC)
                .readAs(ReferralDocument::referral)
                .identifiedBy(Referral::id)
                .createdAs((referral, tenant, version, outbox) -> new ReferralDocument(referral.id(), tenant, referral,
                        version, outbox))
                .updatedAs(referral -> new Update().set("referral", referral));
    }

    record Versioned(Referral referral, long version) {
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(ReferralDocument.class, "referral.status", "referral.receivedAt");
    }

    /** Stores a new referral; false if one with this id exists (the retry of an idempotent request). */
    boolean insertIfAbsent(Referral referral) {
        return store.insertIfAbsent(WithEvents.of(referral, ReferralEvents.ReferralReceived.of(referral)));
    }

    Optional<Versioned> find(String id) {
        return store.find(id).map(v -> new Versioned(v.aggregate(), v.version()));
    }

    boolean update(Referral changed, long expectedVersion, List<DomainEvent> events) {
        return store.update(new WithEvents<>(changed, events), expectedVersion);
    }

    Page<Referral> list(ReferralStatus status, Pageable pageable) {
        Criteria criteria = status == null ? new Criteria() : Criteria.where("referral.status").is(status);
        return store.page(criteria, pageable);
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection referralOutboxCollection() {
            return new OutboxCollection(ReferralDocument.COLLECTION);
        }
    }
}
