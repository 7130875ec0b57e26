package org.hearth.scheduling.patients;

import org.hearth.platform.events.EventHandling;
import org.hearth.platform.events.IncomingEvent;
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
 * Keeps the patient projection in step with hearth.patient.events (called by the service's one consumer of that
 * topic, so a patient's events are applied in order); event types scheduling does not follow are skipped. A discharge also cancels the visits after it (before the projection records it, so a crash between
 * the two is repaired by the redelivery).
 */
@Component
public class PatientProjectionHandler {

    private static final Logger log = LoggerFactory.getLogger(PatientProjectionHandler.class);

    private final EventHandling events;
    private final PatientProjectionRepository projection;
    private final ApplicationEventPublisher local;

    PatientProjectionHandler(EventHandling events, PatientProjectionRepository projection, ApplicationEventPublisher local) {
        this.events = events;
        this.projection = projection;
        this.local = local;
    }

    public void on(IncomingEvent event) {
        boolean applied = switch (event.type()) {
            case PatientAdmittedV1.TYPE -> projection.apply(event.id(), events.read(event, PatientAdmittedV1.class));
            case PatientStatusChangedV1.TYPE ->
                    projection.apply(event.id(), events.read(event, PatientStatusChangedV1.class));
            case CareTeamChangedV1.TYPE -> projection.apply(event.id(), events.read(event, CareTeamChangedV1.class));
            case CareCircleChangedV1.TYPE ->
                    projection.apply(event.id(), events.read(event, CareCircleChangedV1.class));
            case PatientDischargedV1.TYPE -> {
                PatientDischargedV1 discharged = events.read(event, PatientDischargedV1.class);
                local.publishEvent(new PatientDischargedLocally(discharged.patientId(), discharged.dischargedOn()));
                yield projection.apply(event.id(), discharged);
            }
            default -> false;
        };
        if (applied) {
            log.info("{} {} applied to patient {}", event.type(), event.id(), event.subject());
        }
    }
}
