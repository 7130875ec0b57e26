package org.hearth.patient.fhir;

import org.hearth.patient.record.ClinicalProfile;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;

/** A diagnosis of the clinical profile as a FHIR {@code Condition} coded in ICD-10-CM. */
final class ConditionMapper {

    private ConditionMapper() {}

    /** {@code <patientId>-dx-<code>}: one condition per code, since a profile lists a code once. */
    static String id(String patientId, String code) {
        return patientId + "-dx-" + code;
    }

    static Condition toFhir(String patientId, ClinicalProfile.Diagnosis diagnosis) {
        Condition condition = new Condition();
        condition.setId(id(patientId, diagnosis.code()));
        condition.setClinicalStatus(Codes.concept(Codes.CONDITION_CLINICAL, "active", "Active"));
        condition.setVerificationStatus(Codes.concept(Codes.CONDITION_VERIFICATION, "confirmed", "Confirmed"));
        condition.addCategory(Codes.concept(Codes.CONDITION_CATEGORY, "problem-list-item", "Problem List Item"));
        condition.setCode(new CodeableConcept(new Coding(Codes.ICD10_CM, diagnosis.code(), diagnosis.description()))
                .setText(diagnosis.description()));
        condition.setSubject(Codes.patient(patientId));
        // the home health plan names one primary diagnosis; FHIR R4 has no element for it
        condition.addExtension(Codes.PRIMARY_DIAGNOSIS, new BooleanType(diagnosis.primary()));
        return condition;
    }
}
