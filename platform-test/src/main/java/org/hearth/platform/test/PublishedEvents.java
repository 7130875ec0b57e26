package org.hearth.platform.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Expectations on what a service published, read like the rule they check:
 * <pre>{@code
 * ConsumerRecord<String, String> signed = published(on(topic)).ofType(CarePlanSigned.TYPE).about(patient).await();
 * }</pre>
 * A missing event fails with a sentence that names the type, the key, the topic and how long it was awaited.
 */
public final class PublishedEvents {

    /** How long an event may take by default: the outbox relay polls, the broker is in-process. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);

    private PublishedEvents() {}

    /** The reader of the topic the event is expected on (opened before the action that publishes it). */
    public static TopicReader on(TopicReader reader) {
        return reader;
    }

    public static Expectation published(TopicReader reader) {
        return new Expectation(reader);
    }

    /** One expected event; each narrowing adds to the description of what was awaited. */
    public static final class Expectation {
        private final TopicReader reader;
        private Predicate<ConsumerRecord<String, String>> match = r -> true;
        private final List<String> described = new ArrayList<>();

        private Expectation(TopicReader reader) {
            this.reader = reader;
        }

        /** The CloudEvents type ({@code ce_type} header), e.g. {@code org.hearth.patient.CarePlanSigned.v1}. */
        public Expectation ofType(String type) {
            return and(r -> type.equals(TopicReader.header(r, "ce_type")), type);
        }

        /** The record key: the aggregate the event is about. */
        public Expectation about(String key) {
            return and(r -> key.equals(r.key()), "about " + key);
        }

        /** The JSON body as text satisfies {@code body}. */
        public Expectation matching(Predicate<String> body) {
            return and(r -> body.test(r.value()), "matching the test's condition");
        }

        public Expectation matching(String description, Predicate<String> body) {
            return and(r -> body.test(r.value()), description);
        }

        /** The first such event within {@link #DEFAULT_WAIT}; fails the test if there is none. */
        public ConsumerRecord<String, String> await() {
            return within(DEFAULT_WAIT);
        }

        public ConsumerRecord<String, String> within(Duration timeout) {
            return reader.await(match, timeout)
                    .orElseThrow(() -> new AssertionError("no event "
                            + (described.isEmpty() ? "at all" : String.join(", ", described)) + " on " + reader.topic()
                            + " within " + timeout.toSeconds() + " s"));
        }

        private Expectation and(Predicate<ConsumerRecord<String, String>> more, String description) {
            match = match.and(more);
            described.add(description);
            return this;
        }
    }
}
