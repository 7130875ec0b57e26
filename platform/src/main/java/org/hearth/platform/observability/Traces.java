package org.hearth.platform.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The current trace as a W3C {@code traceparent}, and work continued under a stored one. The outbox keeps the
 * {@code traceparent} of the request that caused an event; the relay publishes it later on its own thread, so it
 * needs a way back into that trace: {@link #continuing} opens a span whose parent is the stored context, and the
 * Kafka producer's span (Spring Kafka observation) becomes its child and travels in the record's headers.
 */
public final class Traces {

    /** No tracing on the classpath or in the context: nothing is traced, stored trace contexts pass through as they are. */
    public static final Traces NONE = new Traces(Tracer.NOOP, Propagator.NOOP);

    private static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public Traces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span as a {@code traceparent}, or empty outside any span (or without tracing). */
    public Optional<String> currentTraceparent() {
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return Optional.empty();
        }
        TraceContext context = span.context();
        return Optional.of("00-" + context.traceId() + "-" + context.spanId()
                + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00"));
    }

    /**
     * Runs {@code work} in a new span named {@code name}, child of {@code traceparent} (a new trace when it is
     * missing or unreadable), and ends the span afterwards.
     */
    public <T> T continuing(String traceparent, String name, Supplier<T> work) {
        if (tracer == Tracer.NOOP) {
            return work.get();
        }
        Span span = (traceparent == null
                        ? tracer.spanBuilder()
                        : propagator.extract(traceparent, (carrier, key) -> TRACEPARENT.equals(key) ? carrier : null))
                .name(name)
                .start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
