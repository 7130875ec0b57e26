package org.hearth.patient.fhir;

import org.hearth.patient.careteam.CareTeam;
import org.hearth.patient.careteam.CareTeamMember;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * A patient's care team as a FHIR {@code CareTeam} (id: the patient's). Members are identified by their Hearth user
 * id and named; the lead physician carries the role code {@code lead} besides their discipline.
 */
final class CareTeamMapper {

    private CareTeamMapper() {}

    static org.hl7.fhir.r4.model.CareTeam toFhir(CareTeam team, long version) {
        org.hl7.fhir.r4.model.CareTeam fhir = new org.hl7.fhir.r4.model.CareTeam();
        fhir.setId(team.patientId());
        fhir.getMeta().setVersionId(String.valueOf(Math.max(version, 1)));
        fhir.setStatus(org.hl7.fhir.r4.model.CareTeam.CareTeamStatus.ACTIVE);
        fhir.setName("Home health care team");
        fhir.setSubject(Codes.patient(team.patientId()));
        for (CareTeamMember member : team.members()) {
            var participant = fhir.addParticipant();
            CodeableConcept role = Codes.concept(
                    Codes.CARE_TEAM_ROLE,
                    Codes.code(member.role()),
                    member.role().name().charAt(0)
                            + member.role().name().substring(1).toLowerCase().replace('_', ' '));
            participant.addRole(role);
            if (member.lead()) {
                participant.addRole(Codes.concept(Codes.CARE_TEAM_ROLE, "lead", "Lead physician"));
            }
            participant.setMember(new Reference()
                    .setType("Practitioner")
                    .setDisplay(member.displayName())
                    .setIdentifier(new Identifier().setSystem(Codes.USER).setValue(member.subject())));
        }
        return fhir;
    }
}
