package org.hearth.patient.record;

import java.time.Instant;
import java.time.LocalDate;

/** A patient as the API shows it. */
public record PatientView(
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
        Patient.Discharge discharge) {

    public static PatientView of(Patient p) {
        return new PatientView(
                p.id(),
                p.givenName(),
                p.familyName(),
                p.birthDate(),
                p.address(),
                p.phone(),
                p.language(),
                p.status(),
                p.admittedAt(),
                p.clinical(),
                p.discharge());
    }

    /**
     * What a care-circle member reads of the record: who, where and the status of care, never the diagnoses,
     * allergies or discharge details (those travel only with the CARE_PLAN_SUMMARY consent, in its summary).
     */
    public PatientView forFamily() {
        return new PatientView(
                id, givenName, familyName, birthDate, address, phone, language, status, admittedAt, null, null);
    }
}
