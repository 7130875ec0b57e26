package org.hearth.patient.careteam;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who serves one patient. At most one lead, and the lead is a physician; nobody is listed twice. */
public record CareTeam(String patientId, List<CareTeamMember> members) {

    public static final int MAX_MEMBERS = 50;

    public CareTeam {
        members = List.copyOf(members);
        if (members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("a care team has at most " + MAX_MEMBERS + " members");
        }
        Set<String> subjects = new HashSet<>();
        for (CareTeamMember member : members) {
            if (!subjects.add(member.subject())) {
                throw new IllegalArgumentException("member " + member.subject() + " is listed twice");
            }
        }
        List<CareTeamMember> leads =
                members.stream().filter(CareTeamMember::lead).toList();
        if (leads.size() > 1) {
            throw new IllegalArgumentException("a care team has exactly one lead physician, not " + leads.size());
        }
        if (!leads.isEmpty() && leads.getFirst().role() != CareTeamRole.PHYSICIAN) {
            throw new IllegalArgumentException("the lead must be a PHYSICIAN");
        }
    }

    public static CareTeam empty(String patientId) {
        return new CareTeam(patientId, List.of());
    }

    public Optional<CareTeamMember> leadPhysician() {
        return members.stream().filter(CareTeamMember::lead).findFirst();
    }

    public boolean includes(String subject) {
        return members.stream().anyMatch(m -> m.subject().equals(subject));
    }
}
