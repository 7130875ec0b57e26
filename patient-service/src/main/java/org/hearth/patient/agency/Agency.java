package org.hearth.patient.agency;

import java.util.Map;
import java.util.Optional;
import org.hearth.platform.tenancy.OrganizationClaim;
import org.hearth.platform.tenancy.TenantId;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller's agency as Keycloak names it: organization id (the tenant) and alias (e.g. {@code sunrise}), both read
 * from the verified token by the platform ({@link OrganizationClaim}), as every service reads them.
 * The platform has already refused tokens with no or several organizations.
 */
public record Agency(String id, String alias) {

    public static Agency ofCaller() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            Map<String, Object> claims = jwt.getToken().getClaims();
            Optional<TenantId> id = OrganizationClaim.tenantOf(claims);
            Optional<String> alias = OrganizationClaim.aliasOf(claims);
            if (id.isPresent() && alias.isPresent()) {
                return new Agency(id.get().value(), alias.get());
            }
        }
        throw new IllegalStateException("an authenticated caller without exactly one organization reached a handler");
    }
}
