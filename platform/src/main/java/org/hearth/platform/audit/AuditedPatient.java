package org.hearth.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The patient a request concerns when its route does not name one: a visit, a thread, an authorization belongs to a
 * patient, and the code that loads it says so here in one line. {@link AuditInterceptor} then writes the request's one
 * audit record for that patient, as it does for routes with {@code {patientId}}, so every service audits through the
 * same interceptor and never writes records by hand (which is how requests ended up with zero or two records).
 */
public final class AuditedPatient {

    static final String ATTRIBUTE = AuditedPatient.class.getName();

    private AuditedPatient() {}

    /** Marks the current request as an access to {@code patientId}'s data; outside a request it does nothing. */
    public static void is(String patientId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && patientId != null) {
            request.setAttribute(ATTRIBUTE, patientId, RequestAttributes.SCOPE_REQUEST);
        }
    }

    static Optional<String> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? Optional.of(id) : Optional.empty();
    }
}
