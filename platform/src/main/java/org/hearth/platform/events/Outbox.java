package org.hearth.platform.events;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.hearth.platform.correlation.CorrelationId;
import org.hearth.platform.observability.Traces;
import org.hearth.platform.tenancy.TenantContext;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the events a domain operation returned into outbox entries for the aggregate's document, with
 * the envelope filled from the current request: tenant, correlation id, trace context.
 */
public class Outbox {

    private final JsonMapper json;
    private final String source;
    private final Clock clock;
    private final OutboxRelay relay;
    private final Traces traces;

    public Outbox(JsonMapper json, String source, Clock clock, OutboxRelay relay) {
        this(json, source, clock, relay, Traces.NONE);
    }

    /** @param traces the current span's context is stored with each entry, so the relay continues its trace */
    public Outbox(JsonMapper json, String source, Clock clock, OutboxRelay relay, Traces traces) {
        this.traces = traces;
        this.json = json;
        this.source = source;
        this.clock = clock;
        this.relay = relay;
    }

    public List<OutboxEntry> entries(String topic, List<? extends DomainEvent> events) {
        String tenant = TenantContext.current().value();
        String correlationId =
                CorrelationId.current().orElseGet(() -> UUID.randomUUID().toString());
        // the span of this request or event handling; the caller's own header where nothing is traced
        String traceparent = traces.currentTraceparent()
                .or(CorrelationId::currentTraceparent)
                .orElse(null);
        return events.stream()
                .map(event -> new OutboxEntry(
                        UUID.randomUUID().toString(),
                        topic,
                        event.subject(),
                        event.eventType(),
                        source,
                        event.subject(),
                        clock.instant(),
                        tenant,
                        correlationId,
                        traceparent,
                        json.writeValueAsString(event)))
                .toList();
    }

    /** Adds the entries of {@code events} to an update of an aggregate's document (nothing if there are none). */
    public Update append(Update update, String topic, List<? extends DomainEvent> events) {
        List<OutboxEntry> entries = entries(topic, events);
        if (!entries.isEmpty()) {
            update.push(OutboxEntry.FIELD).each(entries.toArray()).set(OutboxEntry.PENDING, true);
        }
        return update;
    }

    /** Tells the relay that a document with pending entries was written, so it publishes without waiting for its poll. */
    public void written() {
        relay.wakeUp();
    }
}
