package org.hearth.gateway.security;

import java.time.Clock;
import org.hearth.gateway.correlation.CorrelationIdFilter;
import org.hearth.platform.core.audit.AccessRefusals;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's side of {@code org.hearth.audit.AccessRefused.v1}, the event the services write too
 * ({@link AccessRefusals}): every request refused for its token is published with method, path (never the query or
 * the body), reason and correlation id, never the token. Sent off the event loop, since a producer may block while it
 * looks for the broker.
 */
@Component
class RefusalAudit {

    static final String SOURCE = "/hearth/gateway";

    private final AccessRefusals refusals;

    RefusalAudit(KafkaTemplate<String, String> kafka) {
        this.refusals = new AccessRefusals(kafka, SOURCE, Clock.systemUTC());
    }

    void refused(ServerWebExchange exchange, int status, String reason) {
        // the gateway asks only for a valid token: its refusals are 401s with no caller to name (the services name
        // the caller of a 403, since they decide the rights)
        AccessRefusals.Refusal refusal = new AccessRefusals.Refusal(
                status,
                reason,
                exchange.getRequest().getMethod().name(),
                exchange.getRequest().getPath().value(),
                null,
                null,
                CorrelationIdFilter.of(exchange));
        Mono.fromRunnable(() -> refusals.send(refusal))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe();
    }
}
