package org.hearth.gateway.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web console's sign-in under {@code hearth.console}. Keycloak's issuer is {@code hearth.security.issuer-uri}.
 *
 * @param clientId      the realm's public client of the console (authorization code + PKCE)
 * @param idleTimeout   a session unused this long is gone: the next request must sign in again
 * @param cookieName    the HTTP-only session cookie (path {@code /console}, SameSite Lax so Keycloak's redirect back
 *                      carries it)
 * @param tokenUri      where the gateway itself redeems codes and refresh tokens, when it reaches Keycloak by another
 *                      address than browsers do (default: the issuer's token endpoint)
 * @param secureCookie  whether the session and CSRF cookies carry {@code Secure}: unset follows the request's scheme
 *                      (HTTPS to the gateway itself); set it to {@code true} wherever the public URL is HTTPS but TLS
 *                      ends before the gateway (an ingress), as the Helm chart does
 */
@ConfigurationProperties("hearth.console")
public record ConsoleProperties(
        @DefaultValue("hearth-console") String clientId,
        @DefaultValue("15m") Duration idleTimeout,
        @DefaultValue("HEARTH_SESSION") String cookieName,
        String tokenUri,
        Boolean secureCookie) {

    static final String REGISTRATION = "keycloak";
}
