package org.hearth.patient.agency;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Map;

/**
 * The caller's agency as Keycloak names it: organization id (the tenant) and alias (e.g. {@code sunrise}).
 * The platform has already refused tokens with no or several organizations.
 */
public record Agency(String id, String alias) {

    public static Agency ofCaller() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
                && jwt.getToken().getClaims().get("organization") instanceof Map<?, ?> organizations
                && organizations.size() == 1) {
            Map.Entry<?, ?> only = organizations.entrySet().iterator().next();
            if (only.getValue() instanceof Map<?, ?> details && details.get("id") instanceof String id) {
                return new Agency(id, String.valueOf(only.getKey()));
            }
        }
        throw new IllegalStateException("an authenticated caller without exactly one organization reached a handler");
    }
}
