package org.hearth.platform.security;

import org.hearth.platform.tenancy.OrganizationClaim;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling: the {@code sub} of the verified token, which links a person to care teams and circles. */
public final class Caller {

    private Caller() {}

    /** Whether the caller holds the Keycloak realm role {@code role} (as mapped by {@link RealmRoles}). */
    public static boolean hasRole(String role) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }

    /** Whether the caller's token was granted the OAuth scope {@code scope} (a partner client's grant). */
    public static boolean hasScope(String scope) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> ("SCOPE_" + scope).equals(a.getAuthority()));
    }

    public static String subject() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt
                && jwt.getToken().getSubject() != null) {
            return jwt.getToken().getSubject();
        }
        throw new IllegalStateException("no authenticated caller with a subject");
    }

    /**
     * The alias of the caller's agency (its Keycloak organization alias, e.g. {@code riverbend}) from the verified
     * token; empty without a token or with other than one organization. The name another agency's sharing grants use.
     */
    public static java.util.Optional<String> agencyAlias() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return OrganizationClaim.aliasOf(jwt.getToken().getClaims());
        }
        return java.util.Optional.empty();
    }

    /** A string claim of the caller's token (e.g. a partner client's {@code partner_id} or {@code azp}), if present. */
    public static java.util.Optional<String> claim(String name) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return java.util.Optional.ofNullable(jwt.getToken().getClaimAsString(name))
                    .filter(v -> !v.isBlank());
        }
        return java.util.Optional.empty();
    }
}
