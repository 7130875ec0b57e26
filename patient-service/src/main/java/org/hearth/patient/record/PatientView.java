package org.hearth.patient.record;

import java.time.Instant;
import java.time.LocalDate;

/** A patient as the API shows it. */
public record PatientView(String id, String givenName, String familyName, LocalDate birthDate, Address address,
        String phone, String language, PatientStatus status, Instant admittedAt, ClinicalProfile clinical,
        Patient.Discharge discharge) {

    public static PatientView of(Patient p) {
        return new PatientView(p.id(), p.givenName(), p.familyName(), p.birthDate(), p.address(), p.phone(),
                p.language(), p.status(), p.admittedAt(), p.clinical(), p.discharge());
    }
}
