package org.hearth.gateway.problem;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.hearth.gateway.correlation.InRequestTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Failures between the gateway and a service become problems, not Boot's default error JSON and never
 * a stack trace: a service that is down answers 503, one that closes the connection without an answer 502, one that
 * is too slow 504.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    /**
     * Answers inside the request's trace context: a warning about an unreachable service is the line an operator
     * follows by its trace id.
     */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        return InRequestTrace.logged(() -> answer(exchange, failure));
    }

    private Mono<Void> answer(ServerWebExchange exchange, Throwable failure) {
        if (causedBy(failure, ConnectException.class)) {
            log.warn("Upstream unreachable for {}: {}", exchange.getRequest().getPath(), failure.toString());
            return GatewayProblems.write(
                    exchange,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "service-unavailable",
                    "Service unavailable",
                    "The service is not reachable right now; try again shortly.");
        }
        if (causedBy(failure, PrematureCloseException.class)) {
            // the request may have reached the service and been applied; only the caller can retry it safely
            log.warn(
                    "Upstream closed the connection without an answer for {}: {}",
                    exchange.getRequest().getPath(),
                    failure.toString());
            return GatewayProblems.write(
                    exchange,
                    HttpStatus.BAD_GATEWAY,
                    "upstream-closed",
                    "No answer from the service",
                    "The service closed the connection before answering; whether it applied the request is unknown. "
                            + "Retry with the same Idempotency-Key (or client-chosen id) so that it is applied once.");
        }
        if (causedBy(failure, TimeoutException.class)
                || (failure instanceof ResponseStatusException status
                        && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value())) {
            // Spring Cloud Gateway's response timeout arrives as a ResponseStatusException(504), not a TimeoutException
            log.warn(
                    "No answer in time from the service for {}",
                    exchange.getRequest().getPath());
            return GatewayProblems.write(
                    exchange,
                    HttpStatus.GATEWAY_TIMEOUT,
                    "gateway-timeout",
                    "Gateway timeout",
                    "The service did not answer in time; whether it applied the request is unknown. Retry with the "
                            + "same Idempotency-Key (or client-chosen id) so that it is applied once.");
        }
        if (failure instanceof ResponseStatusException status
                && status.getStatusCode().value() == 404) {
            return GatewayProblems.write(exchange, HttpStatus.NOT_FOUND, "not-found", "Not found", "No such resource.");
        }
        if (failure instanceof ResponseStatusException status
                && status.getStatusCode().is4xxClientError()) {
            HttpStatus code = HttpStatus.valueOf(status.getStatusCode().value());
            return GatewayProblems.write(
                    exchange, code, "bad-request", code.getReasonPhrase(), "The request cannot be processed.");
        }
        log.error("Gateway failure on {}", exchange.getRequest().getPath(), failure);
        return GatewayProblems.write(
                exchange,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "Something went wrong on our side. Quote the correlation id when you report it.");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
