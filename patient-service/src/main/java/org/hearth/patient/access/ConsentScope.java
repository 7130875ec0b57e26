package org.hearth.patient.access;

/** What a family member may see or do. Billing is never among them. */
public enum ConsentScope { SCHEDULE, CARE_PLAN_SUMMARY, MESSAGES, VITALS }
