package org.hearth.platform.events;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.hearth.platform.test.HearthTestInfrastructure;
import org.hearth.platform.test.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRelayTest {

    static final String TOPIC = "hearth.audit";
    final MongoClient client = MongoClients.create(HearthTestInfrastructure.mongoUri("outbox"));
    final MongoTemplate mongo = new MongoTemplate(client, "outbox_" + UUID.randomUUID().toString().replace("-", ""));

    @AfterEach
    void close() {
        client.close();
    }

    static KafkaTemplate<String, String> kafka(String bootstrap) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
    }

    static Document entry(String eventId, String subject, String payload) {
        return new Document("eventId", eventId).append("topic", TOPIC).append("key", subject)
                .append("type", "org.hearth.test.Happened.v1").append("source", "/hearth/test").append("subject", subject)
                .append("time", Date.from(Instant.parse("2026-11-24T10:00:00Z"))).append("tenantId", "sunrise")
                .append("correlationId", "corr-1").append("payload", payload);
    }

    @Test
    void publishesEntriesInOrderWithTheCloudEventsEnvelopeAndRemovesThem() {
        String subject = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        mongo.getCollection("things").insertOne(new Document("_id", subject).append("tenantId", "sunrise")
                .append("outbox", List.of(entry(first, subject, "{\"n\":1}"), entry(second, subject, "{\"n\":2}"))));
        OutboxRelay relay = new OutboxRelay(mongo, kafka(HearthTestInfrastructure.kafkaBootstrapServers()),
                List.of(new OutboxCollection("things")), Duration.ofSeconds(1), Duration.ofSeconds(10));

        assertThat(relay.relayOnce()).isEqualTo(2);

        assertThat(mongo.getCollection("things").find().first().getList("outbox", Document.class)).isEmpty();
        try (TopicReader reader = new TopicReader(TOPIC)) {
            ConsumerRecord<String, String> published = reader.await(r -> subject.equals(r.key()), Duration.ofSeconds(15))
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
        mongo.getCollection("records").insertOne(new Document("_id", subject).append("tenantId", "sunrise")
                .append("outbox", List.of(entry(UUID.randomUUID().toString(), subject, "{}"))));
        OutboxCollection transientRecords = new OutboxCollection("records", true);

        new OutboxRelay(mongo, kafka("127.0.0.1:1"), List.of(transientRecords), Duration.ofSeconds(1),
                Duration.ofSeconds(2)).relayOnce();
        assertThat(mongo.getCollection("records").countDocuments()).isEqualTo(1);

        new OutboxRelay(mongo, kafka(HearthTestInfrastructure.kafkaBootstrapServers()), List.of(transientRecords),
                Duration.ofSeconds(1), Duration.ofSeconds(10)).relayOnce();
        assertThat(mongo.getCollection("records").countDocuments()).isZero();
    }

    @Test
    void keepsEntriesWhenTheBrokerIsUnreachable() {
        String subject = UUID.randomUUID().toString();
        mongo.getCollection("things").insertOne(new Document("_id", subject).append("tenantId", "sunrise")
                .append("outbox", List.of(entry(UUID.randomUUID().toString(), subject, "{}"))));
        OutboxRelay relay = new OutboxRelay(mongo, kafka("127.0.0.1:1"), List.of(new OutboxCollection("things")),
                Duration.ofSeconds(1), Duration.ofSeconds(2));

        assertThat(relay.relayOnce()).isZero();

        assertThat(mongo.getCollection("things").find().first().getList("outbox", Document.class)).hasSize(1);
    }
}
