package org.hearth.patient.access;


/** What a request wants to do with a patient, and the consent scope a family member needs for it (if any). */
public enum Purpose {
    /** Name, address, status: every relationship may read it. */
    RECORD(null),
    /** The clinical record: profile, team, full plan, alerts, transitions; staff on the team only. */
    CLINICAL(null),
    CARE_PLAN_SUMMARY(ConsentScope.CARE_PLAN_SUMMARY),
    VITALS(ConsentScope.VITALS);

    private final ConsentScope familyScope;

    Purpose(ConsentScope familyScope) {
        this.familyScope = familyScope;
    }

    ConsentScope familyScope() {
        return familyScope;
    }
}
