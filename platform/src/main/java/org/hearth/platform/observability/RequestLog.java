package org.hearth.platform.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One DEBUG line per API request, inside the request's span so that it carries the trace and span ids: method,
 * the route's template (never the ids in the path), status and time. Off unless the logger
 * {@code org.hearth.platform.observability.RequestLog} is set to DEBUG; the metrics count every request anyway.
 */
public class RequestLog extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !log.isDebugEnabled() || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            log.debug(
                    "{} {} answered {} in {} ms",
                    request.getMethod(),
                    route == null ? "(no route)" : route,
                    response.getStatus(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
