package org.hearth.gateway.correlation;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs before security so that every answer, a 401 included, carries the id. A caller's id is kept only
 * if it is harmless to log and echo; otherwise a new one replaces it. The id is forwarded to the service
 * in the same header, next to the {@code traceparent} of the gateway's span, which continues the caller's trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter implements WebFilter {

    public static final String HEADER = "X-Correlation-Id";
    private static final String ATTRIBUTE = CorrelationIdFilter.class.getName();
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = offered != null && SAFE.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        exchange.getAttributes().put(ATTRIBUTE, id);
        // Set just before the answer is written so that the service's own copy of the header, which the
        // gateway copies from the upstream response, is replaced rather than duplicated.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        ServerWebExchange forwarded = exchange.mutate()
                .request(r -> r.headers(h -> h.set(HEADER, id)))
                .build();
        return chain.filter(forwarded);
    }

    /** The correlation id of this exchange (set by this filter, which runs first). */
    public static String of(ServerWebExchange exchange) {
        Object id = exchange.getAttribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }
}
