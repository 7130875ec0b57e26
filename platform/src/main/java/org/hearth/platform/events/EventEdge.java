package org.hearth.platform.events;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.correlation.CorrelationId;
import org.hearth.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way into a service for an event. Every record is checked before any handler runs, so no handler ever
 * creates state from an event that breaks its contract:
 * <ol>
 * <li>envelope: {@code ce_id}, {@code ce_type}, a valid {@code ce_tenantid}, a body;</li>
 * <li>type: without a contract in {@code contracts/events/} (a {@code .v2} nobody knows, garbage) the record is
 * <em>unknown</em>: counted in {@code hearth.events.unknown}, logged WARN, committed, never dead-lettered; with a
 * contract but no route in this consumer it is ignored on purpose (DEBUG);</li>
 * <li>body: JSON valid against its contract (formats asserted), and {@code patientId} equal to {@code ce_subject}
 * when both are present.</li>
 * </ol>
 * A record failing 1 or 3 raises {@link MalformedEventException}: {@link DeadLetters} sends it to the DLT without
 * retries and logs one WARN line. Anything else a handler throws is retried, then dead-lettered the same way.
 * Handlers run with the event's agency as the tenant and its correlation id and trace context in the logs.
 */
public class EventEdge {

    public static final String UNKNOWN_METRIC = "hearth.events.unknown";

    private static final Logger log = LoggerFactory.getLogger(EventEdge.class);
    private static final ObjectMapper TREE = new ObjectMapper();

    private final JsonMapper tolerant;
    private final EventSchemas schemas;
    private final MeterRegistry meters;

    public EventEdge(JsonMapper json, EventSchemas schemas, MeterRegistry meters) {
        // tolerant readers: a consumer's record reads only the fields it needs (ARCHITECTURE §5)
        this.tolerant = json.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.schemas = schemas;
        this.meters = meters;
    }

    public void dispatch(ConsumerRecord<String, String> record, EventRoutes routes) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!schemas.knows(event.type())) {
            unknown(record, event, routes);
            return;
        }
        EventRoutes.Route<?> route = routes.route(event.type());
        if (route == null) {
            log.debug("{} {} not followed by consumer {}; ignored", event.type(), event.id(), routes.consumer());
            return;
        }
        Object body = validated(event, route.bodyType());
        try (CorrelationId.Scope ignored = CorrelationId.bind(event.correlationId(), event.traceparent())) {
            TenantContext.runAs(event.tenant(), () -> route.run(event, body));
            // in the listener's span: with DEBUG on, the trace of a request can be followed into every consumer's log
            log.debug("{} {} handled by consumer {}", event.type(), event.id(), routes.consumer());
        }
    }

    private Object validated(IncomingEvent event, Class<?> bodyType) {
        JsonNode tree;
        try {
            tree = TREE.readTree(event.payload());
        } catch (JacksonException e) {
            // the parser's message quotes the body: not logged, not kept
            throw new MalformedEventException(describe(event) + " has a body that is not JSON");
        }
        List<String> violations = schemas.violations(event.type(), tree);
        if (!violations.isEmpty()) {
            throw new MalformedEventException(
                    describe(event) + " breaks its contract: " + String.join(", ", violations));
        }
        JsonNode patientId = tree.get("patientId");
        if (patientId != null
                && patientId.isTextual()
                && event.subject() != null
                && !patientId.textValue().equals(event.subject())) {
            throw new MalformedEventException(describe(event) + " has a patientId other than its ce_subject");
        }
        try {
            return tolerant.readValue(event.payload(), bodyType);
        } catch (tools.jackson.core.JacksonException e) {
            throw new MalformedEventException(describe(event) + " cannot be read as " + bodyType.getSimpleName());
        }
    }

    private void unknown(ConsumerRecord<String, String> record, IncomingEvent event, EventRoutes routes) {
        String type = EventSchemas.TYPE_SHAPE.matcher(event.type()).matches() ? event.type() : "other";
        Counter.builder(UNKNOWN_METRIC)
                .description("Events of a type without a contract, skipped (never dead-lettered)")
                .tag("topic", record.topic())
                .tag("consumer", routes.consumer())
                .tag("type", type)
                .register(meters)
                .increment();
        log.warn(
                "Unknown event type {} (event {}, {}-{}@{}, consumer {}): no contract, skipped",
                type,
                DeadLetters.printable(event.id()),
                record.topic(),
                record.partition(),
                record.offset(),
                routes.consumer());
    }

    private static String describe(IncomingEvent event) {
        return "event " + event.id() + " of type " + event.type();
    }
}
