package org.hearth.gateway.security;

import org.hearth.gateway.problem.GatewayProblems;
import org.hearth.gateway.problem.SecurityHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * The public port serves only the health probes of the actuator. Metrics name internal service URLs, exception
 * classes and every agency's traffic, so {@code /actuator/prometheus} and everything else answer 404 here, with or
 * without a token. Where {@code management.server.port} is set (the Helm chart), Boot serves the actuator on that
 * port only and this filter stands aside on it.
 */
@Component
class PublicActuator implements WebFilter, Ordered {

    static final Set<String> PUBLIC = Set.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness");

    private final Integer managementPort;

    PublicActuator(@Value("${management.server.port:#{null}}") Integer managementPort) {
        this.managementPort = managementPort;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean actuator = path.equals("/actuator") || path.startsWith("/actuator/");
        if (!actuator || PUBLIC.contains(path) || onManagementPort(exchange)) {
            return chain.filter(exchange);
        }
        SecurityHeaders.STATIC.forEach(exchange.getResponse().getHeaders()::set);
        return GatewayProblems.write(exchange, HttpStatus.NOT_FOUND, "not-found", "Not found", "No such resource.");
    }

    private boolean onManagementPort(ServerWebExchange exchange) {
        var local = exchange.getRequest().getLocalAddress();
        return managementPort != null && local != null && local.getPort() == managementPort;
    }

    /** Before the security chain, so that a token (any token) makes no difference. */
    @Override
    public int getOrder() {
        return -200;
    }
}
