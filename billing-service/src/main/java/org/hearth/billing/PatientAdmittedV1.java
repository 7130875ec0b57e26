package org.hearth.billing;

import java.time.Instant;

/** Billing's tolerant reader of {@code org.hearth.patient.PatientAdmitted.v1}: the start of care. */
record PatientAdmittedV1(String patientId, Instant admittedAt) {

    static final String TYPE = "org.hearth.patient.PatientAdmitted.v1";
}
