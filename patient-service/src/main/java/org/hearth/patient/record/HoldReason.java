package org.hearth.patient.record;

/** Why visits pause while the patient stays with the agency. */
public enum HoldReason {
    HOSPITALIZED,
    AWAY_FROM_HOME,
    PATIENT_REQUEST,
    OTHER
}
