package org.hearth.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token rules of the gateway, the same keys as the services' {@code hearth.security.*} (the gateway is
 * WebFlux, so it cannot use the servlet-based platform library). {@code clockSkew} is how long after {@code exp} a
 * token is still accepted (default 5 s, as the services; Spring's own default of 60 s kept a logged-out user's token
 * working for a minute more).
 */
@ConfigurationProperties("hearth.security")
public record GatewaySecurityProperties(
        @DefaultValue("http://127.0.0.1:8180/realms/hearth") String issuerUri,
        String jwkSetUri,
        @DefaultValue("hearth-gateway") String audience,
        @DefaultValue("5s") Duration clockSkew) {

    public GatewaySecurityProperties {
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalStateException("hearth.security.clock-skew must be between 0 and 30 seconds");
        }
    }

    public String effectiveJwkSetUri() {
        return jwkSetUri == null || jwkSetUri.isBlank() ? issuerUri + "/protocol/openid-connect/certs" : jwkSetUri;
    }
}
