package org.hearth.gateway.problem;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * On {@code /fhir/**} paths the gateway's own refusals (401, 403, 404, 413, 429, 503, …) are FHIR
 * {@code OperationOutcome}s, as the services' FHIR errors are: a FHIR client parses every error the same way.
 * The correlation id is in the diagnostics (and, as everywhere, in the {@code X-Correlation-Id} header).
 */
public final class FhirOutcomes {

    public static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");
    /** R4's context is costly to build (a second or so) and thread-safe once built: one per process. */
    public static final FhirContext FHIR = FhirContext.forR4Cached();

    private FhirOutcomes() {}

    public static boolean isFhirPath(String path) {
        return path.startsWith("/fhir/");
    }

    public static OperationOutcome outcome(HttpStatus status, String detail, String correlationId) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(status.is5xxServerError() ? IssueSeverity.FATAL : IssueSeverity.ERROR)
                .setCode(issueType(status))
                .setDiagnostics(correlationId == null ? detail : detail + " (correlation id " + correlationId + ")");
        return outcome;
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, String correlationId) {
        return write(exchange, status, outcome(status, detail, correlationId));
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, Resource resource) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(FHIR_JSON);
        byte[] body = FHIR.newJsonParser().encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    static IssueType issueType(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> IssueType.LOGIN;
            case FORBIDDEN -> IssueType.FORBIDDEN;
            case NOT_FOUND, GONE -> IssueType.NOTFOUND;
            case METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, UNSUPPORTED_MEDIA_TYPE -> IssueType.NOTSUPPORTED;
            case CONFLICT, PRECONDITION_FAILED -> IssueType.CONFLICT;
            case CONTENT_TOO_LARGE -> IssueType.TOOLONG;
            case TOO_MANY_REQUESTS -> IssueType.THROTTLED;
            case UNPROCESSABLE_CONTENT -> IssueType.PROCESSING;
            case SERVICE_UNAVAILABLE -> IssueType.TRANSIENT;
            case GATEWAY_TIMEOUT -> IssueType.TIMEOUT;
            default -> status.is5xxServerError() ? IssueType.EXCEPTION : IssueType.INVALID;
        };
    }
}
