package org.hearth.platform.events;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document ({@code outbox} array) to be published. It is written in
 * the same single-document update as the state change it describes, so the two cannot disagree; the
 * relay publishes it and then removes it.
 */
public record OutboxEntry(
        String eventId,
        String topic,
        String key,
        String type,
        String source,
        String subject,
        Instant time,
        String tenantId,
        String correlationId,
        String traceparent,
        String payload) {

    /** Name of the array field that holds pending entries in an aggregate's document. */
    public static final String FIELD = "outbox";

    /**
     * Flag set to {@code true} in the same write that appends entries, removed by the relay once the array is empty:
     * the relay finds pending documents through it (sparse index) instead of scanning every document's array.
     */
    public static final String PENDING = "outboxPending";
}
