package org.hearth.messaging.patients;

import java.util.List;
import java.util.Set;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who is around one patient, as patient-service last said: the care team with roles (the lead physician among
 * them) and the care circle with consent scopes. Messaging decides thread membership from it.
 */
@Document(PatientCircle.COLLECTION)
public record PatientCircle(
        @Id String patientId,
        String tenantId,
        String leadPhysician,
        List<TeamMember> careTeam,
        List<CircleMember> careCircle,
        List<String> processedEventIds)
        implements TenantOwned {

    public static final String COLLECTION = "patients";

    public record TeamMember(String subject, String role) {}

    public record CircleMember(String subject, Set<String> scopes) {}

    public PatientCircle {
        careTeam = careTeam == null ? List.of() : List.copyOf(careTeam);
        careCircle = careCircle == null ? List.of() : List.copyOf(careCircle);
    }

    public boolean onCareTeam(String subject) {
        return careTeam.stream().anyMatch(m -> m.subject().equals(subject));
    }

    public boolean circleGrants(String subject, String scope) {
        return careCircle.stream()
                .anyMatch(m -> m.subject().equals(subject) && m.scopes().contains(scope));
    }

    /** Care-team members with the given role, e.g. COORDINATOR. */
    public List<String> withRole(String role) {
        return careTeam.stream()
                .filter(m -> role.equals(m.role()))
                .map(TeamMember::subject)
                .toList();
    }

    public List<String> circleWith(String scope) {
        return careCircle.stream()
                .filter(m -> m.scopes().contains(scope))
                .map(CircleMember::subject)
                .toList();
    }
}
