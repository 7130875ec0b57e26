package org.hearth.platform.tenancy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An agency, identified by its Keycloak organization id. Stored on every document as {@code tenantId}
 * and carried on every event as the {@code tenantid} extension.
 */
public record TenantId(String value) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("tenant id must be 1-64 letters, digits or dashes");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
