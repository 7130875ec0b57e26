package org.hearth.messaging.notices;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hearth.messaging.live.Deliveries;
import org.hearth.messaging.messages.Message;
import org.hearth.messaging.messages.Messages;
import org.hearth.messaging.messages.Posting;
import org.hearth.messaging.patients.PatientCircle;
import org.hearth.messaging.patients.PatientCircles;
import org.hearth.messaging.threads.ChatThread;
import org.hearth.messaging.threads.ThreadAccess;
import org.hearth.messaging.threads.Threads;
import org.hearth.platform.events.IncomingEvent;
import org.hearth.platform.observability.MetricTags;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * An alert's notice and urgent item in the care-team thread. The alert's clock is patient-service's (owner,
 * acknowledgement, escalation); the urgent item only mirrors it: it has no due time, ends when the alert is
 * acknowledged or resolved, and pages whom an escalation names. The notice never waits for admission (the thread is
 * opened from the alert itself), and the alert's later facts are stored as an {@link AlertSignal} first, so they
 * apply whether they are read before or after the notice was posted.
 */
@Component
class AlertNotices {

    private static final Logger log = LoggerFactory.getLogger(AlertNotices.class);
    private static final int ATTEMPTS = 5;

    private final TenantScopedMongo mongo;
    private final Threads threads;
    private final ThreadAccess access;
    private final PatientCircles circles;
    private final Posting posting;
    private final Messages messages;
    private final Deliveries deliveries;
    private final PendingNotices pending;
    private final AgencyCoordinators agencyCoordinators;
    private final Clock clock;
    private final MeterRegistry meters;

    AlertNotices(
            TenantScopedMongo mongo,
            Threads threads,
            ThreadAccess access,
            PatientCircles circles,
            Posting posting,
            Messages messages,
            Deliveries deliveries,
            PendingNotices pending,
            AgencyCoordinators agencyCoordinators,
            Clock clock,
            MeterRegistry meters) {
        this.meters = meters;
        this.mongo = mongo;
        this.threads = threads;
        this.access = access;
        this.circles = circles;
        this.posting = posting;
        this.messages = messages;
        this.deliveries = deliveries;
        this.pending = pending;
        this.agencyCoordinators = agencyCoordinators;
        this.clock = clock;
    }

    /**
     * Posts the notice, urgent for the alert's owner (a physician, or a role queue when the team had no lead). The
     * backup shown is the coordinator if already known; the escalation names whom to page when it comes.
     */
    void raised(IncomingEvent event, EventReadersV1.AlertRaised alert) {
        ChatThread thread = careTeamThread(alert.patientId());
        Optional<PatientCircle> circle = circles.find(alert.patientId());
        String owner = alert.owner() != null
                ? alert.owner()
                : circle.map(PatientCircle::leadPhysician).orElse(Posting.ROLE_QUEUE + "coordinator");
        String backup = owner.startsWith(Posting.ROLE_QUEUE)
                ? null
                : circle.flatMap(c ->
                                c.withRole(NoticeConsumers.COORDINATOR).stream().findFirst())
                        .orElse(null);
        String id = NoticeConsumers.idFor(event);
        posting.postNotice(
                id,
                thread,
                "Alert " + alert.rule() + " (" + alert.severity() + ") was raised. Review it in "
                        + "the patient's alerts.",
                new Posting.UrgentFor(owner, backup),
                new Message.Source(Message.Source.ALERT, alert.alertId(), event.id()));
        if (owner.startsWith(Posting.ROLE_QUEUE)) {
            pending.deliver(new PendingNotices.Request(
                    event.id(),
                    alert.patientId(),
                    role(owner),
                    null,
                    "URGENT",
                    thread.id(),
                    id,
                    null,
                    Message.Source.ALERT,
                    alert.alertId()));
        }
        // the other half of patient-service's hearth.alerts.raised: raised minus notified is the notice gap
        Counter.builder("hearth.alerts.notified")
                .description("Alerts whose urgent notice was posted to the care team")
                .tag("severity", String.valueOf(alert.severity()))
                .tag(MetricTags.AGENCY, MetricTags.agency())
                .register(meters)
                .increment();
        reconcile(alert.alertId());
    }

    void acknowledged(IncomingEvent event, EventReadersV1.AlertAcknowledged ack) {
        mongo.applyOnce(
                ack.alertId(),
                event.id(),
                new Update()
                        .set("patientId", ack.patientId())
                        .set("acknowledgedBy", ack.acknowledgedBy())
                        .set("acknowledgedAt", ack.acknowledgedAt()),
                AlertSignal.class);
        reconcile(ack.alertId());
    }

    void resolved(IncomingEvent event, EventReadersV1.AlertResolved resolved) {
        mongo.applyOnce(
                resolved.alertId(),
                event.id(),
                new Update()
                        .set("patientId", resolved.patientId())
                        .set("resolvedBy", resolved.resolvedBy())
                        .set("resolvedAt", resolved.resolvedAt()),
                AlertSignal.class);
        reconcile(resolved.alertId());
    }

    /**
     * Pages exactly the people the escalation names, once per alert and level. An escalation that names nobody (an
     * older producer, or patient-service could not reach Keycloak for longer than its grace) is never dropped: it is
     * logged and pages the patient's coordinators, else the agency's coordinators messaging knows, else waits for the
     * patient's coordinator (the role queue, completed by {@link PendingNotices}). The people are chosen when the event
     * is first applied and stored with it, so a redelivery pages the same people.
     */
    void escalated(IncomingEvent event, EventReadersV1.AlertEscalated escalated) {
        List<String> page =
                escalated.recipients() != null && !escalated.recipients().isEmpty()
                        ? escalated.recipients()
                        : unnamed(event, escalated);
        mongo.applyOnce(
                escalated.alertId(),
                event.id(),
                new Update()
                        .set("patientId", escalated.patientId())
                        .push(
                                "escalations",
                                new AlertSignal.Escalation(
                                        escalated.level(), escalated.escalatedTo(), page, escalated.escalatedAt())),
                AlertSignal.class);
        reconcile(escalated.alertId());
    }

    private List<String> unnamed(IncomingEvent event, EventReadersV1.AlertEscalated escalated) {
        List<String> team = circles.find(escalated.patientId())
                .map(c -> c.withRole(NoticeConsumers.COORDINATOR))
                .orElse(List.of());
        List<String> page = !team.isEmpty() ? team : agencyCoordinators.known();
        log.warn(
                "AlertEscalated {} (alert {}, level {}, {}) names no recipients: paging {}",
                event.id(),
                escalated.alertId(),
                escalated.level(),
                escalated.escalatedTo(),
                !team.isEmpty()
                        ? team.size() + " coordinator(s) of the patient's team"
                        : !page.isEmpty()
                                ? page.size() + " coordinator(s) of the agency"
                                : "the patient's coordinator once known");
        return page.isEmpty() ? List.of(Posting.ROLE_QUEUE + "coordinator") : page;
    }

    /** Brings the alert's urgent item in line with what is known of the alert; idempotent, in any order. */
    void reconcile(String alertId) {
        Optional<AlertSignal> signal = mongo.findById(alertId, AlertSignal.class);
        Optional<Message> notice = messages.bySource(Message.Source.ALERT, alertId);
        if (signal.isEmpty() || notice.isEmpty() || notice.get().urgent() == null) {
            return; // the other half comes later and reconciles then
        }
        if (signal.get().ended()) {
            end(notice.get(), signal.get());
            return; // acknowledged or resolved: an escalation read late pages nobody
        }
        for (AlertSignal.Escalation escalation : signal.get().escalations()) {
            page(notice.get(), alertId, escalation);
        }
    }

    private void end(Message notice, AlertSignal signal) {
        boolean resolved = signal.resolvedAt() != null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Message current = messages.find(notice.id()).orElseThrow();
            Message.Urgent urgent = current.urgent();
            Update update = new Update();
            if (urgent.acknowledgedAt() == null) {
                update.set(
                        "urgent.acknowledgedAt",
                        signal.acknowledgedAt() != null ? signal.acknowledgedAt() : signal.resolvedAt());
                update.set(
                        "urgent.acknowledgedBy",
                        signal.acknowledgedBy() != null ? signal.acknowledgedBy() : signal.resolvedBy());
            }
            if (resolved && urgent.closedAt() == null) {
                update.set("urgent.closedAt", signal.resolvedAt());
            }
            if (update.getUpdateObject().isEmpty()
                    || messages.update(current.id(), current.version(), update, List.of())) {
                break;
            }
        }
        Set<String> watchers = new LinkedHashSet<>(access.participants(careTeamThread(notice.patientId())));
        for (String person :
                new String[] {notice.urgent().recipient(), notice.urgent().backup()}) {
            if (person != null && !person.startsWith(Posting.ROLE_QUEUE)) {
                watchers.add(person);
            }
        }
        deliveries.deliverOnce(
                "alert-" + (resolved ? "resolved" : "acknowledged") + ":" + signal.alertId(),
                watchers,
                "ACKNOWLEDGED",
                notice.threadId(),
                notice.id(),
                notice.patientId(),
                null);
    }

    private void page(Message notice, String alertId, AlertSignal.Escalation escalation) {
        String occurrence = "alert-escalated:" + alertId + ":" + escalation.level();
        List<String> people = new ArrayList<>();
        for (String named : escalation.page()) {
            if (!named.startsWith(Posting.ROLE_QUEUE)) {
                people.add(named);
            } else if (!NoticeConsumers.COORDINATOR.equals(role(named))) {
                // stored by an older version of this consumer; new escalations name people or role:coordinator only
                List<String> coordinators = agencyCoordinators.known();
                log.warn(
                        "Alert {} escalated to {}: paging {} coordinator(s) of the agency instead",
                        alertId,
                        named,
                        coordinators.size());
                people.addAll(coordinators);
            } else {
                pending.deliver(new PendingNotices.Request(
                        occurrence,
                        notice.patientId(),
                        role(named),
                        null,
                        "URGENT",
                        notice.threadId(),
                        notice.id(),
                        null,
                        Message.Source.ALERT,
                        alertId));
            }
        }
        deliveries.deliverOnce(occurrence, people, "URGENT", notice.threadId(), notice.id(), notice.patientId(), null);
        String recipient = notice.urgent().recipient();
        if (!recipient.startsWith(Posting.ROLE_QUEUE)) {
            deliveries.deliverOnce(
                    occurrence + ":told",
                    List.of(recipient),
                    "ESCALATED",
                    notice.threadId(),
                    notice.id(),
                    notice.patientId(),
                    null);
        }
        String backup = people.isEmpty() ? escalation.page().getFirst() : people.getFirst();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Message current = messages.find(notice.id()).orElseThrow();
            Message.Urgent urgent = current.urgent();
            if (urgent.escalatedAt() != null && !urgent.escalatedAt().isBefore(escalation.escalatedAt())) {
                return; // this or a later level is shown already
            }
            if (messages.update(
                    current.id(),
                    current.version(),
                    new Update()
                            .set("urgent.escalatedAt", escalation.escalatedAt())
                            .set("urgent.backup", backup),
                    List.of())) {
                return;
            }
        }
    }

    private ChatThread careTeamThread(String patientId) {
        return threads.careTeamOf(patientId, clock.instant());
    }

    private static String role(String queue) {
        return queue.substring(Posting.ROLE_QUEUE.length())
                .toUpperCase(Locale.ROOT)
                .replace('-', '_');
    }
}
