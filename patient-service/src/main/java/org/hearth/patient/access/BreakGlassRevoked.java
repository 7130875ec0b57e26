package org.hearth.patient.access;

import java.time.Instant;
import org.hearth.platform.events.DomainEvent;

/**
 * The privacy officer ended a break-glass grant before its time. Services that honour the grant themselves
 * (scheduling, for the patient's visits) stop at once; ids and times only.
 */
public record BreakGlassRevoked(String patientId, String grantId, String clinician, Instant revokedAt)
        implements DomainEvent {

    public static final String TYPE = "org.hearth.patient.BreakGlassRevoked.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return patientId;
    }
}
