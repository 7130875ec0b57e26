package org.hearth.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.hearth.platform.test.HearthTestInfrastructure;
import org.hearth.platform.test.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mapping.callback.EntityCallbacks;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

class OutboxRelayTest {

    static final String TOPIC = "hearth.audit";
    final MongoClient client = MongoClients.create(HearthTestInfrastructure.mongoUri("outbox"));
    final MongoTemplate mongo =
            new MongoTemplate(client, "outbox_" + UUID.randomUUID().toString().replace("-", ""));

    @AfterEach
    void close() {
        client.close();
    }

    static KafkaTemplate<String, String> kafka(String bootstrap) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                1000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class)));
    }

    static Document entry(String eventId, String subject, String payload) {
        return new Document("eventId", eventId)
                .append("topic", TOPIC)
                .append("key", subject)
                .append("type", "org.hearth.test.Happened.v1")
                .append("source", "/hearth/test")
                .append("subject", subject)
                .append("time", Date.from(Instant.parse("2026-11-24T10:00:00Z")))
                .append("tenantId", "sunrise")
                .append("correlationId", "corr-1")
                .append("payload", payload);
    }

    @Test
    void publishesEntriesInOrderWithTheCloudEventsEnvelopeAndRemovesThem() {
        String subject = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        mongo.getCollection("things")
                .insertOne(new Document("_id", subject)
                        .append("tenantId", "sunrise")
                        .append(
                                "outbox",
                                List.of(entry(first, subject, "{\"n\":1}"), entry(second, subject, "{\"n\":2}"))));
        OutboxRelay relay = new OutboxRelay(
                mongo,
                kafka(HearthTestInfrastructure.kafkaBootstrapServers()),
                List.of(new OutboxCollection("things")),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10));

        assertThat(relay.relayOnce()).isEqualTo(2);

        assertThat(mongo.getCollection("things").find().first().getList("outbox", Document.class))
                .isEmpty();
        try (TopicReader reader = new TopicReader(TOPIC)) {
            ConsumerRecord<String, String> published = reader.await(
                            r -> subject.equals(r.key()), Duration.ofSeconds(15))
                    .orElseThrow();
            assertThat(TopicReader.header(published, "ce_id")).isEqualTo(first);
            assertThat(TopicReader.header(published, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicReader.header(published, "ce_type")).isEqualTo("org.hearth.test.Happened.v1");
            assertThat(TopicReader.header(published, "ce_time")).isEqualTo("2026-11-24T10:00:00Z");
            assertThat(TopicReader.header(published, "ce_tenantid")).isEqualTo("sunrise");
            assertThat(TopicReader.header(published, "ce_correlationid")).isEqualTo("corr-1");
            assertThat(published.value()).isEqualTo("{\"n\":1}");
            ConsumerRecord<String, String> next = reader.await(r -> subject.equals(r.key()), Duration.ofSeconds(15))
                    .orElseThrow();
            assertThat(TopicReader.header(next, "ce_id")).isEqualTo(second);
        }
    }

    @Test
    void aTransientOutboxDocumentIsDeletedOnceDrainedButKeptWhilePublishingFails() {
        String subject = UUID.randomUUID().toString();
        mongo.getCollection("records")
                .insertOne(new Document("_id", subject)
                        .append("tenantId", "sunrise")
                        .append("outbox", List.of(entry(UUID.randomUUID().toString(), subject, "{}"))));
        OutboxCollection transientRecords = new OutboxCollection("records", true);

        new OutboxRelay(
                        mongo,
                        kafka("127.0.0.1:1"),
                        List.of(transientRecords),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2))
                .relayOnce();
        assertThat(mongo.getCollection("records").countDocuments()).isEqualTo(1);

        new OutboxRelay(
                        mongo,
                        kafka(HearthTestInfrastructure.kafkaBootstrapServers()),
                        List.of(transientRecords),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10))
                .relayOnce();
        assertThat(mongo.getCollection("records").countDocuments()).isZero();
    }

    @Test
    void keepsEntriesWhenTheBrokerIsUnreachable() {
        String subject = UUID.randomUUID().toString();
        mongo.getCollection("things")
                .insertOne(new Document("_id", subject)
                        .append("tenantId", "sunrise")
                        .append("outbox", List.of(entry(UUID.randomUUID().toString(), subject, "{}"))));
        OutboxRelay relay = new OutboxRelay(
                mongo,
                kafka("127.0.0.1:1"),
                List.of(new OutboxCollection("things")),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2));

        assertThat(relay.relayOnce()).isZero();

        assertThat(mongo.getCollection("things").find().first().getList("outbox", Document.class))
                .hasSize(1);
    }

    static Document flagged(String id, Document... entries) {
        return new Document("_id", id)
                .append("tenantId", "sunrise")
                .append("outbox", List.of(entries))
                .append(OutboxEntry.PENDING, true);
    }

    Document stored(String collection, String id) {
        return mongo.getCollection(collection).find(new Document("_id", id)).first();
    }

    @Test
    void clearsThePendingFlagOnceADocumentIsDrainedAndKeepsTheDocument() {
        String subject = UUID.randomUUID().toString();
        mongo.getCollection("things")
                .insertOne(flagged(subject, entry(UUID.randomUUID().toString(), subject, "{}")));
        OutboxRelay relay = new OutboxRelay(
                mongo,
                kafka(HearthTestInfrastructure.kafkaBootstrapServers()),
                List.of(new OutboxCollection("things")),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10));

        assertThat(relay.relayOnce()).isEqualTo(1);

        Document drained = stored("things", subject);
        assertThat(drained.getList("outbox", Document.class)).isEmpty();
        assertThat(drained).doesNotContainKey(OutboxEntry.PENDING);
        assertThat(relay.relayOnce()).isZero();
        assertThat(relay.published()).isEqualTo(1);
    }

    @Test
    void keepsThePendingFlagWhileAPublishFails() {
        String subject = UUID.randomUUID().toString();
        mongo.getCollection("things")
                .insertOne(flagged(subject, entry(UUID.randomUUID().toString(), subject, "{}")));

        new OutboxRelay(
                        mongo,
                        kafka("127.0.0.1:1"),
                        List.of(new OutboxCollection("things")),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2))
                .relayOnce();

        assertThat(stored("things", subject)).containsEntry(OutboxEntry.PENDING, true);
    }

    @Test
    void anEntryAppendedWhileTheRelayPublishesKeepsTheFlagAndGoesOutInTheNextRound() {
        String subject = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String appended = UUID.randomUUID().toString();
        mongo.getCollection("things").insertOne(flagged(subject, entry(first, subject, "{\"n\":1}")));
        KafkaTemplate<String, String> kafka = kafka(HearthTestInfrastructure.kafkaBootstrapServers());
        // a request thread appends (with the flag, as Outbox.append does) between the relay's read and its writes
        KafkaTemplate<String, String> appendingMeanwhile = new KafkaTemplate<>(kafka.getProducerFactory()) {
            @Override
            public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
                if (first.equals(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))) {
                    mongo.getCollection("things")
                            .updateOne(
                                    new Document("_id", subject),
                                    new Document("$push", new Document("outbox", entry(appended, subject, "{\"n\":2}")))
                                            .append("$set", new Document(OutboxEntry.PENDING, true)));
                }
                return kafka.send(record);
            }
        };
        OutboxRelay relay = new OutboxRelay(
                mongo,
                appendingMeanwhile,
                List.of(new OutboxCollection("things")),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10));

        assertThat(relay.relayOnce()).isEqualTo(1);
        Document between = stored("things", subject);
        assertThat(between.getList("outbox", Document.class))
                .extracting(e -> e.getString("eventId"))
                .containsExactly(appended);
        assertThat(between).containsEntry(OutboxEntry.PENDING, true);

        assertThat(relay.relayOnce()).isEqualTo(1);
        assertThat(stored("things", subject)).doesNotContainKey(OutboxEntry.PENDING);
    }

    @Test
    void ignoresDocumentsWithoutPendingEntries() {
        mongo.getCollection("things")
                .insertOne(new Document("_id", UUID.randomUUID().toString())
                        .append("tenantId", "sunrise")
                        .append("outbox", List.of()));
        OutboxRelay relay = new OutboxRelay(
                mongo,
                kafka(HearthTestInfrastructure.kafkaBootstrapServers()),
                List.of(new OutboxCollection("things")),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10));

        assertThat(relay.relayOnce()).isZero();
    }

    record Thing(String id, String tenantId, List<Document> outbox) {}

    @Test
    void aDocumentInsertedWithEntriesIsFlaggedInThatSameWrite() {
        mongo.setEntityCallbacks(EntityCallbacks.create(new OutboxPendingFlag()));
        String withEvents = UUID.randomUUID().toString();
        String without = UUID.randomUUID().toString();

        mongo.insert(
                new Thing(withEvents, "sunrise", List.of(entry(UUID.randomUUID().toString(), withEvents, "{}"))),
                "things");
        mongo.insert(new Thing(without, "sunrise", List.of()), "things");

        assertThat(stored("things", withEvents)).containsEntry(OutboxEntry.PENDING, true);
        assertThat(stored("things", without)).doesNotContainKey(OutboxEntry.PENDING);
    }
}
