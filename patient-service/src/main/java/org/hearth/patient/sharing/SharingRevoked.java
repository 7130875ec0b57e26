package org.hearth.patient.sharing;

import java.time.Instant;
import org.hearth.platform.events.DomainEvent;

/**
 * The patient's agency revoked a sharing grant: services that serve a shared part themselves stop at once (the other
 * agency's next read is 404). Ids and the time only.
 */
public record SharingRevoked(String patientId, String grantId, Instant revokedAt) implements DomainEvent {

    public static final String TYPE = "org.hearth.patient.SharingRevoked.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return patientId;
    }
}
