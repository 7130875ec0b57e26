package org.hearth.patient.record;

/** Why care ended, as a code: the free-text detail stays in the record, not in events. */
public enum DischargeReason {
    GOALS_MET,
    HOSPITALIZED,
    TRANSFERRED,
    MOVED_OUT_OF_AREA,
    PATIENT_REQUEST,
    DECEASED,
    OTHER
}
