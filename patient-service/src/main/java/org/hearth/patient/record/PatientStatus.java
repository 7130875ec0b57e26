package org.hearth.patient.record;

/** Where a patient stands with the agency. */
public enum PatientStatus {
    ACTIVE,
    ON_HOLD,
    DISCHARGED
}
