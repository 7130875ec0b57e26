package org.hearth.patient.carecircle;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The family and caregivers of one patient: at most one point of contact, nobody twice. */
public record CareCircle(String patientId, List<CareCircleMember> members) {

    public static final int MAX_MEMBERS = 20;

    public CareCircle {
        members = List.copyOf(members);
        if (members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("members: a care circle has at most " + MAX_MEMBERS + " people");
        }
        if (members.stream().filter(CareCircleMember::pointOfContact).count() > 1) {
            throw new IllegalArgumentException("members: only one point of contact");
        }
        Set<String> subjects = new HashSet<>();
        for (CareCircleMember member : members) {
            if (member.subject() != null && !subjects.add(member.subject())) {
                throw new IllegalArgumentException("members: " + member.subject() + " is listed twice");
            }
        }
    }

    public static CareCircle empty(String patientId) {
        return new CareCircle(patientId, List.of());
    }

    public Optional<CareCircleMember> member(String subject) {
        return members.stream().filter(m -> subject.equals(m.subject())).findFirst();
    }
}
