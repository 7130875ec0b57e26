package org.hearth.platform.core.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code org.hearth.audit.AccessRefused.v1} on {@code hearth.audit}, written the same way by the services (servlet,
 * through the platform's {@code RefusalAudit}) and by the gateway (reactive): what was refused (method and path,
 * never the query or the body), why, who when the token told, and the correlation id; never the token. A refusal
 * changes no state, so it is sent straight to Kafka rather than through an outbox, and a failed send is logged
 * loudly, never thrown: the refusal is answered either way. Each side only reads its own request into a
 * {@link Refusal}.
 */
public final class AccessRefusals {

    public static final String TOPIC = "hearth.audit";
    public static final String TYPE = "org.hearth.audit.AccessRefused.v1";
    private static final Logger log = LoggerFactory.getLogger(AccessRefusals.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaTemplate<String, String> kafka;
    private final String source;
    private final Clock clock;

    /** @param source the CloudEvents source of the writer, e.g. {@code /hearth/gateway} */
    public AccessRefusals(KafkaTemplate<String, String> kafka, String source, Clock clock) {
        this.kafka = kafka;
        this.source = source;
        this.clock = clock;
    }

    /**
     * What the refused caller's valid token told. {@code actor}, {@code clientId} and {@code agency} are written even
     * when null (the token was read but lacked them); {@code actorName} and {@code organization} only when present.
     */
    public record Caller(String actor, String actorName, String clientId, String organization, String agency) {}

    /**
     * One refused request. {@code caller} is null when no valid token was read (a 401); {@code address} and
     * {@code correlationId} are left out when null.
     */
    public record Refusal(
            int status,
            String reason,
            String method,
            String path,
            Caller caller,
            String address,
            String correlationId) {}

    /** Sends the refusal's event; never throws. */
    public void send(Refusal refusal) {
        try {
            kafka.send(record(refusal)).whenComplete((sent, failure) -> {
                if (failure != null) {
                    notWritten(refusal, failure);
                }
            });
        } catch (RuntimeException e) {
            notWritten(refusal, e);
        }
    }

    /** The Kafka record of the refusal's event, keyed and identified by a new audit id, with its CloudEvents headers. */
    public ProducerRecord<String, String> record(Refusal refusal) {
        String auditId = UUID.randomUUID().toString();
        String at = clock.instant().toString();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("auditId", auditId);
        event.put("at", at);
        event.put("source", source);
        event.put("outcome", refusal.status());
        event.put("reason", refusal.reason());
        event.put("method", refusal.method());
        event.put("path", refusal.path());
        Caller caller = refusal.caller();
        if (caller != null) {
            event.put("actor", caller.actor());
            putIfPresent(event, "actorName", caller.actorName());
            event.put("clientId", caller.clientId());
            putIfPresent(event, "organization", caller.organization());
            event.put("agency", caller.agency());
        }
        putIfPresent(event, "address", refusal.address());
        event.put("correlationId", refusal.correlationId());
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, auditId, JSON.writeValueAsString(event));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", auditId);
        header(record, "ce_source", source);
        header(record, "ce_type", TYPE);
        header(record, "ce_time", at);
        header(record, "ce_tenantid", caller == null ? null : caller.agency());
        header(record, "ce_correlationid", refusal.correlationId());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void notWritten(Refusal refusal, Throwable failure) {
        log.error(
                "REFUSAL AUDIT NOT WRITTEN for {} {} ({}): {}",
                refusal.method(),
                refusal.status(),
                refusal.reason(),
                failure.toString());
    }

    private static void putIfPresent(Map<String, Object> event, String name, String value) {
        if (value != null) {
            event.put(name, value);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
