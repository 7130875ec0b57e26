package org.hearth.patient.record;

import java.time.Instant;
import org.hearth.platform.events.DomainEvent;

/** Care paused (ON_HOLD, with a reason code) or resumed (ACTIVE): scheduling pauses or resumes visits. */
public record PatientStatusChanged(String patientId, PatientStatus status, HoldReason reason, Instant changedAt)
        implements DomainEvent {

    public static final String TYPE = "org.hearth.patient.PatientStatusChanged.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return patientId;
    }
}
