package org.hearth.patient.alerts;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Alerts of the caller's agency, each with its pending events in the same document. */
@Repository
class AlertRepository {

    static final String TOPIC = "hearth.patient.alerts";

    private final TenantScopedMongo mongo;
    private final AggregateStore<Alert, AlertDocument> store;

    AlertRepository(TenantScopedMongo mongo, AggregateStores stores, AlertSettings settings) {
        this.mongo = mongo;
        this.store = stores.of(AlertDocument.class, TOPIC)
                .readAs(AlertDocument::alert)
                .identifiedBy(Alert::id)
                .createdAs((alert, tenant, version, outbox) ->
                        new AlertDocument(alert.id(), tenant, alert, version, outbox, alert.nextEscalationAt(settings)))
                .updatedAs(alert -> new Update()
                        .set("alert", alert)
                        .set(AlertDocument.ESCALATION_DUE_AT, alert.nextEscalationAt(settings)));
    }

    record Versioned(Alert alert, long version) {}

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(AlertDocument.class, "alert.patientId", "alert.rule", "alert.status");
        mongo.ensureIndex(AlertDocument.class, AlertDocument.ESCALATION_DUE_AT);
    }

    /** Raises the alert unless one with its id exists (the same reading evaluated again after a redelivery). */
    boolean insertIfNew(Alert alert) {
        return store.insertIfAbsent(WithEvents.of(alert, AlertEvents.AlertRaised.of(alert)));
    }

    Optional<Versioned> find(String alertId) {
        return store.find(alertId).map(v -> new Versioned(v.aggregate(), v.version()));
    }

    /** The patient's alert for this rule that is not resolved yet, if any: a rule does not fire twice at once. */
    Optional<Alert> active(String patientId, String rule) {
        return mongo
                .find(
                        Query.query(Criteria.where("alert.patientId")
                                        .is(patientId)
                                        .and("alert.rule")
                                        .is(rule)
                                        .and("alert.status")
                                        .ne(AlertStatus.RESOLVED))
                                .limit(1),
                        AlertDocument.class)
                .stream()
                .map(AlertDocument::alert)
                .findFirst();
    }

    /** Writes the alert's next state and its event if it is still at {@code expectedVersion} (false otherwise). */
    boolean update(Alert changed, long expectedVersion, DomainEvent event) {
        return store.update(WithEvents.of(changed, event), expectedVersion);
    }

    /** One patient's alerts, newest first (a patient has tens, not thousands). */
    List<Alert> ofPatient(String patientId) {
        return list(
                        Optional.of(List.of(patientId)),
                        null,
                        org.springframework.data.domain.PageRequest.of(
                                0,
                                500,
                                org.springframework.data.domain.Sort.by(
                                        org.springframework.data.domain.Sort.Direction.DESC, "alert.raisedAt")))
                .getContent();
    }

    /** Alerts of the agency, or of the given patients only. */
    Page<Alert> list(Optional<List<String>> patients, AlertStatus status, Pageable pageable) {
        Criteria criteria =
                patients.map(ids -> Criteria.where("alert.patientId").in(ids)).orElseGet(Criteria::new);
        if (status != null) {
            criteria = criteria.and("alert.status").is(status);
        }
        return store.page(criteria, pageable);
    }

    /**
     * Alerts of every agency due for escalation at {@code now}, earliest first (system job). Alerts stored before the
     * due time was kept are read by status, below the top of the chain.
     */
    List<AlertDocument> dueAcrossAgencies(Instant now, int limit) {
        Criteria due = Criteria.where(AlertDocument.ESCALATION_DUE_AT).lte(now);
        Criteria stored = Criteria.where(AlertDocument.ESCALATION_DUE_AT)
                .exists(false)
                .and("alert.status")
                .is(AlertStatus.OPEN)
                .and("alert.escalations")
                .lt(Alert.ESCALATION_CHAIN.size())
                .and("alert.raisedAt")
                .lte(now);
        return mongo.findAcrossAgencies(
                Query.query(new Criteria().orOperator(due, stored))
                        .with(org.springframework.data.domain.Sort.by(AlertDocument.ESCALATION_DUE_AT)),
                limit,
                AlertDocument.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection alertOutboxCollection() {
            return new OutboxCollection(AlertDocument.COLLECTION);
        }
    }
}
