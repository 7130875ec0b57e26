package org.hearth.scheduling.fhir;

import java.util.Locale;
import java.util.Map;
import org.hearth.scheduling.clinicians.Clinician;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/**
 * A clinician as a {@code Practitioner} (who: name, active, licence discipline as qualification) and a
 * {@code PractitionerRole} of the same id (what they do for the agency: discipline, skills as specialties).
 * Home base, hours and time off are scheduling's working data and stay out.
 */
final class PractitionerMapper {

    private static final Map<Clinician.Discipline, String> NAMES = Map.of(
            Clinician.Discipline.RN,
            "Registered nurse",
            Clinician.Discipline.LPN,
            "Licensed practical nurse",
            Clinician.Discipline.PT,
            "Physical therapist",
            Clinician.Discipline.OT,
            "Occupational therapist",
            Clinician.Discipline.ST,
            "Speech therapist",
            Clinician.Discipline.DIETITIAN,
            "Dietitian",
            Clinician.Discipline.SOCIAL_WORKER,
            "Social worker",
            Clinician.Discipline.AIDE,
            "Home health aide");

    private PractitionerMapper() {}

    static Practitioner practitioner(Clinician clinician, long version) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(clinician.id());
        practitioner.getMeta().setVersionId(Long.toString(version));
        practitioner.setActive(clinician.active());
        practitioner.addName(new HumanName().setText(clinician.name()));
        if (clinician.subject() != null) {
            practitioner.addIdentifier().setSystem(FhirCodes.USER).setValue(clinician.subject());
        }
        practitioner.addQualification().setCode(discipline(clinician.discipline()));
        return practitioner;
    }

    static PractitionerRole role(Clinician clinician, long version) {
        PractitionerRole role = new PractitionerRole();
        role.setId(clinician.id());
        role.getMeta().setVersionId(Long.toString(version));
        role.setActive(clinician.active());
        role.setPractitioner(new Reference("Practitioner/" + clinician.id()).setDisplay(clinician.name()));
        role.addCode(discipline(clinician.discipline()));
        for (String skill : clinician.skills().stream().sorted().toList()) {
            role.addSpecialty(new CodeableConcept(new Coding(FhirCodes.SKILL, skill.toLowerCase(Locale.ROOT), skill))
                    .setText(skill));
        }
        return role;
    }

    private static CodeableConcept discipline(Clinician.Discipline discipline) {
        return new CodeableConcept(new Coding(
                        FhirCodes.CLINICIAN_DISCIPLINE,
                        discipline.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        NAMES.get(discipline)))
                .setText(NAMES.get(discipline));
    }
}
