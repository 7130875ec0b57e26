package org.hearth.patient.record;

import java.time.Instant;
import org.hearth.platform.events.DomainEvent;

/**
 * A patient was admitted. Carries ids, codes and coordinates only (contracts/events/patient.PatientAdmitted.v1.json):
 * no name, birth date or street, which consumers never need. {@code referringPartner} lets scheduling and billing
 * show a referring partner system the patients it referred, and no others.
 */
public record PatientAdmitted(
        String patientId,
        Instant admittedAt,
        PatientStatus status,
        String language,
        String postalCode,
        Double latitude,
        Double longitude,
        String referringPartner)
        implements DomainEvent {

    public static final String TYPE = "org.hearth.patient.PatientAdmitted.v1";

    /** @param referringPartner the partner organisation whose referral admitted the patient; null when staff did */
    static PatientAdmitted of(Patient patient, String referringPartner) {
        Address address = patient.address();
        return new PatientAdmitted(
                patient.id(),
                patient.admittedAt(),
                patient.status(),
                patient.language(),
                address == null ? null : address.postalCode(),
                address == null ? null : address.latitude(),
                address == null ? null : address.longitude(),
                referringPartner);
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
