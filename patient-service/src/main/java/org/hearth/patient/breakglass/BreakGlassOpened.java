package org.hearth.patient.breakglass;

import java.time.Instant;
import java.util.List;
import org.hearth.platform.events.DomainEvent;

/**
 * A clinician opened a patient's record in an emergency. Ids and times only: the stated reason stays in
 * patient-service. {@code recipients} names the people to tell (the agency's privacy officers and the lead physician),
 * resolved here because messaging has no view of Keycloak.
 */
public record BreakGlassOpened(
        String patientId,
        String grantId,
        String clinician,
        Instant openedAt,
        Instant expiresAt,
        String leadPhysician,
        List<String> recipients)
        implements DomainEvent {

    public static final String TYPE = "org.hearth.patient.BreakGlassOpened.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return patientId;
    }
}
