package org.hearth.patient.access;

/**
 * What a family member may see or do. Billing is never among them. {@code ACCESS_LOG} lets the point of contact see
 * who accessed the record (audit-service reads it from CareCircleChanged) and ask the privacy officer about it.
 */
public enum ConsentScope {
    SCHEDULE,
    CARE_PLAN_SUMMARY,
    MESSAGES,
    VITALS,
    ACCESS_LOG
}
