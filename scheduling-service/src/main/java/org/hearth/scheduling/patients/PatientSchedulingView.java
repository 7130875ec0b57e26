package org.hearth.scheduling.patients;

import java.time.Instant;
import java.util.List;

/** A patient as scheduling's API shows it to staff. */
public record PatientSchedulingView(
        String patientId,
        String status,
        String language,
        String postalCode,
        Double latitude,
        Double longitude,
        Instant admittedAt,
        List<TimeWindow> timeWindows,
        String preferredClinicianId) {

    static PatientSchedulingView of(PatientProjection p) {
        return new PatientSchedulingView(
                p.patientId(),
                p.status(),
                p.language(),
                p.postalCode(),
                p.latitude(),
                p.longitude(),
                p.admittedAt(),
                p.timeWindows(),
                p.preferredClinicianId());
    }
}
