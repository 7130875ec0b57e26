package org.hearth.patient.careteam;

import java.util.Objects;

/**
 * @param subject     the member's identity ({@code sub} of their token)
 * @param role        what they do for this patient
 * @param displayName how the team sees them
 * @param lead        the lead physician, who signs the plan of care
 */
public record CareTeamMember(String subject, CareTeamRole role, String displayName, boolean lead) {
    public CareTeamMember {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(displayName, "displayName");
    }
}
