package org.hearth.scheduling;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.events.EventEdge;
import org.hearth.platform.events.EventRoutes;
import org.hearth.scheduling.patients.PatientEventsV1.BreakGlassOpenedV1;
import org.hearth.scheduling.patients.PatientEventsV1.BreakGlassRevokedV1;
import org.hearth.scheduling.patients.PatientEventsV1.CareCircleChangedV1;
import org.hearth.scheduling.patients.PatientEventsV1.CareTeamChangedV1;
import org.hearth.scheduling.patients.PatientEventsV1.PatientAdmittedV1;
import org.hearth.scheduling.patients.PatientEventsV1.PatientDischargedV1;
import org.hearth.scheduling.patients.PatientEventsV1.PatientStatusChangedV1;
import org.hearth.scheduling.patients.PatientProjectionHandler;
import org.hearth.scheduling.sharing.SharedGrantsHandler;
import org.hearth.scheduling.sharing.SharingEventsV1.SharingGrantedV1;
import org.hearth.scheduling.sharing.SharingEventsV1.SharingRevokedV1;
import org.hearth.scheduling.visitplan.CarePlanSignedHandler;
import org.hearth.scheduling.visitplan.CarePlanSignedV1;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Scheduling's one consumer of hearth.patient.events. One consumer, not one per feature: a patient's events arrive
 * in order on one partition, and a discharge must be applied after the plan signed before it (and never the other
 * way round, which two consumer groups could do).
 */
@Component
class PatientEventsConsumer {

    private final EventEdge edge;
    private final EventRoutes routes;

    PatientEventsConsumer(
            EventEdge edge,
            PatientProjectionHandler projection,
            CarePlanSignedHandler carePlans,
            SharedGrantsHandler sharing) {
        this.edge = edge;
        this.routes = EventRoutes.forConsumer("scheduling-patient-events")
                .on(PatientAdmittedV1.TYPE, PatientAdmittedV1.class, projection::admitted)
                .on(PatientStatusChangedV1.TYPE, PatientStatusChangedV1.class, projection::statusChanged)
                .on(CareTeamChangedV1.TYPE, CareTeamChangedV1.class, projection::careTeamChanged)
                .on(CareCircleChangedV1.TYPE, CareCircleChangedV1.class, projection::careCircleChanged)
                .on(PatientDischargedV1.TYPE, PatientDischargedV1.class, projection::discharged)
                .on(BreakGlassOpenedV1.TYPE, BreakGlassOpenedV1.class, projection::breakGlassOpened)
                .on(BreakGlassRevokedV1.TYPE, BreakGlassRevokedV1.class, projection::breakGlassRevoked)
                .on(SharingGrantedV1.TYPE, SharingGrantedV1.class, sharing::granted)
                .on(SharingRevokedV1.TYPE, SharingRevokedV1.class, sharing::revoked)
                .on(CarePlanSignedV1.TYPE, CarePlanSignedV1.class, carePlans::signed);
    }

    @KafkaListener(topics = "hearth.patient.events")
    void on(ConsumerRecord<String, String> record) {
        edge.dispatch(record, routes);
    }
}
