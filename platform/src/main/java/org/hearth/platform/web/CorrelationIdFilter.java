package org.hearth.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hearth.platform.correlation.CorrelationId;
import org.springframework.web.filter.OncePerRequestFilter;

/** Runs first on every request so that even a 401 carries the correlation id, in the body and the header. */
public class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = CorrelationId.acceptOrCreate(request.getHeader(CorrelationId.HEADER));
        response.setHeader(CorrelationId.HEADER, correlationId);
        try (CorrelationId.Scope ignored =
                CorrelationId.bind(correlationId, request.getHeader(CorrelationId.TRACEPARENT))) {
            chain.doFilter(request, response);
        }
    }
}
