package org.hearth.platform.observability;

import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;

/**
 * Tags business metrics may carry. The agency is the tenant id (a Keycloak organization id: no PHI, and one value
 * per agency, so its cardinality is the number of agencies); patients, people and free text never become tags.
 */
public final class MetricTags {

    public static final String AGENCY = "agency";

    private MetricTags() {}

    /** The agency the current request or event belongs to; {@code none} outside any. */
    public static String agency() {
        return TenantContext.find().map(TenantId::value).orElse("none");
    }
}
