package org.hearth.gateway.routing;

import java.util.regex.Pattern;
import org.hearth.gateway.problem.GatewayProblems;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Only documented operations pass (issue 9, T6): a request whose method and path match no operation of the
 * service's OpenAPI document answers 404 here and never reaches the service. The documents themselves stay
 * reachable, they are the public contract. Runs after authentication, so an anonymous caller learns nothing
 * about which paths exist.
 */
@Component
class DocumentedOperationsFilter implements GlobalFilter, Ordered {

    /** Before the rate limiter: a request that will be refused anyway must not spend the caller's budget. */
    static final int ORDER = -200;
    /** The metadata key FhirRoutes sets on its routes (kept as a string: routing does not depend on fhir). */
    static final String FHIR_ROUTE = "hearth.fhir";

    private static final Pattern API_DOCS = Pattern.compile("/api/[a-z]+/v3/api-docs(/.*)?");

    private final DocumentedOperations documented;

    DocumentedOperationsFilter(DocumentedOperations documented) {
        this.documented = documented;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String path = exchange.getRequest().getPath().value();
        String method = exchange.getRequest().getMethod().name();
        // FHIR routes answer to their CapabilityStatement, not to an OpenAPI document (FhirRoutes)
        if (route == null
                || API_DOCS.matcher(path).matches()
                || Boolean.TRUE.equals(route.getMetadata().get(FHIR_ROUTE))) {
            return chain.filter(exchange);
        }
        // decide first, then filter: chain.filter completes empty, so it must not sit before switchIfEmpty
        // console routes (/console/api/<service>/…) are rewritten to /api/… and name their service in metadata
        String service = String.valueOf(route.getMetadata().getOrDefault("hearth.service", route.getId()));
        return documented
                .of(service, route.getUri())
                .map(inventory -> inventory.documents(method, path) ? Verdict.DOCUMENTED : Verdict.UNDOCUMENTED)
                .defaultIfEmpty(Verdict.INVENTORY_UNAVAILABLE)
                .flatMap(verdict -> switch (verdict) {
                    case DOCUMENTED -> chain.filter(exchange);
                    case UNDOCUMENTED -> noSuchOperation(exchange);
                    case INVENTORY_UNAVAILABLE ->
                        GatewayProblems.write(
                                exchange,
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "service-unavailable",
                                "Service unavailable",
                                "The service is not available right now. Please retry shortly.");
                });
    }

    private enum Verdict {
        DOCUMENTED,
        UNDOCUMENTED,
        INVENTORY_UNAVAILABLE
    }

    static Mono<Void> noSuchOperation(ServerWebExchange exchange) {
        return GatewayProblems.write(
                exchange,
                HttpStatus.NOT_FOUND,
                "not-found",
                "Not found",
                "No such operation: see the API documentation at /swagger-ui.html.");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
