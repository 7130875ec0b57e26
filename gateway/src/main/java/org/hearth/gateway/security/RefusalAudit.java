package org.hearth.gateway.security;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.hearth.gateway.correlation.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The gateway's half of {@code org.hearth.audit.AccessRefused.v1} (the services write the same event from the
 * platform library): every request refused for its token is published on {@code hearth.audit} with method, path
 * (never the query or the body), reason and correlation id, never the token. Sent off the event loop, since a
 * producer may block while it looks for the broker.
 */
@Component
class RefusalAudit {

    static final String TYPE = "org.hearth.audit.AccessRefused.v1";
    private static final Logger log = LoggerFactory.getLogger(RefusalAudit.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaTemplate<String, String> kafka;

    RefusalAudit(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    void refused(ServerWebExchange exchange, int status, String reason) {
        String auditId = UUID.randomUUID().toString();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("auditId", auditId);
        event.put("at", Instant.now().toString());
        event.put("source", "/hearth/gateway");
        event.put("outcome", status);
        event.put("reason", reason);
        event.put("method", exchange.getRequest().getMethod().name());
        event.put("path", exchange.getRequest().getPath().value());
        event.put("correlationId", CorrelationIdFilter.of(exchange));
        ProducerRecord<String, String> record = new ProducerRecord<>("hearth.audit", auditId, JSON.writeValueAsString(event));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", auditId);
        header(record, "ce_source", "/hearth/gateway");
        header(record, "ce_type", TYPE);
        header(record, "ce_time", String.valueOf(event.get("at")));
        header(record, "ce_correlationid", String.valueOf(event.get("correlationId")));
        header(record, "content-type", "application/json");
        Mono.fromFuture(() -> kafka.send(record)).subscribeOn(Schedulers.boundedElastic())
                .subscribe(sent -> { }, failure -> log.error("REFUSAL AUDIT NOT WRITTEN for {} ({}): {}", status, reason,
                        failure.toString()));
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
