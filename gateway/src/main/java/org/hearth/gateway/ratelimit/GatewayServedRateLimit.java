package org.hearth.gateway.ratelimit;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The same buckets for what the gateway answers itself with a caller's token: the Bulk Data export (kick-off,
 * status polling, files). Global filters run on routed requests only, so without this a client polling an export
 * status would never be limited. Runs after authentication (default order, behind Spring Security's filter).
 */
class GatewayServedRateLimit implements WebFilter {

    private final RateLimitFilter limiter;

    GatewayServedRateLimit(RateLimitFilter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/fhir/R4/$export") || path.startsWith("/fhir/R4/Patient/$export")) {
            return limiter.filter(exchange, chain::filter);
        }
        return chain.filter(exchange);
    }
}
