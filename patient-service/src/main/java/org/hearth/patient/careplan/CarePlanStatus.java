package org.hearth.patient.careplan;

/** A version is drafted, becomes active when the lead physician signs it, and is superseded by the next. */
public enum CarePlanStatus {
    DRAFT,
    ACTIVE,
    SUPERSEDED
}
