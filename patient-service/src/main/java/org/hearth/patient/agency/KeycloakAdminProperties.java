package org.hearth.patient.agency;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How patient-service reaches Keycloak's admin REST API ({@code hearth.keycloak-admin}): a confidential client
 * of realm {@code hearth} whose service account may manage users, clients and organization memberships of
 * that realm only. The secret comes from the environment ({@code HEARTH_AGENCY_ADMIN_SECRET}); without it the
 * agency administration endpoints answer 503 and everything else works.
 */
@ConfigurationProperties("hearth.keycloak-admin")
public record KeycloakAdminProperties(
        @DefaultValue("http://127.0.0.1:8180") URI url,
        @DefaultValue("hearth") String realm,
        @DefaultValue("hearth-agency-admin") String clientId,
        String clientSecret) {

    boolean configured() {
        return clientSecret != null && !clientSecret.isBlank();
    }
}
