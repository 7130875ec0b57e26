package org.hearth.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.hearth.platform.store.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Consumer failures: a few quick retries for transient trouble, then the record goes to {@code <topic>.dlt}
 * with the failure in its headers ({@code kafka_dlt-exception-*}) and the partition moves on, so one
 * poison message never blocks a patient's stream. Malformed events skip the retries; an unreachable store is retried
 * without limit (see {@link #untilTheStoreIsBack(Duration)}). Each dead-lettered record
 * is logged once at WARN (event id, type, topic-partition@offset, consumer group, reason: ids and codes only,
 * never the body) and counted in {@code hearth.events.dead-lettered}.
 */
public final class DeadLetters {

    public static final String SUFFIX = ".dlt";
    public static final String DEAD_LETTERED_METRIC = "hearth.events.dead-lettered";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {}

    public static DefaultErrorHandler errorHandler(
            KafkaOperations<?, ?> template, Duration backOff, long retries, MeterRegistry meters) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(
                template, (record, failure) -> new TopicPartition(record.topic() + SUFFIX, -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(
                new LoggedRecoverer(publisher, meters), new FixedBackOff(backOff.toMillis(), retries));
        handler.addNotRetryableExceptions(MalformedEventException.class);
        handler.setBackOffFunction(
                (record, failure) -> StoreUnavailable.is(failure) ? untilTheStoreIsBack(backOff) : null);
        handler.setCommitRecovered(true);
        // the retries are routine and their exceptions may quote data; the one WARN line below is the record's log
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }

    /**
     * The service's own database is unreachable: the event is fine and no handler is at fault, so it is retried until
     * the store is back (the usual pause, doubling up to 30 s, without limit) instead of being dead-lettered after a
     * few seconds. The partition waits, as every other write of the service does while its store is down.
     */
    static BackOff untilTheStoreIsBack(Duration first) {
        ExponentialBackOff backOff = new ExponentialBackOff(Math.max(first.toMillis(), 1), 2.0);
        backOff.setMaxInterval(30_000);
        return backOff;
    }

    /** Publishes to the DLT, then logs and counts: a record whose publication failed is retried, not logged twice. */
    private record LoggedRecoverer(DeadLetterPublishingRecoverer publisher, MeterRegistry meters)
            implements ConsumerAwareRecordRecoverer {

        @Override
        public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception failure) {
            publisher.accept(record, consumer, failure);
            Throwable cause = cause(failure);
            Counter.builder(DEAD_LETTERED_METRIC)
                    .description("Records sent to their topic's dead-letter topic")
                    .tag("topic", record.topic())
                    .tag("reason", cause.getClass().getSimpleName())
                    .register(meters)
                    .increment();
            log.warn(
                    "Dead-lettered event {} type {} from {}-{}@{} (group {}) to {}{}: {}",
                    header(record, CloudEventHeaders.ID),
                    header(record, CloudEventHeaders.TYPE),
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    group(consumer),
                    record.topic(),
                    SUFFIX,
                    reason(cause));
        }

        /** Our own messages name ids, types and contract paths only; anything else is named by its class alone. */
        private static String reason(Throwable cause) {
            if (cause instanceof MalformedEventException) {
                return printable(cause.getMessage(), 400);
            }
            return cause.getClass().getName() + " after retries";
        }

        /** What went wrong, under the container's wrapper and a batch listener's pointer to the failed record. */
        private static Throwable cause(Throwable failure) {
            Throwable cause = failure;
            while ((cause instanceof ListenerExecutionFailedException || cause instanceof BatchListenerFailedException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        }

        private static String group(Consumer<?, ?> consumer) {
            try {
                return consumer == null ? "-" : consumer.groupMetadata().groupId();
            } catch (RuntimeException e) {
                return "-";
            }
        }
    }

    /** A header for a log line: bounded and printable, whatever a producer put there. */
    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "-" : printable(new String(header.value(), StandardCharsets.UTF_8));
    }

    static String printable(String value) {
        return printable(value, 80);
    }

    static String printable(String value, int max) {
        String cleaned = value == null ? "-" : value.replaceAll("[^\\x20-\\x7E]", "?");
        return cleaned.length() > max ? cleaned.substring(0, max) + "..." : cleaned;
    }
}
