package org.hearth.billing;

import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.billing.authorizations.AuthorizationDrafting;
import org.hearth.billing.authorizations.CarePlanSignedV1;
import org.hearth.billing.patients.BillingFiles;
import org.hearth.billing.trail.BillingTrail;
import org.hearth.billing.trail.SchedulingEventsV1.EvvExceptionRecordedV1;
import org.hearth.billing.trail.SchedulingEventsV1.VisitCompletedV1;
import org.hearth.platform.events.EventEdge;
import org.hearth.platform.events.EventRoutes;
import org.hearth.platform.events.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Billing's consumers: patient events open the billing file and draft authorizations when a plan is signed;
 * scheduling events feed the billing trail. One consumer per topic keeps each patient's events in order; across the
 * two topics nothing is ordered, so a patient event re-evaluates the lines held while it had not been read.
 */
@Component
class BillingEventsConsumers {

    private static final Logger log = LoggerFactory.getLogger(BillingEventsConsumers.class);

    private final EventEdge edge;
    private final BillingFiles files;
    private final AuthorizationDrafting drafting;
    private final BillingTrail trail;
    private final ZoneId zone;
    private final EventRoutes patientEvents;
    private final EventRoutes schedulingEvents;

    BillingEventsConsumers(
            EventEdge edge,
            BillingFiles files,
            AuthorizationDrafting drafting,
            BillingTrail trail,
            BillingSettings settings) {
        this.edge = edge;
        this.files = files;
        this.drafting = drafting;
        this.trail = trail;
        this.zone = settings.zone();
        this.patientEvents = EventRoutes.forConsumer("billing-patient-events")
                .on(PatientAdmittedV1.TYPE, PatientAdmittedV1.class, this::admitted)
                .on(CarePlanSignedV1.TYPE, CarePlanSignedV1.class, this::planSigned);
        this.schedulingEvents = EventRoutes.forConsumer("billing-scheduling-events")
                .on(VisitCompletedV1.TYPE, VisitCompletedV1.class, (event, completed) -> trail.completed(completed))
                .on(
                        EvvExceptionRecordedV1.TYPE,
                        EvvExceptionRecordedV1.class,
                        (event, exception) -> trail.evvException(event.id(), exception));
    }

    @KafkaListener(topics = "hearth.patient.events", id = "billing-patient-events")
    void onPatientEvent(ConsumerRecord<String, String> record) {
        edge.dispatch(record, patientEvents);
    }

    @KafkaListener(topics = "hearth.scheduling.events", id = "billing-scheduling-events")
    void onSchedulingEvent(ConsumerRecord<String, String> record) {
        edge.dispatch(record, schedulingEvents);
    }

    private void admitted(IncomingEvent event, PatientAdmittedV1 admitted) {
        files.admitted(
                event.id(),
                admitted.patientId(),
                LocalDate.ofInstant(admitted.admittedAt(), zone),
                admitted.referringPartner());
        factsArrived(admitted.patientId());
    }

    private void planSigned(IncomingEvent event, CarePlanSignedV1 plan) {
        int drafted = drafting.draftFor(plan); // idempotent: drafts have derived ids
        files.planSigned(event.id(), plan.patientId(), plan.planVersion(), plan.signedAt());
        log.info(
                "Plan v{} of patient {} signed: {} authorization request(s) drafted",
                plan.planVersion(),
                plan.patientId(),
                drafted);
        factsArrived(plan.patientId());
    }

    /**
     * Visits are on another topic: one completed before this event was read has a line held for want of it. Runs
     * on every delivery, not only the first, so a redelivery after a failed re-evaluation finishes the job.
     */
    private void factsArrived(String patientId) {
        int ready = trail.reevaluateHeld(patientId);
        if (ready > 0) {
            log.info("{} held line(s) of patient {} ready now", ready, patientId);
        }
    }
}
