package org.hearth.patient.alerts;

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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Alerts of the caller's agency, each with its pending events in the same document. */
@Repository
class AlertRepository {

    static final String TOPIC = "hearth.patient.alerts";

    private final TenantScopedMongo mongo;
    private final Outbox outbox;
    private final VersionedDocuments versioned;

    AlertRepository(TenantScopedMongo mongo, Outbox outbox, VersionedDocuments versioned) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.versioned = versioned;
    }

    record Versioned(Alert alert, long version) {
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(AlertDocument.class, "alert.patientId", "alert.rule", "alert.status");
    }

    /** Raises the alert unless one with its id exists (the same reading evaluated again after a redelivery). */
    boolean insertIfNew(Alert alert) {
        try {
            mongo.insert(new AlertDocument(alert.id(), TenantContext.current().value(), alert, 1,
                    outbox.entries(TOPIC, List.of(AlertEvents.AlertRaised.of(alert)))));
            outbox.written();
            return true;
        } catch (DuplicateKeyException alreadyRaised) {
            return false;
        }
    }

    Optional<Versioned> find(String alertId) {
        return mongo.findById(alertId, AlertDocument.class).map(d -> new Versioned(d.alert(), d.version()));
    }

    /** The patient's alert for this rule that is not resolved yet, if any: a rule does not fire twice at once. */
    Optional<Alert> active(String patientId, String rule) {
        return mongo.find(Query.query(Criteria.where("alert.patientId").is(patientId).and("alert.rule").is(rule)
                .and("alert.status").ne(AlertStatus.RESOLVED)).limit(1), AlertDocument.class)
                .stream().map(AlertDocument::alert).findFirst();
    }

boolean update(Alert changed, long expectedVersion, DomainEvent event) {
        return versioned.update(changed.id(), expectedVersion, TOPIC, List.of(event),
                new Update().set("alert", changed), AlertDocument.class);
    }

    /** Alerts of the agency, or of the given patients only. */
    Page<Alert> list(Optional<List<String>> patients, AlertStatus status, Pageable pageable) {
        Criteria criteria = patients.map(ids -> Criteria.where("alert.patientId").in(ids)).orElseGet(Criteria::new);
        if (status != null) {
            criteria = criteria.and("alert.status").is(status);
        }
        return mongo.findPage(criteria, pageable, AlertDocument.class).map(AlertDocument::alert);
    }

    /** Open alerts of every agency raised before {@code raisedBefore}: candidates for escalation (system job). */
    List<AlertDocument> openAcrossAgencies(Instant raisedBefore, int limit) {
        return mongo.findAcrossAgencies(Query.query(Criteria.where("alert.status").is(AlertStatus.OPEN)
                .and("alert.raisedAt").lte(raisedBefore)), limit, AlertDocument.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection alertOutboxCollection() {
            return new OutboxCollection(AlertDocument.COLLECTION);
        }
    }
}
