package org.hearth.audit.relations;

import java.util.List;
import java.util.Set;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One patient's care team subjects and care circle members with their consent scopes. */
@Document("care_relations")
public record CareRelation(@Id String patientId, String tenantId, List<String> team, List<CircleMember> circle)
        implements TenantOwned {

    /** The consent scope that lets a care circle member read who accessed the record. */
    public static final String ACCESS_LOG = "ACCESS_LOG";

    /** @param pointOfContact the person the team calls first: the only member for whom ACCESS_LOG counts */
    public record CircleMember(String subject, Set<String> scopes, boolean pointOfContact) {}

    public boolean onTeam(String subject) {
        return team != null && team.contains(subject);
    }

    public boolean inCircle(String subject) {
        return circle != null && circle.stream().anyMatch(m -> m.subject().equals(subject));
    }

    /** Whether {@code subject} is the patient's point of contact and the consent includes ACCESS_LOG. */
    public boolean grantsAccessLog(String subject) {
        return circle != null
                && circle.stream()
                        .anyMatch(m -> m.subject().equals(subject)
                                && m.pointOfContact()
                                && m.scopes() != null
                                && m.scopes().contains(ACCESS_LOG));
    }
}
