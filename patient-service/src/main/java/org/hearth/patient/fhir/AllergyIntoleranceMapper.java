package org.hearth.patient.fhir;

import org.hearth.patient.record.ClinicalProfile;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCriticality;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceSeverity;
import org.hl7.fhir.r4.model.CodeableConcept;

/** An allergy of the clinical profile as a FHIR {@code AllergyIntolerance} (substance and reaction as text). */
final class AllergyIntoleranceMapper {

    private AllergyIntoleranceMapper() {}

    /** {@code <patientId>-al-<key of the substance>}: stable while the substance is listed. */
    static String id(String patientId, String substance) {
        return patientId + "-al-" + Codes.key(substance);
    }

    static AllergyIntolerance toFhir(String patientId, ClinicalProfile.Allergy allergy) {
        AllergyIntolerance fhir = new AllergyIntolerance();
        fhir.setId(id(patientId, allergy.substance()));
        fhir.setClinicalStatus(Codes.concept(Codes.ALLERGY_CLINICAL, "active", "Active"));
        fhir.setVerificationStatus(Codes.concept(Codes.ALLERGY_VERIFICATION, "confirmed", "Confirmed"));
        fhir.setCode(new CodeableConcept().setText(allergy.substance()));
        fhir.setPatient(Codes.patient(patientId));
        ClinicalProfile.AllergySeverity severity =
                allergy.severity() == null ? ClinicalProfile.AllergySeverity.UNKNOWN : allergy.severity();
        fhir.setCriticality(
                switch (severity) {
                    case SEVERE -> AllergyIntoleranceCriticality.HIGH;
                    case MILD, MODERATE -> AllergyIntoleranceCriticality.LOW;
                    case UNKNOWN -> AllergyIntoleranceCriticality.UNABLETOASSESS;
                });
        if (allergy.reaction() != null && !allergy.reaction().isBlank()) {
            AllergyIntolerance.AllergyIntoleranceReactionComponent reaction = fhir.addReaction();
            reaction.addManifestation(new CodeableConcept().setText(allergy.reaction()));
            switch (severity) {
                case MILD -> reaction.setSeverity(AllergyIntoleranceSeverity.MILD);
                case MODERATE -> reaction.setSeverity(AllergyIntoleranceSeverity.MODERATE);
                case SEVERE -> reaction.setSeverity(AllergyIntoleranceSeverity.SEVERE);
                case UNKNOWN -> {}
            }
        }
        return fhir;
    }
}
