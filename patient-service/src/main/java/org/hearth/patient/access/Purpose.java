package org.hearth.patient.access;

/** What a request wants to do with a patient, and the consent scope a family member needs for it (if any). */
public enum Purpose {
    /** Name, address, status: every relationship may read it. */
    RECORD(null),
    /** The clinical record: profile, team, full plan, alerts, transitions; staff on the team only. */
    CLINICAL(null),
    CARE_PLAN_SUMMARY(ConsentScope.CARE_PLAN_SUMMARY),
    VITALS(ConsentScope.VITALS),
    /** Who viewed the record, and a question about it to the privacy officer (the point of contact's consent). */
    ACCESS_LOG(ConsentScope.ACCESS_LOG);

    private final ConsentScope familyScope;

    Purpose(ConsentScope familyScope) {
        this.familyScope = familyScope;
    }

    ConsentScope familyScope() {
        return familyScope;
    }
}
