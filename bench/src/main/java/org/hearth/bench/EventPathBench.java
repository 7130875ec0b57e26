package org.hearth.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.events.OutboxEntry;
import org.hearth.platform.events.OutboxRelay;
import org.hearth.platform.test.HearthTestInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * S4, the event path: a state change written with its outbox entry in one document write, published by the
 * platform's relay, received by a consumer, against a raw Kafka producer (the settings of
 * {@code kafka-producer-perf-test}: acks=all, idempotent, same record size) on the same broker in the same run.
 * Figures: the relay's publish throughput (a backlog of state changes already written, drained to the broker) and
 * the raw producer's, and their ratio (the S4 target); the same state changes written one by one from one thread
 * while the relay runs (bounded by single-document write latency, reported for comparison with earlier runs);
 * end-to-end latency (write to consumer) at a fixed rate. The broker is an in-process KRaft node and MongoDB the
 * in-memory wire server, so absolute figures are this machine's; the ratio is the one to compare.
 *
 * <p>Usage: {@code EventPathBench [events] [ratePerSecond] [latencySeconds]}
 */
public final class EventPathBench {

    static final String TOPIC = "bench.events";
    static final int RECORD_BYTES = 512;

    private EventPathBench() {}

    public record Result(
            double rawPerSecond,
            double storePerSecond,
            double outboxPerSecond,
            double writeAndRelayPerSecond,
            double p50Millis,
            double p99Millis,
            int rate) {

        public double ratio() {
            return outboxPerSecond / rawPerSecond;
        }

        /** The lower of the two things the relay is made of: the store's own work per event, or the producer. */
        public double bound() {
            return Math.min(storePerSecond, rawPerSecond);
        }

        public double ratioToBound() {
            return outboxPerSecond / bound();
        }
    }

    public static void main(String[] args) throws Exception {
        MachineLoad.guard("S4 event path");
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Duration latencyRun = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 10);
        Result r = run(events, rate, latencyRun);
        System.out.printf(
                Locale.ROOT,
                "S4 event path (%d events of %d bytes; latency at %d/s for %d s)%n",
                events,
                RECORD_BYTES,
                rate,
                latencyRun.toSeconds());
        System.out.printf(Locale.ROOT, "  raw producer (acks=all)   %,10.0f events/s%n", r.rawPerSecond());
        System.out.printf(
                Locale.ROOT,
                "  store alone (find flagged, bulk pull+unset, re-read by _id) %,10.0f events/s%n",
                r.storePerSecond());
        System.out.printf(
                Locale.ROOT,
                "  outbox -> relay -> Kafka  %,10.0f events/s   %.2f x the producer; %.2f x the bound (the lower of"
                        + " store and producer, %s; target >= 0.70)%n",
                r.outboxPerSecond(),
                r.ratio(),
                r.ratioToBound(),
                r.storePerSecond() < r.rawPerSecond() ? "the store" : "the producer");
        System.out.printf(
                Locale.ROOT,
                "  one writer + relay        %,10.0f events/s   ratio %.2f x (single-document writes, one thread)%n",
                r.writeAndRelayPerSecond(),
                r.writeAndRelayPerSecond() / r.rawPerSecond());
        System.out.printf(
                Locale.ROOT,
                "  write -> consumer         p50 %.1f ms   p99 %.1f ms (target p99 <= 25 ms)%n",
                r.p50Millis(),
                r.p99Millis());
        System.exit(0); // the in-process broker's threads are not daemons and would keep the JVM alive
    }

    public static Result run(int events, int rate, Duration latencyRun) throws Exception {
        String bootstrap = HearthTestInfrastructure.kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1)))
                        .all()
                        .get();
            }
        }
        Map<String, Object> producer = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class);
        String payload = "x".repeat(RECORD_BYTES);

        double raw;
        try (KafkaProducer<String, String> kafka = new KafkaProducer<>(producer)) {
            for (int i = 0; i < 2_000; i++) {
                kafka.send(new ProducerRecord<>(TOPIC, "warm-" + (i % 100), payload));
            }
            kafka.flush();
            long t0 = System.nanoTime();
            for (int i = 0; i < events; i++) {
                kafka.send(new ProducerRecord<>(TOPIC, "patient-" + (i % 500), payload));
            }
            kafka.flush();
            raw = events / ((System.nanoTime() - t0) / 1e9);
        }

        // the relay's producer as the platform configures it (HearthDefaults): acks=all, idempotent, linger 0
        Map<String, Object> relayProducer = new java.util.HashMap<>(producer);
        relayProducer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        KafkaTemplate<String, String> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(relayProducer));
        try (MongoClient client = MongoClients.create(uri)) {
            MongoTemplate mongo = new MongoTemplate(client, "hearth_bench");
            double store = storeAlone(mongo, events, payload);
            // publish throughput: a backlog of N state changes (many request threads wrote them), drained by the relay
            for (int i = 0; i < events; i++) {
                mongo.getCollection("aggregates").insertOne(aggregate("b-" + i, payload));
            }
            double outbox = drain(mongo, template, events);
            mongo.getCollection("aggregates").drop();

            OutboxRelay relay = new OutboxRelay(
                    mongo,
                    template,
                    List.of(new OutboxCollection("aggregates")),
                    Duration.ofMillis(20),
                    Duration.ofSeconds(10));
            relay.start();
            try {
                // the same N state changes written one by one by one thread while the relay runs, until all are out
                long t0 = System.nanoTime();
                for (int i = 0; i < events; i++) {
                    mongo.getCollection("aggregates").insertOne(aggregate("a-" + i, payload));
                    relay.wakeUp();
                }
                awaitPublished(relay, events);
                double writeAndRelay = events / ((System.nanoTime() - t0) / 1e9);
                mongo.getCollection("aggregates").drop();

                // latency at a fixed rate: write time in the payload, measured where the consumer receives it
                double[] latency = latency(bootstrap, mongo, relay, rate, latencyRun);
                return new Result(raw, store, outbox, writeAndRelay, latency[0], latency[1], rate);
            } finally {
                relay.stop();
                template.destroy();
            }
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * The store's own bound on the relay: the same backlog drained with the relay's store operations and no broker —
     * per batch of 500, the query for flagged documents, one unordered bulk write pulling the entries and unsetting
     * the flag by {@code _id}, and the read by {@code _id} that looks for entries appended meanwhile (OutboxRelay).
     */
    static double storeAlone(MongoTemplate mongo, int events, String payload) {
        MongoCollection<Document> documents = mongo.getCollection("store-bound");
        for (int i = 0; i < events; i++) {
            documents.insertOne(aggregate("s-" + i, payload));
        }
        long t0 = System.nanoTime();
        int drained = 0;
        while (true) {
            List<Document> batch = documents
                    .find(Filters.eq(OutboxEntry.PENDING, true))
                    .limit(500)
                    .into(new ArrayList<>());
            if (batch.isEmpty()) {
                break;
            }
            List<WriteModel<Document>> writes = new ArrayList<>();
            List<Object> ids = new ArrayList<>();
            for (Document document : batch) {
                List<Object> eventIds = document.getList(OutboxEntry.FIELD, Document.class).stream()
                        .map(e -> (Object) e.getString("eventId"))
                        .toList();
                writes.add(new UpdateOneModel<>(
                        Filters.eq("_id", document.get("_id")),
                        Updates.combine(
                                Updates.pull(OutboxEntry.FIELD, new Document("eventId", new Document("$in", eventIds))),
                                Updates.unset(OutboxEntry.PENDING))));
                ids.add(document.get("_id"));
            }
            documents.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            documents
                    .find(Filters.in("_id", ids))
                    .projection(new Document(OutboxEntry.FIELD, 1))
                    .into(new ArrayList<>());
            drained += batch.size();
        }
        double perSecond = drained / ((System.nanoTime() - t0) / 1e9);
        documents.drop();
        if (drained != events) {
            throw new IllegalStateException("the store-alone drain found " + drained + " of " + events + " documents");
        }
        return perSecond;
    }

    /** Starts a relay on an existing backlog and times it until every entry is confirmed by the broker. */
    private static double drain(MongoTemplate mongo, KafkaTemplate<String, String> template, int events)
            throws InterruptedException {
        OutboxRelay relay = new OutboxRelay(
                mongo,
                template,
                List.of(new OutboxCollection("aggregates")),
                Duration.ofMillis(20),
                Duration.ofSeconds(10));
        long t0 = System.nanoTime();
        relay.start();
        try {
            awaitPublished(relay, events);
            return events / ((System.nanoTime() - t0) / 1e9);
        } finally {
            relay.stop();
        }
    }

    /** Waits on the relay's own count: polling the collection would compete with the relay for the wire server. */
    private static void awaitPublished(OutboxRelay relay, long events) throws InterruptedException {
        while (relay.published() < events) {
            Thread.sleep(2);
        }
    }

    private static double[] latency(String bootstrap, MongoTemplate mongo, OutboxRelay relay, int rate, Duration run)
            throws Exception {
        String marker = UUID.randomUUID().toString();
        ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
        AtomicBoolean consuming = new AtomicBoolean(true);
        CountDownLatch ready = new CountDownLatch(1);
        Thread consumer = Thread.ofPlatform().start(() -> {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG,
                    "bench-" + marker,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "latest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class))) {
                c.subscribe(List.of(TOPIC));
                while (c.assignment().isEmpty()) {
                    c.poll(Duration.ofMillis(50));
                }
                c.assignment().forEach(c::position); // fixes the start offsets before anything is written
                ready.countDown();
                while (consuming.get()) {
                    for (var record : c.poll(Duration.ofMillis(50))) {
                        String value = record.value();
                        if (value.startsWith(marker)) {
                            long written = Long.parseLong(
                                    value.substring(marker.length() + 1, value.indexOf('|', marker.length() + 1)));
                            samples.add(System.nanoTime() - written);
                        }
                    }
                }
            }
        });
        if (!ready.await(60, TimeUnit.SECONDS)) { // the consumer joined its group and knows where to start
            throw new IllegalStateException("the latency consumer got no partitions within 60 s");
        }
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        long end = next + run.toNanos();
        int i = 0;
        while (System.nanoTime() < end) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            mongo.getCollection("aggregates").insertOne(aggregate("l-" + i++, marker + "|" + System.nanoTime() + "|"));
            relay.wakeUp();
            next += interval;
        }
        Thread.sleep(2_000);
        consuming.set(false);
        consumer.join();
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {
            sorted[sorted.length / 2] / 1e6, sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6
        };
    }

    /**
     * An aggregate document with one pending outbox entry, as a repository writes it (one single-document insert,
     * flagged pending in that same write as the platform's OutboxPendingFlag does).
     */
    private static Document aggregate(String id, String payload) {
        Document entry = new Document("eventId", UUID.randomUUID().toString())
                .append("topic", TOPIC)
                .append("key", id)
                .append("type", "org.hearth.bench.Changed.v1")
                .append("source", "/hearth/bench")
                .append("subject", id)
                .append("time", Date.from(Instant.now()))
                .append("tenantId", "bench")
                .append("correlationId", id)
                .append("payload", payload);
        return new Document("_id", id)
                .append("tenantId", "bench")
                .append("state", "changed")
                .append("version", 1)
                .append("outbox", new ArrayList<>(List.of(entry)))
                .append(OutboxEntry.PENDING, true);
    }
}
