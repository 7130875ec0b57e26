package org.hearth.messaging.fanout;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hearth.messaging.MessagingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The messaging replicas' live channel: topic {@code hearth.messaging.live}, which every instance reads whole (all
 * partitions assigned, no consumer group, from the end) and fans out in memory to its own open streams and presence.
 * One consumer per instance, however many streams are open: the store is asked only when a stream (re)connects or
 * sees a gap. What travels is ids and kinds (a delivery as stored: never message text) and who is online.
 * <p>
 * It is a signal, not an event of the catalog: the delivery itself is stored first (the store is the record; a stream
 * reconnecting with {@code Last-Event-ID} replays from it), so a signal lost while the broker is away delays a live
 * delivery, never loses it: while the channel is not {@link #live()}, streams read the store every two seconds.
 */
@Configuration(proxyBeanMethods = false)
public class LiveBus {

    private static final Logger log = LoggerFactory.getLogger(LiveBus.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String topic;
    private final String instance = UUID.randomUUID().toString();
    private final Map<String, BiConsumer<String, JsonNode>> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> onLive = new CopyOnWriteArrayList<>();
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private volatile long lastPollNanos;
    private volatile boolean assigned;
    private volatile boolean stopping;
    private Thread reader;

    private final MessagingSettings.Live settings;

    LiveBus(KafkaProperties kafka, MessagingSettings settings) {
        this.settings = settings.live();
        this.topic = this.settings.topic();
        Map<String, Object> produce = kafka.buildProducerProperties();
        produce.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        produce.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        produce.put(ProducerConfig.ACKS_CONFIG, "1"); // a signal: the leader having it is enough
        produce.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        produce.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        produce.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000); // a missing broker must not hold a request thread
        produce.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.producer = new KafkaProducer<>(produce);
        Map<String, Object> consume = kafka.buildConsumerProperties();
        consume.remove(ConsumerConfig.GROUP_ID_CONFIG); // every instance reads every partition: no group to share
        consume.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consume.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consume.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consume.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        this.consumer = new KafkaConsumer<>(consume);
    }

    /** Created with the other topics by the platform's admin at start (retention: signals are useless after a day). */
    @Bean
    NewTopic liveTopic() {
        return TopicBuilder.name(topic)
                .partitions(settings.partitions())
                .replicas(settings.replicationFactor())
                .config("retention.ms", String.valueOf(Duration.ofDays(1).toMillis()))
                .build();
    }

    /** This instance's id: presence snapshots are per instance. */
    public String instance() {
        return instance;
    }

    /** Registers the handler of one type of signal (one per type); it gets the sending instance and the payload. */
    public void on(String type, BiConsumer<String, JsonNode> handler) {
        handlers.put(type, handler);
    }

    /** Runs each time the channel becomes readable (at start, and after the broker came back). */
    public void whenLive(Runnable action) {
        onLive.add(action);
    }

    /** Whether this instance currently receives the channel: all partitions assigned and polled in the last 10 s. */
    public boolean live() {
        return assigned
                && System.nanoTime() - lastPollNanos < Duration.ofSeconds(10).toNanos();
    }

    /** Publishes one signal; a failure is logged, never thrown (the store already has what matters). */
    public void publish(String type, String key, Object payload) {
        ObjectNode signal = JSON.createObjectNode().put("type", type).put("from", instance);
        signal.set("payload", JSON.valueToTree(payload));
        try {
            producer.send(new ProducerRecord<>(topic, key, JSON.writeValueAsString(signal)), (metadata, failed) -> {
                if (failed != null) {
                    log.warn("live signal {} not published: {}", type, failed.toString());
                }
            });
        } catch (RuntimeException failed) {
            log.warn("live signal {} not published: {}", type, failed.toString());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        reader = Thread.ofPlatform().daemon().name("live-bus").start(this::read);
    }

    private void read() {
        while (!stopping) {
            try {
                if (!assigned) {
                    List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
                    if (partitions.isEmpty()) {
                        Thread.sleep(1000);
                        continue;
                    }
                    consumer.assign(partitions);
                    consumer.seekToEnd(partitions); // streams replay older deliveries from the store themselves
                    partitions.forEach(consumer::position);
                    assigned = true;
                    lastPollNanos = System.nanoTime();
                    onLive.forEach(Runnable::run);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    dispatch(record.value());
                }
                lastPollNanos = System.nanoTime();
            } catch (WakeupException | InterruptedException stop) {
                return;
            } catch (RuntimeException failed) {
                log.warn("live channel unavailable, streams read the store meanwhile: {}", failed.toString());
                assigned = false;
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void dispatch(String value) {
        try {
            JsonNode signal = JSON.readTree(value);
            BiConsumer<String, JsonNode> handler =
                    handlers.get(signal.path("type").asString());
            if (handler != null) {
                handler.accept(signal.path("from").asString(), signal.path("payload"));
            }
        } catch (RuntimeException unreadable) {
            log.warn("unreadable live signal skipped: {}", unreadable.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        consumer.wakeup();
        if (reader != null) {
            try {
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        consumer.close(Duration.ofSeconds(2));
        producer.close(Duration.ofSeconds(2));
    }
}
