package org.hearth.gateway.security;

import java.util.List;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Browsers may call the API cross-origin from the web console's origin and from nowhere else. Bearer tokens
 * travel in a header, never in cookies, so credentials stay off; the headers a client needs for optimistic
 * locking, idempotency, paging and rate limits are exposed.
 */
final class CrossOrigin {

    private CrossOrigin() {}

    static CorsConfigurationSource consoleOnly(String consoleOrigin) {
        CorsConfiguration console = new CorsConfiguration();
        console.setAllowedOrigins(List.of(consoleOrigin));
        console.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        console.setAllowedHeaders(List.of(
                "Authorization",
                "Content-Type",
                "If-Match",
                "If-None-Match",
                "Idempotency-Key",
                "X-Correlation-Id",
                "Last-Event-ID",
                "traceparent"));
        console.setExposedHeaders(
                List.of("ETag", "Location", "Retry-After", "X-Correlation-Id", "X-RateLimit-Remaining"));
        console.setAllowCredentials(false);
        console.setMaxAge(600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", console);
        return source;
    }
}
