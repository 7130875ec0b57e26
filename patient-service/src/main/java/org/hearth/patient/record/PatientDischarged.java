package org.hearth.patient.record;

import java.time.Instant;
import java.time.LocalDate;
import org.hearth.platform.events.DomainEvent;

/** Care ended: scheduling cancels the visits left, messaging closes threads to new posts, billing closes the episode. */
public record PatientDischarged(String patientId, LocalDate dischargedOn, DischargeReason reason, Instant recordedAt)
        implements DomainEvent {

    public static final String TYPE = "org.hearth.patient.PatientDischarged.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return patientId;
    }
}
