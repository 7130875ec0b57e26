package org.hearth.patient.referral;

public enum ReferralSource {
    PRIMARY_CARE_PHYSICIAN,
    HOSPITAL_DISCHARGE,
    SKILLED_NURSING_FACILITY,
    SPECIALIST,
    SELF_OR_FAMILY
}
