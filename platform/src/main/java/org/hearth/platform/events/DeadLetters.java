package org.hearth.platform.events;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Duration;

/**
 * Consumer failures: a few quick retries for transient trouble, then the record goes to {@code <topic>.dlt}
 * with the failure in its headers ({@code kafka_dlt-exception-*}) and the partition moves on, so one
 * poison message never blocks a patient's stream. Malformed events skip the retries.
 */
public final class DeadLetters {

    public static final String SUFFIX = ".dlt";

    private DeadLetters() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, Duration backOff, long retries) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(record.topic() + SUFFIX, -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(backOff.toMillis(), retries));
        handler.addNotRetryableExceptions(MalformedEventException.class);
        handler.setCommitRecovered(true);
        return handler;
    }
}
