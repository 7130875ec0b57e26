package org.hearth.gateway.fhir;

import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;

/** The agency (organization id) a token belongs to, as the rate limiter and the services read it. */
final class AgencyClaim {

    private AgencyClaim() {}

    @SuppressWarnings("unchecked")
    static String of(Jwt jwt) {
        if (jwt.getClaims().get("organization") instanceof Map<?, ?> organizations) {
            return organizations.values().stream()
                    .filter(Map.class::isInstance)
                    .map(m -> ((Map<String, Object>) m).get("id"))
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .findFirst()
                    .orElse(null);
        }
        return null;
    }
}
