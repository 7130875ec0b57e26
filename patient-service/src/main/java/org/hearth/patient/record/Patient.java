package org.hearth.patient.record;

import org.hearth.platform.events.WithEvents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A person the agency cares for at home. Immutable; operations return the new state and the events they cause. */
public record Patient(
        String id,
        String givenName,
        String familyName,
        LocalDate birthDate,
        Address address,
        String phone,
        String language,
        PatientStatus status,
        Instant admittedAt) {

    public Patient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(admittedAt, "admittedAt");
    }

    /** Admits a new patient; a birth date in the future is a typo, not a patient. */
    public static WithEvents<Patient> admit(String givenName, String familyName, LocalDate birthDate, Address address,
            String phone, String language, Instant now) {
        if (birthDate.isAfter(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC))) {
            throw new IllegalArgumentException("birthDate cannot be in the future");
        }
        Patient patient = new Patient(UUID.randomUUID().toString(), givenName.strip(), familyName.strip(), birthDate,
                address, phone, language, PatientStatus.ACTIVE, now);
        return WithEvents.of(patient, PatientAdmitted.of(patient));
    }
}
