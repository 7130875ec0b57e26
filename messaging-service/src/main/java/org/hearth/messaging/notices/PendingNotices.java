package org.hearth.messaging.notices;

import jakarta.annotation.PostConstruct;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hearth.messaging.live.Deliveries;
import org.hearth.messaging.patients.PatientCircle;
import org.hearth.messaging.patients.PatientCircles;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deliveries that wait for the people they are for. Parking writes first and then tries to complete, and a circle
 * change writes the circle first and then completes what is parked for the patient: whichever comes second sees
 * the other, so nothing waits for the sweep unless a process died in between. Every step is idempotent (deliveries
 * once per pending notice and recipient), so two replicas completing the same notice deliver it once.
 */
@Component
class PendingNotices {

    private static final Logger log = LoggerFactory.getLogger(PendingNotices.class);
    static final int BATCH = 200;

    private final TenantScopedMongo mongo;
    private final PatientCircles circles;
    private final Deliveries deliveries;
    private final Clock clock;

    PendingNotices(TenantScopedMongo mongo, PatientCircles circles, Deliveries deliveries, Clock clock) {
        this.mongo = mongo;
        this.circles = circles;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** What to deliver, to whom (a care-team role, maybe also a consent of the circle), about what. */
    record Request(
            String eventId,
            String patientId,
            String role,
            String scope,
            String kind,
            String threadId,
            String messageId,
            String notice,
            String sourceType,
            String sourceId) {}

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(PendingNotice.class, "patientId", "completedAt");
        mongo.ensureIndex(PendingNotice.class, "completedAt", "parkedAt");
    }

    /** Parks the delivery (once per event and kind), then delivers it now if its people are known. */
    void deliver(Request request) {
        String id = UUID.nameUUIDFromBytes(
                        ("pending|" + request.eventId() + "|" + request.kind() + "|" + request.role())
                                .getBytes(StandardCharsets.UTF_8))
                .toString();
        try {
            mongo.insert(new PendingNotice(
                    id,
                    TenantContext.current().value(),
                    request.patientId(),
                    request.role(),
                    request.scope(),
                    request.kind(),
                    request.threadId(),
                    request.messageId(),
                    request.notice(),
                    request.sourceType(),
                    request.sourceId(),
                    request.eventId(),
                    clock.instant(),
                    null));
        } catch (DuplicateKeyException parkedBefore) {
            // a redelivered event: complete what the first delivery parked
        }
        mongo.findById(id, PendingNotice.class).ifPresent(this::complete);
    }

    /** After the patient's circle changed: completes what waits for it. */
    void completeFor(String patientId) {
        mongo.find(
                        Query.query(Criteria.where("patientId")
                                        .is(patientId)
                                        .and("completedAt")
                                        .is(null))
                                .limit(BATCH),
                        PendingNotice.class)
                .forEach(this::complete);
    }

    /** Open notices of a patient, for tests and operators. */
    List<PendingNotice> open(String patientId) {
        return mongo.find(
                Query.query(Criteria.where("patientId")
                        .is(patientId)
                        .and("completedAt")
                        .is(null)),
                PendingNotice.class);
    }

    /** The safety net: a process that died between parking and completing leaves work for any replica. */
    @Scheduled(
            fixedDelayString = "${hearth.messaging.notices.sweep-interval:PT1M}",
            initialDelayString = "${hearth.messaging.notices.sweep-interval:PT1M}")
    void scheduled() {
        sweep();
    }

    int sweep() {
        int completed = 0;
        for (PendingNotice waiting : mongo.findAcrossAgencies(
                Query.query(Criteria.where("completedAt").is(null)), BATCH, PendingNotice.class)) {
            if (TenantContext.callAs(TenantId.of(waiting.tenantId()), () -> complete(waiting))) {
                completed++;
            }
        }
        return completed;
    }

    private boolean complete(PendingNotice waiting) {
        if (waiting.completedAt() != null) {
            return false;
        }
        Optional<PatientCircle> circle = circles.find(waiting.patientId());
        List<String> withRole = circle.map(c -> c.withRole(waiting.role())).orElse(List.of());
        if (withRole.isEmpty()) {
            log.debug(
                    "Notice {} ({}) waits for the {} of patient {}",
                    waiting.id(),
                    waiting.sourceType(),
                    waiting.role(),
                    waiting.patientId());
            return false;
        }
        Set<String> people = new LinkedHashSet<>(withRole);
        if (waiting.scope() != null) {
            people.addAll(circle.get().circleWith(waiting.scope()));
        }
        deliveries.deliverOnce(
                "pending:" + waiting.id(),
                people,
                waiting.kind(),
                waiting.threadId(),
                waiting.messageId(),
                waiting.patientId(),
                waiting.notice());
        mongo.update(waiting.id(), new Update().set("completedAt", clock.instant()), PendingNotice.class);
        Duration waited = Duration.between(waiting.parkedAt(), clock.instant());
        if (waited.compareTo(Duration.ofSeconds(5)) > 0) {
            log.info(
                    "Notice {} ({} {}) delivered after waiting {} for the patient's {}",
                    waiting.id(),
                    waiting.sourceType(),
                    waiting.sourceId(),
                    waited,
                    waiting.role());
        }
        return true;
    }
}
