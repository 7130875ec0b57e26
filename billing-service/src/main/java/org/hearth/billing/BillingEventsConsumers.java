package org.hearth.billing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.billing.authorizations.AuthorizationDrafting;
import org.hearth.billing.authorizations.CarePlanSignedV1;
import org.hearth.billing.patients.BillingFiles;
import org.hearth.billing.trail.BillingTrail;
import org.hearth.billing.trail.SchedulingEventsV1.EvvExceptionRecordedV1;
import org.hearth.billing.trail.SchedulingEventsV1.VisitCompletedV1;
import org.hearth.platform.events.EventHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Billing's consumers: patient events open the billing file and draft authorizations when a plan is signed;
 * scheduling events feed the billing trail. One consumer per topic keeps each patient's events in order.
 */
@Component
class BillingEventsConsumers {

    private static final Logger log = LoggerFactory.getLogger(BillingEventsConsumers.class);

    private final EventHandling events;
    private final BillingFiles files;
    private final AuthorizationDrafting drafting;
    private final BillingTrail trail;
    private final ZoneId zone;

    BillingEventsConsumers(EventHandling events, BillingFiles files, AuthorizationDrafting drafting, BillingTrail trail,
            @Value("${hearth.billing.zone:America/New_York}") ZoneId zone) {
        this.events = events;
        this.files = files;
        this.drafting = drafting;
        this.trail = trail;
        this.zone = zone;
    }

    @KafkaListener(topics = "hearth.patient.events", id = "billing-patient-events")
    void onPatientEvent(ConsumerRecord<String, String> record) {
        events.handle(record, event -> {
            switch (event.type()) {
                case PatientAdmittedV1.TYPE -> {
                    var admitted = events.read(event, PatientAdmittedV1.class);
                    files.admitted(event.id(), admitted.patientId(), LocalDate.ofInstant(admitted.admittedAt(), zone));
                }
                case CarePlanSignedV1.TYPE -> {
                    var plan = events.read(event, CarePlanSignedV1.class);
                    int drafted = drafting.draftFor(plan); // idempotent: drafts have derived ids
                    files.planSigned(event.id(), plan.patientId(), plan.planVersion(), plan.signedAt());
                    log.info("Plan v{} of patient {} signed: {} authorization request(s) drafted", plan.planVersion(),
                            plan.patientId(), drafted);
                }
                default -> {
                }
            }
        });
    }

    @KafkaListener(topics = "hearth.scheduling.events", id = "billing-scheduling-events")
    void onSchedulingEvent(ConsumerRecord<String, String> record) {
        events.handle(record, event -> {
            switch (event.type()) {
                case VisitCompletedV1.TYPE -> trail.completed(events.read(event, VisitCompletedV1.class));
                case EvvExceptionRecordedV1.TYPE ->
                        trail.evvException(event.id(), events.read(event, EvvExceptionRecordedV1.class));
                default -> {
                }
            }
        });
    }
}
