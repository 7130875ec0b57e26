package org.hearth.scheduling.patients;

import java.time.Instant;

/**
 * Scheduling's tolerant reader of {@code org.hearth.patient.PatientAdmitted.v1}: only the fields it
 * needs, unknown fields ignored. Its own copy on purpose: services share contracts, not classes.
 */
public record PatientAdmittedV1(String patientId, Instant admittedAt, String status, String language,
        String postalCode, Double latitude, Double longitude) {

    public static final String TYPE = "org.hearth.patient.PatientAdmitted.v1";
}
