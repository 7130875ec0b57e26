package org.hearth.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from and who they must be for.
 *
 * @param issuerUri   the realm's issuer, e.g. {@code http://127.0.0.1:8180/realms/hearth}; required
 * @param jwkSetUri   where the signing keys are; defaults to Keycloak's certs endpoint under the issuer
 * @param audience    the {@code aud} value a token must carry to be accepted by this service
 */
@ConfigurationProperties("hearth.security")
public record HearthSecurityProperties(String issuerUri, String jwkSetUri, String audience) {

    public HearthSecurityProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalStateException("hearth.security.issuer-uri must be set (the Keycloak realm's issuer)");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException("hearth.security.audience must be set (this service's audience)");
        }
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            jwkSetUri = issuerUri + "/protocol/openid-connect/certs";
        }
    }
}
