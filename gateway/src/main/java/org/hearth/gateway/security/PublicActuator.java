package org.hearth.gateway.security;

import java.util.Set;
import org.hearth.gateway.problem.GatewayProblems;
import org.hearth.gateway.problem.SecurityHeaders;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * No actuator on the public port. Metrics name internal service URLs, exception classes and every agency's traffic,
 * so every {@code /actuator/**} path answers 404 problem+json here, with or without a token. The actuator lives on
 * the management port (the public port + 1000 unless {@code management.server.port} says otherwise, see
 * {@code ManagementPortDefault}), where this filter stands aside. Only if someone configures the actuator onto the
 * public port itself do the health probes stay reachable there, and nothing else.
 */
@Component
class PublicActuator implements WebFilter, Ordered, ApplicationListener<WebServerInitializedEvent> {

    static final Set<String> PROBES =
            Set.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness");

    private final boolean sharedPort;
    private volatile int publicPort = -1;

    PublicActuator(Environment environment) {
        this.sharedPort = ManagementPortType.get(environment) == ManagementPortType.SAME;
    }

    /** The main server announces itself without a namespace, the management server as "management". */
    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            publicPort = event.getWebServer().getPort();
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean actuator = path.equals("/actuator") || path.startsWith("/actuator/");
        if (!actuator || !onPublicPort(exchange) || (sharedPort && PROBES.contains(path))) {
            return chain.filter(exchange);
        }
        SecurityHeaders.STATIC.forEach(exchange.getResponse().getHeaders()::set);
        return GatewayProblems.write(exchange, HttpStatus.NOT_FOUND, "not-found", "Not found", "No such resource.");
    }

    private boolean onPublicPort(ServerWebExchange exchange) {
        var local = exchange.getRequest().getLocalAddress();
        return sharedPort || local == null || publicPort < 0 || local.getPort() == publicPort;
    }

    /** Before the security chain, so that a token (any token) makes no difference. */
    @Override
    public int getOrder() {
        return -200;
    }
}
