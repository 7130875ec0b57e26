package org.hearth.platform.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A consumer's inbound surface, one line per event type it applies:
 * <pre>{@code
 * EventRoutes.forConsumer("scheduling-patient-events")
 *         .on(PatientAdmittedV1.TYPE, PatientAdmittedV1.class, projection::admitted)
 *         .on(CarePlanSignedV1.TYPE, CarePlanSignedV1.class, carePlans::signed);
 * }</pre>
 * Types without a line are ignored on purpose by this consumer; {@link EventEdge} decides what is unknown or invalid.
 * A route must name a type that has a contract in {@code contracts/events/}, so a typo fails at start-up, not in
 * production.
 */
public final class EventRoutes {

    private final String consumer;
    private final Map<String, Route<?>> routes = new LinkedHashMap<>();

    private EventRoutes(String consumer) {
        if (consumer == null || consumer.isBlank()) {
            throw new IllegalArgumentException("a consumer needs a name (used in logs and metrics)");
        }
        this.consumer = consumer;
    }

    /** The routes of one consumer; its name tags the logs and metrics of what it ignores or rejects. */
    public static EventRoutes forConsumer(String consumer) {
        return new EventRoutes(consumer);
    }

    public <T> EventRoutes on(String type, Class<T> bodyType, EventHandler<? super T> handler) {
        if (!EventSchemas.onClasspath().knows(type)) {
            throw new IllegalArgumentException("no contract in contracts/events for routed type " + type);
        }
        if (routes.putIfAbsent(type, new Route<>(bodyType, handler)) != null) {
            throw new IllegalArgumentException("type " + type + " routed twice in consumer " + consumer);
        }
        return this;
    }

    public String consumer() {
        return consumer;
    }

    /** The routed types, in the order they were declared. */
    public Set<String> types() {
        return Collections.unmodifiableSet(routes.keySet());
    }

    Route<?> route(String type) {
        return routes.get(type);
    }

    record Route<T>(Class<T> bodyType, EventHandler<? super T> handler) {

        void run(IncomingEvent event, Object body) {
            handler.handle(event, bodyType.cast(body));
        }
    }
}
