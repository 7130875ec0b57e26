package org.hearth.platform.audit;

import java.util.Map;
import java.util.Optional;

/**
 * Which patient a route's resource belongs to, for routes that name a visit, a thread or an authorization rather than
 * the patient. A service declares one as a bean; {@link AuditInterceptor} asks it after the request, so the request
 * is audited once for that patient whatever happened in the handler (answered, refused by a rule, or rejected for a
 * malformed body before the handler ran).
 */
@FunctionalInterface
public interface PatientOfResource {

    /**
     * @param route     the matched route template, e.g. {@code /api/scheduling/v1/visits/{id}/booking}
     * @param variables its path variables
     * @return the patient id when this resolver knows the route and the current agency has the resource
     */
    Optional<String> patientOf(String route, Map<String, String> variables);
}
