package org.hearth.scheduling.patients;

import java.time.Instant;

/** A patient as scheduling's API shows it. */
public record PatientSchedulingView(String patientId, String status, String language, String postalCode,
        Double latitude, Double longitude, Instant admittedAt) {

    static PatientSchedulingView of(PatientProjection p) {
        return new PatientSchedulingView(p.patientId(), p.status(), p.language(), p.postalCode(), p.latitude(),
                p.longitude(), p.admittedAt());
    }
}
