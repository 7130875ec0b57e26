package org.hearth.patient.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.hearth.platform.events.WithEvents;

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
        Instant admittedAt,
        ClinicalProfile clinical,
        Discharge discharge) {

    /** When and why care ended; null while the patient is in care. */
    public record Discharge(LocalDate on, DischargeReason reason, String note) {}

    public Patient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(admittedAt, "admittedAt");
        clinical = clinical == null ? ClinicalProfile.none() : clinical; // documents stored before profiles existed
    }

    /** Admits a new patient; a birth date in the future is a typo, not a patient. */
    public static WithEvents<Patient> admit(
            String givenName,
            String familyName,
            LocalDate birthDate,
            Address address,
            String phone,
            String language,
            Instant now) {
        return admit(givenName, familyName, birthDate, address, phone, language, ClinicalProfile.none(), now);
    }

    public static WithEvents<Patient> admit(
            String givenName,
            String familyName,
            LocalDate birthDate,
            Address address,
            String phone,
            String language,
            ClinicalProfile clinical,
            Instant now) {
        return admit(
                UUID.randomUUID().toString(),
                givenName,
                familyName,
                birthDate,
                address,
                phone,
                language,
                clinical,
                now);
    }

    /** Admits under a given id: an admission from a referral derives it, so that a retry admits nobody twice. */
    public static WithEvents<Patient> admit(
            String id,
            String givenName,
            String familyName,
            LocalDate birthDate,
            Address address,
            String phone,
            String language,
            ClinicalProfile clinical,
            Instant now) {
        return admit(id, givenName, familyName, birthDate, address, phone, language, clinical, null, now);
    }

    /**
     * Admits from a referral: {@code referringPartner} (the partner organisation that sent it, null for staff) travels
     * in PatientAdmitted so that the other services know whose referral this patient is.
     */
    public static WithEvents<Patient> admit(
            String id,
            String givenName,
            String familyName,
            LocalDate birthDate,
            Address address,
            String phone,
            String language,
            ClinicalProfile clinical,
            String referringPartner,
            Instant now) {
        if (birthDate.isAfter(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC))) {
            throw new IllegalArgumentException("birthDate cannot be in the future");
        }
        Patient patient = new Patient(
                id,
                givenName.strip(),
                familyName.strip(),
                birthDate,
                address,
                phone,
                language,
                PatientStatus.ACTIVE,
                now,
                clinical,
                null);
        return WithEvents.of(patient, PatientAdmitted.of(patient, referringPartner));
    }

    public Patient withClinicalProfile(ClinicalProfile profile) {
        return new Patient(
                id, givenName, familyName, birthDate, address, phone, language, status, admittedAt, profile, discharge);
    }

    /** Pauses visits, e.g. during a hospital stay; only an active patient can be put on hold. */
    public WithEvents<Patient> hold(HoldReason reason, Instant now) {
        if (status != PatientStatus.ACTIVE) {
            throw new IllegalStateException("only an active patient can be put on hold; this one is " + status);
        }
        return WithEvents.of(
                withStatus(PatientStatus.ON_HOLD), new PatientStatusChanged(id, PatientStatus.ON_HOLD, reason, now));
    }

    public WithEvents<Patient> resume(Instant now) {
        if (status != PatientStatus.ON_HOLD) {
            throw new IllegalStateException("only a patient on hold can resume; this one is " + status);
        }
        return WithEvents.of(
                withStatus(PatientStatus.ACTIVE), new PatientStatusChanged(id, PatientStatus.ACTIVE, null, now));
    }

    private Patient withStatus(PatientStatus next) {
        return new Patient(
                id, givenName, familyName, birthDate, address, phone, language, next, admittedAt, clinical, discharge);
    }

    /**
     * Ends care. A discharged patient's record stays readable but takes no new plan, visits or readings.
     *
     * @throws IllegalStateException if the patient is discharged already
     */
    public WithEvents<Patient> discharge(LocalDate on, DischargeReason reason, String note, Instant now) {
        if (status == PatientStatus.DISCHARGED) {
            throw new IllegalStateException("the patient is discharged already");
        }
        if (on.isBefore(LocalDate.ofInstant(admittedAt, java.time.ZoneOffset.UTC))) {
            throw new IllegalArgumentException("dischargedOn: cannot be before the admission");
        }
        Patient discharged = new Patient(
                id,
                givenName,
                familyName,
                birthDate,
                address,
                phone,
                language,
                PatientStatus.DISCHARGED,
                admittedAt,
                clinical,
                new Discharge(on, reason, note));
        return WithEvents.of(discharged, new PatientDischarged(id, on, reason, now));
    }
}
