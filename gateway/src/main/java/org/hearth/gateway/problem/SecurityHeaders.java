package org.hearth.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers every gateway answer carries. Spring Security writes them on answers that pass through its
 * filter chain; answers written below it (the HTTP decoder's refusals) take them from here, so both agree.
 */
public final class SecurityHeaders {

    /** JSON answers need nothing; the API documentation page needs its own scripts and styles only. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'self'";

    public static final Map<String, String> STATIC;

    static {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        headers.put("X-XSS-Protection", "0");
        STATIC = Map.copyOf(headers);
    }

    private SecurityHeaders() {}
}
