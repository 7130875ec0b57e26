package org.hearth.scheduling.patients;

import org.hearth.platform.events.IncomingEvent;
import org.hearth.scheduling.patients.PatientEventsV1.BreakGlassOpenedV1;
import org.hearth.scheduling.patients.PatientEventsV1.BreakGlassRevokedV1;
import org.hearth.scheduling.patients.PatientEventsV1.CareCircleChangedV1;
import org.hearth.scheduling.patients.PatientEventsV1.CareTeamChangedV1;
import org.hearth.scheduling.patients.PatientEventsV1.PatientAdmittedV1;
import org.hearth.scheduling.patients.PatientEventsV1.PatientDischargedV1;
import org.hearth.scheduling.patients.PatientEventsV1.PatientStatusChangedV1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps the patient projection in step with hearth.patient.events (routed by the service's one consumer of that
 * topic, so a patient's events are applied in order). A discharge also cancels the visits after it (before the
 * projection records it, so a crash between the two is repaired by the redelivery).
 */
@Component
public class PatientProjectionHandler {

    private static final Logger log = LoggerFactory.getLogger(PatientProjectionHandler.class);

    private final PatientProjectionRepository projection;
    private final ApplicationEventPublisher local;

    PatientProjectionHandler(PatientProjectionRepository projection, ApplicationEventPublisher local) {
        this.projection = projection;
        this.local = local;
    }

    public void admitted(IncomingEvent event, PatientAdmittedV1 admitted) {
        logged(event, projection.apply(event.id(), admitted));
    }

    public void statusChanged(IncomingEvent event, PatientStatusChangedV1 changed) {
        logged(event, projection.apply(event.id(), changed));
    }

    public void careTeamChanged(IncomingEvent event, CareTeamChangedV1 changed) {
        logged(event, projection.apply(event.id(), changed));
    }

    public void careCircleChanged(IncomingEvent event, CareCircleChangedV1 changed) {
        logged(event, projection.apply(event.id(), changed));
    }

    public void breakGlassOpened(IncomingEvent event, BreakGlassOpenedV1 opened) {
        logged(event, projection.apply(event.id(), opened));
    }

    public void breakGlassRevoked(IncomingEvent event, BreakGlassRevokedV1 revoked) {
        logged(event, projection.apply(event.id(), revoked));
    }

    public void discharged(IncomingEvent event, PatientDischargedV1 discharged) {
        local.publishEvent(new PatientDischargedLocally(discharged.patientId(), discharged.dischargedOn()));
        logged(event, projection.apply(event.id(), discharged));
    }

    private static void logged(IncomingEvent event, boolean applied) {
        if (applied) {
            log.info("{} {} applied to patient {}", event.type(), event.id(), event.subject());
        }
    }
}
