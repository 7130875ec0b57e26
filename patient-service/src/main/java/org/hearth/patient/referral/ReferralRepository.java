package org.hearth.patient.referral;

import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.Optional;
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
                .createdAs((referral, tenant, version, outbox) ->
                        new ReferralDocument(referral.id(), tenant, referral, version, outbox))
                .updatedAs(referral -> new Update().set("referral", referral));
    }

    record Versioned(Referral referral, long version) {}

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
        Criteria criteria = status == null
                ? new Criteria()
                : Criteria.where("referral.status").is(status);
        return store.page(criteria, pageable);
    }

    /** A partner's referrals: those its organisation sent, or (stored before partners had one) its client sent. */
    Page<Referral> listSentBy(String partner, String subject, ReferralStatus status, Pageable pageable) {
        Criteria sender = new Criteria()
                .orOperator(
                        Criteria.where("referral.referringPartner").is(partner),
                        new Criteria()
                                .andOperator(
                                        Criteria.where("referral.referringPartner")
                                                .is(null),
                                        Criteria.where("referral.submittedBy").is(subject)));
        Criteria criteria = status == null
                ? sender
                : new Criteria()
                        .andOperator(sender, Criteria.where("referral.status").is(status));
        return mongo.findPage(criteria, pageable, ReferralDocument.class).map(ReferralDocument::referral);
    }

    List<Referral> ofPatient(String patientId) {
        return mongo
                .find(
                        org.springframework.data.mongodb.core.query.Query.query(
                                        Criteria.where("referral.patientId").is(patientId))
                                .limit(50),
                        ReferralDocument.class)
                .stream()
                .map(ReferralDocument::referral)
                .toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection referralOutboxCollection() {
            return new OutboxCollection(ReferralDocument.COLLECTION);
        }
    }
}
