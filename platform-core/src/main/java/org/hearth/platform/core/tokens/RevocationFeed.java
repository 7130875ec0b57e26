package org.hearth.platform.core.tokens;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Feeds this instance's {@link RevocationList} from {@value Revocation#TOPIC}. Every instance must learn every
 * revocation, so this is not a consumer group: it assigns itself all partitions and reads them from the beginning
 * (the topic keeps an hour, longer than any token lives), then follows. Nothing is committed. Malformed records are
 * skipped (logged by offset, never by content); a broker outage only delays revocations, the loop retries.
 */
public final class RevocationFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);

    private final Map<String, Object> consumerProperties;
    private final RevocationList revocations;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    /** @param consumerProperties the service's Kafka consumer settings (bootstrap servers, TLS, SASL) */
    public RevocationFeed(Map<String, Object> consumerProperties, RevocationList revocations) {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(
                ConsumerConfig.CLIENT_ID_CONFIG,
                "revocations-" + ProcessHandle.current().pid());
        this.consumerProperties = properties;
        this.revocations = revocations;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("revocation-feed").start(this::follow);
    }

    private void follow() {
        while (running) {
            try (KafkaConsumer<String, String> feed = new KafkaConsumer<>(consumerProperties)) {
                consumer = feed;
                List<TopicPartition> partitions = partitions(feed);
                if (partitions.isEmpty()) {
                    sleep(Duration.ofSeconds(2)); // the topic is not there yet
                    continue;
                }
                feed.assign(partitions);
                feed.seekToBeginning(partitions);
                while (running) {
                    for (ConsumerRecord<String, String> record : feed.poll(Duration.ofMillis(500))) {
                        read(record);
                    }
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException failure) {
                log.warn("revocation feed interrupted, retrying: {}", failure.toString());
                sleep(Duration.ofSeconds(2));
            } finally {
                consumer = null;
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> feed) {
        List<PartitionInfo> found = feed.partitionsFor(Revocation.TOPIC, Duration.ofSeconds(5));
        return found == null
                ? List.of()
                : found.stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
    }

    private void read(ConsumerRecord<String, String> record) {
        try {
            revocations.add(Revocation.fromJson(record.value()));
        } catch (IllegalArgumentException malformed) {
            log.warn("skipped a malformed revocation at {}-{}@{}", record.topic(), record.partition(), record.offset());
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread following = thread;
        if (following != null) {
            try {
                following.join(Duration.ofSeconds(5));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
