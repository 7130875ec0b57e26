package org.hearth.gateway.routing;

import org.hearth.gateway.problem.GatewayProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies whose declared length is over the cap before they reach a service (413). Chunked
 * bodies without a length pass on to the service, which enforces the same cap while reading.
 * Rate limiting per client and agency will sit next to this filter (a later issue).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimitFilter implements WebFilter {

    private final long defaultMax;
    private final java.util.regex.Pattern uploads;
    private final long uploadMax;

    RequestSizeLimitFilter(GatewayProperties properties) {
        this.defaultMax = properties.maxRequestSize().toBytes();
        this.uploads = java.util.regex.Pattern.compile(properties.uploadPaths());
        this.uploadMax = properties.maxUploadSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long maxBytes = uploads.matcher(exchange.getRequest().getPath().value()).matches() ? uploadMax : defaultMax;
        if (exchange.getRequest().getHeaders().getContentLength() > maxBytes) {
            return GatewayProblems.write(
                    exchange,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "payload-too-large",
                    "Payload too large",
                    "The request body exceeds the limit of " + maxBytes + " bytes.");
        }
        return chain.filter(exchange);
    }
}
