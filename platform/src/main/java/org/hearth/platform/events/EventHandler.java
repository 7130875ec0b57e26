package org.hearth.platform.events;

/**
 * What a consumer does with one event type: called by the {@link EventEdge} only after the record passed its
 * contract, with the event's agency as the current tenant and its correlation id in the logs.
 *
 * @param <T> the consumer's own tolerant reader of the body
 */
@FunctionalInterface
public interface EventHandler<T> {

    void handle(IncomingEvent event, T body);
}
