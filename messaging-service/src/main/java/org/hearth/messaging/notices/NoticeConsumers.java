package org.hearth.messaging.notices;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.messaging.MessagingSettings;
import org.hearth.messaging.live.BillingDesk;
import org.hearth.messaging.live.Deliveries;
import org.hearth.messaging.messages.Message;
import org.hearth.messaging.messages.Posting;
import org.hearth.messaging.patients.PatientCircle;
import org.hearth.messaging.patients.PatientCircles;
import org.hearth.messaging.threads.Threads;
import org.hearth.platform.events.EventEdge;
import org.hearth.platform.events.EventRoutes;
import org.hearth.platform.events.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns other services' events into threads and notices; its whole inbound surface is the four route tables below, one
 * line per event type, through the platform's event edge (contract validation, dead letters, unknown types counted). Admission opens the patient's care-team and family threads; care team and circle changes
 * update who takes part. An alert posts a notice in the care-team thread that mirrors the alert's urgent state
 * ({@link AlertNotices}); a missed visit posts a notice and tells the coordinator and, with the SCHEDULE consent, the
 * family; an authorization running low tells the coordinator; billing's own changes are a live CHANGE for its billing
 * staff. A visit booked, moved or cancelled is a live CHANGE for the care team and the family with the SCHEDULE consent
 * (screens reload; nobody is mailed for it), and with a signed plan version it is a notice to the family in the family
 * thread ({@link FamilyNotices}, within the consent).
 * <p>
 * No notice depends on arrival order: a notice opens its thread from its own event, and a delivery whose people are
 * not known yet waits in {@link PendingNotices} until the care team arrives. Notice texts name codes and dates,
 * never clinical values; message ids derive from event ids (idempotent).
 */
@Component
class NoticeConsumers {

    static final String COORDINATOR = "COORDINATOR";
    static final String SCHEDULE = "SCHEDULE";

    private final EventEdge edge;
    private final PatientCircles circles;
    private final Threads threads;
    private final Posting posting;
    private final Deliveries deliveries;
    private final BillingDesk desk;
    private final AlertNotices alerts;
    private final PendingNotices pending;
    private final FamilyNotices family;
    private final BreakGlassNotices breakGlass;
    private final Clock clock;
    private final ZoneId zone;

    NoticeConsumers(
            EventEdge edge,
            PatientCircles circles,
            Threads threads,
            Posting posting,
            Deliveries deliveries,
            BillingDesk desk,
            AlertNotices alerts,
            PendingNotices pending,
            FamilyNotices family,
            BreakGlassNotices breakGlass,
            Clock clock,
            MessagingSettings settings) {
        this.edge = edge;
        this.circles = circles;
        this.threads = threads;
        this.posting = posting;
        this.deliveries = deliveries;
        this.desk = desk;
        this.alerts = alerts;
        this.pending = pending;
        this.family = family;
        this.breakGlass = breakGlass;
        this.clock = clock;
        this.zone = settings.zone();
        this.alertEvents = EventRoutes.forConsumer("messaging-alerts")
                .on(EventReadersV1.AlertRaised.TYPE, EventReadersV1.AlertRaised.class, alerts::raised)
                .on(EventReadersV1.AlertAcknowledged.TYPE, EventReadersV1.AlertAcknowledged.class, alerts::acknowledged)
                .on(EventReadersV1.AlertResolved.TYPE, EventReadersV1.AlertResolved.class, alerts::resolved)
                .on(EventReadersV1.AlertEscalated.TYPE, EventReadersV1.AlertEscalated.class, alerts::escalated);
        this.patientEvents = EventRoutes.forConsumer("messaging-patient-events")
                .on(EventReadersV1.PatientAdmitted.TYPE, EventReadersV1.PatientAdmitted.class, this::admitted)
                .on(EventReadersV1.CareTeamChanged.TYPE, EventReadersV1.CareTeamChanged.class, this::careTeam)
                .on(EventReadersV1.CareCircleChanged.TYPE, EventReadersV1.CareCircleChanged.class, this::careCircle)
                .on(EventReadersV1.CarePlanSigned.TYPE, EventReadersV1.CarePlanSigned.class, this::planSigned)
                .on(EventReadersV1.BreakGlassOpened.TYPE, EventReadersV1.BreakGlassOpened.class, breakGlass::opened);
    }

    /** Built in the constructor: a break-glass notice is {@link BreakGlassNotices}'. */
    private final EventRoutes patientEvents;

    /** Built in the constructor: its handlers are {@link AlertNotices}'. */
    private final EventRoutes alertEvents;

    private final EventRoutes schedulingEvents = EventRoutes.forConsumer("messaging-scheduling-events")
            .on(EventReadersV1.VisitScheduled.TYPE, EventReadersV1.VisitScheduled.class, this::visitScheduled)
            .on(EventReadersV1.VisitRescheduled.TYPE, EventReadersV1.VisitRescheduled.class, this::visitRescheduled)
            .on(EventReadersV1.VisitCancelled.TYPE, EventReadersV1.VisitCancelled.class, this::visitCancelled)
            .on(EventReadersV1.VisitMissed.TYPE, EventReadersV1.VisitMissed.class, this::visitMissed);

    private final EventRoutes billingEvents = EventRoutes.forConsumer("messaging-billing-events")
            .on(EventReadersV1.AuthorizationUnitsLow.TYPE, EventReadersV1.AuthorizationUnitsLow.class, this::unitsLow)
            .on(
                    EventReadersV1.AuthorizationStatusChanged.TYPE,
                    EventReadersV1.AuthorizationStatusChanged.class,
                    (event, changed) -> billingChanged(
                            event, changed.patientId(), "authorization-changed:" + changed.authorizationId()))
            .on(
                    EventReadersV1.BillableLineReady.TYPE,
                    EventReadersV1.BillableLineReady.class,
                    (event, line) -> billingChanged(event, line.patientId(), "billable-line-ready:" + line.lineId()))
            .on(
                    EventReadersV1.BillableLineOnHold.TYPE,
                    EventReadersV1.BillableLineOnHold.class,
                    (event, line) -> billingChanged(event, line.patientId(), "billable-line-on-hold:" + line.lineId()));

    @KafkaListener(topics = "hearth.patient.events", id = "messaging-patient-events")
    void onPatientEvent(ConsumerRecord<String, String> record) {
        edge.dispatch(record, patientEvents);
    }

    @KafkaListener(topics = "hearth.patient.alerts", id = "messaging-alerts")
    void onAlert(ConsumerRecord<String, String> record) {
        edge.dispatch(record, alertEvents);
    }

    @KafkaListener(topics = "hearth.scheduling.events", id = "messaging-scheduling-events")
    void onScheduling(ConsumerRecord<String, String> record) {
        edge.dispatch(record, schedulingEvents);
    }

    @KafkaListener(topics = "hearth.billing.events", id = "messaging-billing-events")
    void onBilling(ConsumerRecord<String, String> record) {
        edge.dispatch(record, billingEvents);
    }

    void admitted(IncomingEvent event, EventReadersV1.PatientAdmitted admitted) {
        circles.admitted(event.id(), admitted.patientId());
        threads.openPatientThreads(admitted.patientId(), admitted.admittedAt());
    }

    /** The team is what parked deliveries wait for: written first, then what waits for it is completed. */
    void careTeam(IncomingEvent event, EventReadersV1.CareTeamChanged team) {
        circles.careTeam(
                event.id(),
                team.patientId(),
                team.leadPhysician(),
                team.members() == null
                        ? List.of()
                        : team.members().stream()
                                .map(m -> new PatientCircle.TeamMember(m.subject(), m.role()))
                                .toList());
        pending.completeFor(team.patientId());
    }

    void careCircle(IncomingEvent event, EventReadersV1.CareCircleChanged circle) {
        circles.careCircle(
                event.id(),
                circle.patientId(),
                circle.members() == null
                        ? List.of()
                        : circle.members().stream()
                                .map(m -> new PatientCircle.CircleMember(
                                        m.subject(), m.scopes() == null ? Set.of() : m.scopes()))
                                .toList());
        pending.completeFor(circle.patientId());
    }

    void planSigned(IncomingEvent event, EventReadersV1.CarePlanSigned signed) {
        family.planSigned(event, signed);
    }

    void visitScheduled(IncomingEvent event, EventReadersV1.VisitScheduled booked) {
        scheduleChanged(event, booked.patientId(), "visit-scheduled:" + booked.visitId());
        family.visitScheduled(event, booked);
    }

    void visitRescheduled(IncomingEvent event, EventReadersV1.VisitRescheduled moved) {
        scheduleChanged(event, moved.patientId(), "visit-rescheduled:" + moved.visitId());
        family.visitRescheduled(event, moved);
    }

    void visitCancelled(IncomingEvent event, EventReadersV1.VisitCancelled cancelled) {
        scheduleChanged(event, cancelled.patientId(), "visit-cancelled:" + cancelled.visitId());
        family.visitCancelled(event, cancelled);
    }

    /** A notice in the care-team thread (opened if need be), and a delivery to the coordinators and the family. */
    void visitMissed(IncomingEvent event, EventReadersV1.VisitMissed missed) {
        LocalDate day = LocalDate.ofInstant(missed.scheduledStart(), zone);
        var thread = threads.careTeamOf(missed.patientId(), clock.instant());
        posting.postNotice(
                idFor(event),
                thread,
                "The " + missed.discipline() + " visit of " + day + " was missed (" + missed.reason() + ").",
                null,
                new Message.Source(Message.Source.VISIT_MISSED, missed.visitId(), event.id()));
        pending.deliver(new PendingNotices.Request(
                event.id(),
                missed.patientId(),
                COORDINATOR,
                SCHEDULE,
                "NOTICE",
                null,
                null,
                "visit-missed:" + missed.visitId(),
                Message.Source.VISIT_MISSED,
                missed.visitId()));
    }

    void unitsLow(IncomingEvent event, EventReadersV1.AuthorizationUnitsLow low) {
        pending.deliver(new PendingNotices.Request(
                event.id(),
                low.patientId(),
                COORDINATOR,
                null,
                "NOTICE",
                null,
                null,
                "authorization-low:" + low.authorizationId(),
                "AuthorizationUnitsLow",
                low.authorizationId()));
    }

    /**
     * Billing's own changes are a live CHANGE for the agency's billing staff (their open screens reload; nobody is
     * mailed): an authorization drafted, submitted or decided, a billable line ready or held.
     */
    private void billingChanged(IncomingEvent event, String patientId, String notice) {
        List<String> desk = this.desk.members();
        if (!desk.isEmpty()) {
            deliveries.deliverOnce("CHANGE:" + event.id(), desk, "CHANGE", null, null, patientId, notice);
        }
    }

    /**
     * The care team and, with the SCHEDULE consent, the family see a schedule change live; nobody is mailed. Before
     * the team is known nobody has the patient's schedule on screen, and a screen opened later loads the schedule
     * itself: this is the one delivery that is not kept for later.
     */
    private void scheduleChanged(IncomingEvent event, String patientId, String notice) {
        circles.find(patientId).ifPresent(circle -> {
            Set<String> watchers = new LinkedHashSet<>();
            circle.careTeam().forEach(member -> watchers.add(member.subject()));
            watchers.addAll(circle.circleWith(SCHEDULE));
            deliveries.deliverOnce("CHANGE:" + event.id(), watchers, "CHANGE", null, null, patientId, notice);
        });
    }

    static String idFor(IncomingEvent event) {
        return UUID.nameUUIDFromBytes(("notice|" + event.id()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
