package org.hearth.billing;

import java.time.Instant;

/**
 * Billing's tolerant reader of {@code org.hearth.patient.PatientAdmitted.v1}: the start of care, and the partner
 * organisation that referred the patient (whose SMART client may read the patient's coverage and authorizations).
 */
record PatientAdmittedV1(String patientId, Instant admittedAt, String referringPartner) {

    static final String TYPE = "org.hearth.patient.PatientAdmitted.v1";
}
