package org.hearth.patient.fhir;

import org.hearth.patient.access.ConsentScope;
import org.hearth.patient.carecircle.CareCircleMember;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;

/**
 * A member of the care circle as a FHIR {@code RelatedPerson}: name, relationship, whether they are the point of
 * contact, and the consent scopes the patient granted them (what they may see in Hearth).
 */
final class RelatedPersonMapper {

    private RelatedPersonMapper() {}

    /** {@code <patientId>-rp-<key>}: keyed by the member's login, or by name for a contact without one. */
    static String id(String patientId, CareCircleMember member) {
        return patientId + "-rp-" + Codes.key(member.subject() != null ? member.subject() : member.displayName());
    }

    static org.hl7.fhir.r4.model.RelatedPerson toFhir(String patientId, CareCircleMember member) {
        org.hl7.fhir.r4.model.RelatedPerson fhir = new org.hl7.fhir.r4.model.RelatedPerson();
        fhir.setId(id(patientId, member));
        fhir.setActive(true);
        fhir.setPatient(Codes.patient(patientId));
        fhir.addName(new HumanName().setText(member.displayName()));
        if (member.relationship() != null && !member.relationship().isBlank()) {
            fhir.addRelationship(new CodeableConcept().setText(member.relationship()));
        }
        if (member.subject() != null) {
            fhir.addIdentifier().setSystem(Codes.USER).setValue(member.subject());
        }
        fhir.addExtension(Codes.POINT_OF_CONTACT, new BooleanType(member.pointOfContact()));
        for (ConsentScope scope : member.scopes().stream().sorted().toList()) {
            fhir.addExtension(
                    Codes.CONSENT_SCOPES,
                    new Coding(
                            Codes.CONSENT_SCOPE,
                            Codes.code(scope),
                            scope.name().replace('_', ' ').toLowerCase()));
        }
        if (member.consentGrantedAt() != null) {
            fhir.getPeriod().setStart(Codes.date(member.consentGrantedAt()));
        }
        return fhir;
    }
}
