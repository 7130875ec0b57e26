package org.hearth.patient.observations;

import java.time.Instant;
import org.hearth.platform.events.DomainEvent;

/** A vital sign was recorded: code, value and time only. Consumed by the alert rules. */
public record ObservationRecorded(
        String patientId,
        String observationId,
        Vital vital,
        double value,
        String unit,
        Instant observedAt,
        ObservationSource source)
        implements DomainEvent {

    public static final String TYPE = "org.hearth.patient.ObservationRecorded.v1";

    static ObservationRecorded of(Observation o) {
        return new ObservationRecorded(
                o.patientId(), o.id(), o.vital(), o.value(), o.unit(), o.observedAt(), o.source());
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return patientId;
    }
}
