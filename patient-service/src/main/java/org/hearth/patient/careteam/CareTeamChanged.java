package org.hearth.patient.careteam;

import java.time.Instant;
import java.util.List;
import org.hearth.platform.events.DomainEvent;

/**
 * The care team of a patient changed. Identities and roles only, no names: scheduling learns who may be
 * assigned to visits and messaging who belongs in the patient's threads.
 */
public record CareTeamChanged(String patientId, Instant changedAt, String leadPhysician, List<Member> members)
        implements DomainEvent {

    public static final String TYPE = "org.hearth.patient.CareTeamChanged.v1";

    public record Member(String subject, CareTeamRole role) {}

    static CareTeamChanged of(CareTeam team, Instant now) {
        return new CareTeamChanged(
                team.patientId(),
                now,
                team.leadPhysician().map(CareTeamMember::subject).orElse(null),
                team.members().stream()
                        .map(m -> new Member(m.subject(), m.role()))
                        .toList());
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return patientId;
    }
}
