package org.hearth.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token rules of the gateway, the same keys as the services' {@code hearth.security.*} (the gateway is
 * WebFlux, so it cannot use the servlet-based platform library).
 */
@ConfigurationProperties("hearth.security")
public record GatewaySecurityProperties(
        @DefaultValue("http://127.0.0.1:8180/realms/hearth") String issuerUri,
        String jwkSetUri,
        @DefaultValue("hearth-gateway") String audience) {

    public String effectiveJwkSetUri() {
        return jwkSetUri == null || jwkSetUri.isBlank() ? issuerUri + "/protocol/openid-connect/certs" : jwkSetUri;
    }
}
