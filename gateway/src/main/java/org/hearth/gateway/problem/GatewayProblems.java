package org.hearth.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hearth.gateway.correlation.CorrelationIdFilter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem with the same shape and type URIs as the services (docs/problems.md); on FHIR paths the same
 * refusal as an {@code OperationOutcome} ({@link FhirOutcomes}).
 */
public final class GatewayProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GatewayProblems() {}

    public static Mono<Void> write(
            ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        if (FhirOutcomes.isFhirPath(exchange.getRequest().getPath().value())) {
            return FhirOutcomes.write(exchange, status, detail, CorrelationIdFilter.of(exchange));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("correlationId", CorrelationIdFilter.of(exchange));
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(JSON.writeValueAsBytes(body));
        return response.writeWith(Mono.just(buffer));
    }
}
