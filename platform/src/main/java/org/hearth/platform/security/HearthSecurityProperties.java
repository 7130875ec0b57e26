package org.hearth.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from and who they must be for.
 *
 * @param issuerUri   the realm's issuer, e.g. {@code http://127.0.0.1:8180/realms/hearth}; required
 * @param jwkSetUri   where the signing keys are; defaults to Keycloak's certs endpoint under the issuer
 * @param audience    the {@code aud} value a token must carry to be accepted by this service
 * @param clockSkew   how long after {@code exp} (and before {@code nbf}) a token is still accepted; default 5 s, at
 *                    most 30 s. Keycloak and the services keep time by NTP; a long skew keeps a logged-out user's
 *                    token working (it was 60 s, Spring's default)
 */
@ConfigurationProperties("hearth.security")
public record HearthSecurityProperties(String issuerUri, String jwkSetUri, String audience, Duration clockSkew) {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(5);

    public HearthSecurityProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalStateException("hearth.security.issuer-uri must be set (the Keycloak realm's issuer)");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException("hearth.security.audience must be set (this service's audience)");
        }
        if (clockSkew == null) {
            clockSkew = DEFAULT_CLOCK_SKEW;
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalStateException("hearth.security.clock-skew must be between 0 and 30 seconds");
        }
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            jwkSetUri = issuerUri + "/protocol/openid-connect/certs";
        }
    }
}
