package org.hearth.platform.tenancy;

import java.util.Map;
import java.util.Optional;

/**
 * Reads the agency from Keycloak's {@code organization} claim, written by the organization membership
 * mapper with ids: {@code {"sunrise": {"id": "<uuid>"}}}. A caller must belong to exactly one agency:
 * membership in several is refused rather than guessed, because a wrong guess would leak data.
 */
public final class OrganizationClaim {

    public static final String CLAIM = "organization";

    private OrganizationClaim() {}

    public static Optional<TenantId> tenantOf(Map<String, Object> claims) {
        Object claim = claims.get(CLAIM);
        if (!(claim instanceof Map<?, ?> organizations) || organizations.size() != 1) {
            return Optional.empty();
        }
        Object membership = organizations.values().iterator().next();
        if (membership instanceof Map<?, ?> details && details.get("id") instanceof String id) {
            try {
                return Optional.of(TenantId.of(id));
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The alias of the caller's one agency ({@code {"sunrise": {"id": …}}} → {@code sunrise}): the name another
     * agency uses for it, e.g. when a patient shares a record with it. Empty unless there is exactly one organization
     * and it carries a valid id ({@link #tenantOf}): an alias never stands for an agency the caller is not in.
     */
    public static Optional<String> aliasOf(Map<String, Object> claims) {
        if (tenantOf(claims).isEmpty() || !(claims.get(CLAIM) instanceof Map<?, ?> organizations)) {
            return Optional.empty();
        }
        Object alias = organizations.keySet().iterator().next();
        return alias instanceof String name && !name.isBlank() ? Optional.of(name) : Optional.empty();
    }
}
