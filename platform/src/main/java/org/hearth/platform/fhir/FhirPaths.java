package org.hearth.platform.fhir;

import jakarta.servlet.http.HttpServletRequest;

/** Where FHIR lives in every service: {@code /fhir/R4}, the same path the gateway routes by resource type. */
public final class FhirPaths {

    /** The FHIR R4 base path of every service (and of the gateway). */
    public static final String BASE = "/fhir/R4";

    /** The FHIR media type; plain {@code application/json} is accepted and answered too. */
    public static final String FHIR_JSON = "application/fhir+json";

    private FhirPaths() {}

    /** True for requests under {@link #BASE}: those answer errors as OperationOutcome instead of problem details. */
    public static boolean isFhir(HttpServletRequest request) {
        String path = request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }
}
