package org.hearth.platform.fhir;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hearth.platform.audit.AuditInterceptor;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Marks the patients a FHIR request touches so that the platform's audit interceptor records one
 * {@code PatientDataAccessed} per patient, with the request's outcome, exactly as for a REST route with a
 * {@code {patientId}}. Call it before the access check, so that a refused read is audited like a granted one.
 */
public final class FhirAudit {

    private FhirAudit() {}

    public static void patient(String patientId) {
        if (patientId != null) {
            patients(Set.of(patientId));
        }
    }

    @SuppressWarnings("unchecked")
    public static void patients(Collection<String> patientIds) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || patientIds.isEmpty()) {
            return;
        }
        Object current = request.getAttribute(AuditInterceptor.PATIENTS_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        Set<String> all = current instanceof Set<?> set ? (Set<String>) set : new LinkedHashSet<>();
        all.addAll(patientIds);
        request.setAttribute(AuditInterceptor.PATIENTS_ATTRIBUTE, all, RequestAttributes.SCOPE_REQUEST);
    }
}
