package org.hearth.patient.carecircle;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.hearth.patient.access.ConsentScope;

/**
 * @param subject          the member's identity ({@code sub}); null for a contact who has no login yet
 * @param pointOfContact   the person the team calls first
 * @param consentGrantedBy who recorded the consent (a coordinator's {@code sub}), and when
 */
public record CareCircleMember(
        String subject,
        String displayName,
        String relationship,
        boolean pointOfContact,
        Set<ConsentScope> scopes,
        String consentGrantedBy,
        Instant consentGrantedAt) {

    public CareCircleMember {
        Objects.requireNonNull(displayName, "displayName");
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    public boolean allows(ConsentScope scope) {
        return scopes.contains(scope);
    }
}
