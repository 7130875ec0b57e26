package org.hearth.patient.fhir;

import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
import org.hearth.patient.record.PatientRepository;
import org.hearth.patient.referral.ReferralIntake;
import org.hearth.platform.fhir.FhirAudit;
import org.hearth.platform.fhir.FhirException;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.ProblemType;
import org.hearth.platform.security.Caller;
import org.springframework.stereotype.Component;

/**
 * The FHIR reads' access rules: the REST rules ({@link PatientAccess}: tenancy first, so another agency's patient is
 * 404; then care team, care circle and consent), plus SMART backend partners: a partner client reads a resource
 * type of a patient when it holds {@code system/<Type>.read} (or {@code system/*.read}) and its organisation referred
 * that patient. Every check marks the patient for the audit first, so a refused read is audited like a granted one.
 */
@Component
class FhirAccess {

    private final PatientRepository patients;
    private final PatientAccess access;
    private final ReferralIntake referrals;

    FhirAccess(PatientRepository patients, PatientAccess access, ReferralIntake referrals) {
        this.patients = patients;
        this.access = access;
        this.referrals = referrals;
    }

    /** The patient (with its version) if the caller may read {@code type} of it for {@code purpose}; 404/403 if not. */
    PatientRepository.Versioned require(String patientId, Purpose purpose, String type) {
        FhirAudit.patient(patientId);
        PatientRepository.Versioned patient =
                patients.findVersioned(patientId).orElseThrow(() -> FhirException.notFound("Patient"));
        if (!allows(patientId, purpose, type)) {
            throw new ApiException(ProblemType.FORBIDDEN, "You have no part in this patient's care for this.");
        }
        return patient;
    }

    /** The same rule without throwing, for a patient already found (e.g. what {@code $everything} may include). */
    boolean allows(String patientId, Purpose purpose, String type) {
        if (Caller.hasRole("partner")) {
            // besides, the REST rule for the record only: a vitals vendor writes readings, it does not read them
            return (smartRead(type) && referrals.referredByCaller(patientId))
                    || (purpose == Purpose.RECORD && access.allows(patientId, purpose));
        }
        return access.allows(patientId, purpose);
    }

    /** Whether a partner's token holds a SMART read scope for this type (v1 {@code .read} or v2 {@code .rs}). */
    static boolean smartRead(String type) {
        return Caller.hasScope("system/" + type + ".read")
                || Caller.hasScope("system/*.read")
                || Caller.hasScope("system/" + type + ".rs")
                || Caller.hasScope("system/*.rs");
    }

    /** Whether a partner's token holds a SMART write scope for this type (v1 {@code .write} or v2 {@code .c}). */
    static boolean smartWrite(String type) {
        return Caller.hasScope("system/" + type + ".write")
                || Caller.hasScope("system/*.write")
                || Caller.hasScope("system/" + type + ".c")
                || Caller.hasScope("system/*.c")
                || Caller.hasScope("system/" + type + ".cud")
                || Caller.hasScope("system/*.cud");
    }
}
