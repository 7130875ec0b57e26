package org.hearth.platform.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of the test broker from the beginning, waiting a bounded time for a matching record. */
public final class TopicReader implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    /**
     * Records polled and not yet matched. Kept, not dropped, when another await looks for something else, so
     * that awaiting events in a different order than they were published still finds each of them.
     */
    private final List<ConsumerRecord<String, String>> unmatched = new ArrayList<>();

    public TopicReader(String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, HearthTestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(topic));
    }

    public Optional<ConsumerRecord<String, String>> await(
            Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (Iterator<ConsumerRecord<String, String>> records = unmatched.iterator(); records.hasNext(); ) {
                ConsumerRecord<String, String> record = records.next();
                if (match.test(record)) {
                    records.remove();
                    return Optional.of(record);
                }
            }
            if (!Instant.now().isBefore(deadline)) {
                return Optional.empty();
            }
            consumer.poll(Duration.ofMillis(200)).forEach(unmatched::add);
        }
    }

    public String topic() {
        return topic;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
