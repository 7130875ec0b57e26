package org.hearth.patient.observations;

/** Who took the reading: it matters for how much weight the team gives it. */
public enum ObservationSource {
    CLINICIAN,
    FAMILY,
    DEVICE
}
