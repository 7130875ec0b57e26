package org.hearth.scheduling.fhir;

/** Hearth's own code systems and extensions, under the same base as the other services' FHIR resources. */
final class FhirCodes {

    static final String HEARTH = "https://hearth.health/fhir";
    /** Plan-of-care disciplines of a visit (SN, PT, OT, ST, MSW, HHA, RD), as patient-service writes them. */
    static final String DISCIPLINE = HEARTH + "/CodeSystem/discipline";
    /** A clinician's licence discipline (RN, LPN, PT, OT, ST, DIETITIAN, SOCIAL_WORKER, AIDE). */
    static final String CLINICIAN_DISCIPLINE = HEARTH + "/CodeSystem/clinician-discipline";

    static final String SKILL = HEARTH + "/CodeSystem/skill";
    static final String VISIT_TYPE = HEARTH + "/CodeSystem/visit-type";
    /** EVV (electronic visit verification) time stamps of a visit: when the clinician checked in and out. */
    static final String EVV_CHECK_IN = HEARTH + "/StructureDefinition/evv-check-in";

    static final String EVV_CHECK_OUT = HEARTH + "/StructureDefinition/evv-check-out";
    static final String USER = HEARTH + "/sid/user";

    private FhirCodes() {}
}
