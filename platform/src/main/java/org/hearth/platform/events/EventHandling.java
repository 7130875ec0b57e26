package org.hearth.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.web.CorrelationId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.function.Consumer;

/**
 * Runs an event handler the same way in every service: envelope parsed, correlation id and trace
 * context in the logs, the event's agency as the current tenant. Bodies are read by tolerant readers
 * (unknown fields ignored) so producers can add fields without breaking consumers.
 *
 * @deprecated validates nothing and lets listeners skip unknown types silently; consumers go through
 * {@link EventEdge#dispatch} with an {@link EventRoutes} table. Kept only until the last listener has moved.
 */
@Deprecated(forRemoval = true)
public class EventHandling {

    private final JsonMapper tolerant;

    public EventHandling(JsonMapper json) {
        this.tolerant = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    public void handle(ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event = IncomingEvent.from(record);
        try (CorrelationId.Scope ignored = CorrelationId.bind(event.correlationId(), event.traceparent())) {
            TenantContext.runAs(event.tenant(), () -> handler.accept(event));
        }
    }

    /** Reads an event body into the consumer's own reader record. */
    public <T> T read(IncomingEvent event, Class<T> readerType) {
        try {
            return tolerant.readValue(event.payload(), readerType);
        } catch (JacksonException e) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type() + " has an unreadable body", e);
        }
    }
}
