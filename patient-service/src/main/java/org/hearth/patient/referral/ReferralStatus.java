package org.hearth.patient.referral;

/** received → accepted or declined; accepted → admitted (which creates the patient). */
public enum ReferralStatus {
    RECEIVED,
    ACCEPTED,
    DECLINED,
    ADMITTED
}
