package org.hearth.patient.referral;

import jakarta.annotation.PostConstruct;
import org.hearth.platform.events.DomainEvent;
import org.hearth.platform.events.Outbox;
import org.hearth.platform.events.VersionedDocuments;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
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
    private final Outbox outbox;
    private final VersionedDocuments versioned;

    ReferralRepository(TenantScopedMongo mongo, Outbox outbox, VersionedDocuments versioned) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.versioned = versioned;
    }

    record Versioned(Referral referral, long version) {
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(ReferralDocument.class, "referral.status", "referral.receivedAt");
    }

    /** Stores a new referral; false if one with this id exists (the retry of an idempotent request). */
    boolean insertIfAbsent(Referral referral) {
        try {
            mongo.insert(new ReferralDocument(referral.id(), TenantContext.current().value(), referral, 1,
                    outbox.entries(TOPIC, List.of(ReferralEvents.ReferralReceived.of(referral)))));
            outbox.written();
            return true;
        } catch (DuplicateKeyException existing) {
            return false;
        }
    }

    Optional<Versioned> find(String id) {
        return mongo.findById(id, ReferralDocument.class).map(d -> new Versioned(d.referral(), d.version()));
    }

boolean update(Referral changed, long expectedVersion, List<DomainEvent> events) {
        return versioned.update(changed.id(), expectedVersion, TOPIC, events,
                new Update().set("referral", changed), ReferralDocument.class);
    }

    Page<Referral> list(ReferralStatus status, Pageable pageable) {
        Criteria criteria = status == null ? new Criteria() : Criteria.where("referral.status").is(status);
        return mongo.findPage(criteria, pageable, ReferralDocument.class).map(ReferralDocument::referral);
    }

    /** A partner's referrals: those its organisation sent, or (stored before partners had one) its client sent. */
    Page<Referral> listSentBy(String partner, String subject, ReferralStatus status, Pageable pageable) {
        Criteria sender = new Criteria().orOperator(Criteria.where("referral.referringPartner").is(partner),
                new Criteria().andOperator(Criteria.where("referral.referringPartner").is(null),
                        Criteria.where("referral.submittedBy").is(subject)));
        Criteria criteria = status == null ? sender
                : new Criteria().andOperator(sender, Criteria.where("referral.status").is(status));
        return mongo.findPage(criteria, pageable, ReferralDocument.class).map(ReferralDocument::referral);
    }

    List<Referral> ofPatient(String patientId) {
        return mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                Criteria.where("referral.patientId").is(patientId)).limit(50), ReferralDocument.class)
                .stream().map(ReferralDocument::referral).toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection referralOutboxCollection() {
            return new OutboxCollection(ReferralDocument.COLLECTION);
        }
    }
}
