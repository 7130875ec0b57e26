package org.hearth.messaging.notices;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.messaging.live.Deliveries;
import org.hearth.messaging.messages.Message;
import org.hearth.messaging.messages.Posting;
import org.hearth.messaging.patients.PatientCircle;
import org.hearth.messaging.patients.PatientCircles;
import org.hearth.messaging.threads.ChatThread;
import org.hearth.messaging.threads.Threads;
import org.hearth.platform.events.EventHandling;
import org.hearth.platform.events.IncomingEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns other services' events into threads and notices. Admission opens the patient's care-team and family threads;
 * care team and circle changes update who takes part. An alert posts a notice in the care-team thread that is an
 * urgent item for the lead physician (backed up by the care team's coordinator); a missed visit tells the
 * coordinator and, with the SCHEDULE consent, the family; an authorization running low tells the coordinator. A visit
 * booked, moved or cancelled is a live CHANGE for the care team and the family with the SCHEDULE consent (screens
 * reload; nobody is mailed for it).
 * Notice texts name codes and dates, never clinical values; message ids derive from event ids (idempotent).
 */
@Component
class NoticeConsumers {

    static final String COORDINATOR = "COORDINATOR";

    private final EventHandling events;
    private final PatientCircles circles;
    private final Threads threads;
    private final Posting posting;
    private final Deliveries deliveries;
    private final ZoneId zone;

    NoticeConsumers(EventHandling events, PatientCircles circles, Threads threads, Posting posting,
            Deliveries deliveries, @Value("${hearth.messaging.zone:America/New_York}") ZoneId zone) {
        this.events = events;
        this.circles = circles;
        this.threads = threads;
        this.posting = posting;
        this.deliveries = deliveries;
        this.zone = zone;
    }

    @KafkaListener(topics = "hearth.patient.events", id = "messaging-patient-events")
    void onPatientEvent(ConsumerRecord<String, String> record) {
        events.handle(record, event -> {
            switch (event.type()) {
                case EventReadersV1.PatientAdmitted.TYPE -> {
                    var admitted = events.read(event, EventReadersV1.PatientAdmitted.class);
                    circles.admitted(event.id(), admitted.patientId());
                    threads.openPatientThreads(admitted.patientId(), admitted.admittedAt());
                }
                case EventReadersV1.CareTeamChanged.TYPE -> {
                    var team = events.read(event, EventReadersV1.CareTeamChanged.class);
                    circles.careTeam(event.id(), team.patientId(), team.leadPhysician(), team.members() == null ? List.of()
                            : team.members().stream().map(m -> new PatientCircle.TeamMember(m.subject(), m.role())).toList());
                }
                case EventReadersV1.CareCircleChanged.TYPE -> {
                    var circle = events.read(event, EventReadersV1.CareCircleChanged.class);
                    circles.careCircle(event.id(), circle.patientId(), circle.members() == null ? List.of()
                            : circle.members().stream().map(m -> new PatientCircle.CircleMember(m.subject(),
                                    m.scopes() == null ? java.util.Set.of() : m.scopes())).toList());
                }
                default -> {
                }
            }
        });
    }

    @KafkaListener(topics = "hearth.patient.alerts", id = "messaging-alerts")
    void onAlert(ConsumerRecord<String, String> record) {
        events.handle(record, event -> {
            if (!EventReadersV1.AlertRaised.TYPE.equals(event.type())) {
                return;
            }
            var alert = events.read(event, EventReadersV1.AlertRaised.class);
            careTeamThread(alert.patientId()).ifPresent(thread -> {
                PatientCircle circle = circles.find(alert.patientId()).orElseThrow();
                String physician = alert.owner() != null ? alert.owner() : circle.leadPhysician();
                String backup = circle.withRole(COORDINATOR).stream().findFirst().orElse(null);
                posting.post(idFor(event), thread, Message.SYSTEM, "Alert " + alert.rule() + " (" + alert.severity()
                        + ") was raised. Review it in the patient's alerts.", physician == null ? null
                        : new Posting.UrgentFor(physician, backup), List.of());
            });
        });
    }

    @KafkaListener(topics = "hearth.scheduling.events", id = "messaging-scheduling-events")
    void onScheduling(ConsumerRecord<String, String> record) {
        events.handle(record, event -> {
            if (EventReadersV1.VisitScheduled.TYPE.equals(event.type())) {
                var booked = events.read(event, EventReadersV1.VisitScheduled.class);
                scheduleChanged(event, booked.patientId(), "visit-scheduled:" + booked.visitId());
                return;
            }
            if (EventReadersV1.VisitRescheduled.TYPE.equals(event.type())) {
                var moved = events.read(event, EventReadersV1.VisitRescheduled.class);
                scheduleChanged(event, moved.patientId(), "visit-rescheduled:" + moved.visitId());
                return;
            }
            if (EventReadersV1.VisitCancelled.TYPE.equals(event.type())) {
                var cancelled = events.read(event, EventReadersV1.VisitCancelled.class);
                scheduleChanged(event, cancelled.patientId(), "visit-cancelled:" + cancelled.visitId());
                return;
            }
            if (!EventReadersV1.VisitMissed.TYPE.equals(event.type())) {
                return;
            }
            var missed = events.read(event, EventReadersV1.VisitMissed.class);
            LocalDate day = LocalDate.ofInstant(missed.scheduledStart(), zone);
            careTeamThread(missed.patientId()).ifPresent(thread -> posting.post(idFor(event), thread, Message.SYSTEM,
                    "The " + missed.discipline() + " visit of " + day + " was missed (" + missed.reason() + ").", null,
                    List.of()));
            circles.find(missed.patientId()).ifPresent(circle -> {
                deliveries.deliver(circle.withRole(COORDINATOR), "NOTICE", null, null, missed.patientId(),
                        "visit-missed:" + missed.visitId());
                deliveries.deliver(circle.circleWith("SCHEDULE"), "NOTICE", null, null, missed.patientId(),
                        "visit-missed:" + missed.visitId());
            });
        });
    }

    @KafkaListener(topics = "hearth.billing.events", id = "messaging-billing-events")
    void onBilling(ConsumerRecord<String, String> record) {
        events.handle(record, event -> {
            if (!EventReadersV1.AuthorizationUnitsLow.TYPE.equals(event.type())) {
                return;
            }
            var low = events.read(event, EventReadersV1.AuthorizationUnitsLow.class);
            circles.find(low.patientId()).ifPresent(circle -> deliveries.deliver(circle.withRole(COORDINATOR), "NOTICE",
                    null, null, low.patientId(), "authorization-low:" + low.authorizationId()));
        });
    }

    /** The care team and, with the SCHEDULE consent, the family see a schedule change live; nobody is mailed. */
    private void scheduleChanged(IncomingEvent event, String patientId, String notice) {
        circles.find(patientId).ifPresent(circle -> {
            Set<String> watchers = new LinkedHashSet<>();
            circle.careTeam().forEach(member -> watchers.add(member.subject()));
            watchers.addAll(circle.circleWith("SCHEDULE"));
            deliveries.deliverOnce("CHANGE:" + event.id(), watchers, "CHANGE", null, null, patientId, notice);
        });
    }

    private Optional<ChatThread> careTeamThread(String patientId) {
        return threads.find(Threads.patientThreadId(ChatThread.Kind.CARE_TEAM, patientId));
    }

    private static String idFor(IncomingEvent event) {
        return UUID.nameUUIDFromBytes(("notice|" + event.id()).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
