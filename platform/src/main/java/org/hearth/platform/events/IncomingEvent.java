package org.hearth.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hearth.platform.tenancy.TenantId;

/** A CloudEvent read from Kafka in binary mode: the envelope from headers, the body as JSON text. */
public record IncomingEvent(
        String id,
        String type,
        String source,
        String subject,
        TenantId tenant,
        String correlationId,
        String traceparent,
        String payload) {

    /** An agency is a Keycloak organization, whose id is a UUID. */
    private static final Pattern ORGANIZATION_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * Reads the envelope; a record without the required attributes, or naming no possible agency, cannot be processed
     * and goes to the dead-letter topic (no state is ever made for an agency that cannot exist).
     */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = required(record, CloudEventHeaders.ID);
        String type = required(record, CloudEventHeaders.TYPE);
        String tenant = required(record, CloudEventHeaders.TENANT);
        if (!ORGANIZATION_ID.matcher(tenant).matches()) {
            throw new MalformedEventException("event " + id + " has an invalid tenant id");
        }
        if (record.value() == null) {
            throw new MalformedEventException("event " + id + " has no body");
        }
        try {
            return new IncomingEvent(
                    id,
                    type,
                    header(record, CloudEventHeaders.SOURCE),
                    header(record, CloudEventHeaders.SUBJECT),
                    TenantId.of(tenant),
                    header(record, CloudEventHeaders.CORRELATION),
                    header(record, CloudEventHeaders.TRACEPARENT),
                    record.value());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event " + id + " has an invalid tenant id");
        }
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("event without header " + name);
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
