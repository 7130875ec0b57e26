package org.hearth.patient.careteam;

/** What a member does for this patient (not the realm role, which says what they may do in Hearth). */
public enum CareTeamRole {
    PHYSICIAN,
    SPECIALIST,
    NURSE,
    PHYSICAL_THERAPIST,
    OCCUPATIONAL_THERAPIST,
    SPEECH_THERAPIST,
    DIETITIAN,
    SOCIAL_WORKER,
    CASE_MANAGER,
    COORDINATOR,
    AIDE
}
