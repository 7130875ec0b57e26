package org.hearth.gateway.correlation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.observability.DefaultSignalListener;
import reactor.core.publisher.Mono;

/**
 * One DEBUG line per API request, in the request's span (trace and span ids in the line): method, the route it
 * took (never the path, which holds ids), status and time. Off unless the logger
 * {@code org.hearth.gateway.correlation.RequestLog} is set to DEBUG.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestLog implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!log.isDebugEnabled() || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        // tap: in "limited" context propagation Reactor restores the request's trace context (the logging MDC) for
        // the listener of tap() and handle() only, so the line carries the request's trace and span ids
        return chain.filter(exchange).tap(() -> new DefaultSignalListener<>() {
            @Override
            public void doOnComplete() {
                written(exchange, started);
            }

            @Override
            public void doOnError(Throwable error) {
                written(exchange, started);
            }
        });
    }

    private static void written(ServerWebExchange exchange, long started) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        log.debug(
                "{} via route {} answered {} in {} ms",
                exchange.getRequest().getMethod(),
                route == null ? "(none)" : route.getId(),
                exchange.getResponse().getStatusCode(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
