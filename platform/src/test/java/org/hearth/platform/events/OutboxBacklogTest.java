package org.hearth.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.hearth.platform.test.HearthTestInfrastructure;
import org.hearth.platform.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class OutboxBacklogTest {

    final MongoClient client = MongoClients.create(HearthTestInfrastructure.mongoUri("backlog"));
    final MongoTemplate mongo =
            new MongoTemplate(client, "backlog_" + UUID.randomUUID().toString().replace("-", ""));
    final Instant written = Instant.parse("2026-11-24T10:00:00Z");
    final MutableClock clock = new MutableClock(written);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        client.close();
    }

    double backlog() {
        return meters.get(OutboxBacklog.BACKLOG_METRIC)
                .tag("collection", "things")
                .gauge()
                .value();
    }

    double oldestAge() {
        return meters.get(OutboxBacklog.OLDEST_AGE_METRIC)
                .tag("collection", "things")
                .gauge()
                .value();
    }

    @Test
    void countsWhatWaitsAndHowOldTheOldestIsUntilTheRelayPublishedIt() {
        new OutboxBacklog(mongo, List.of(new OutboxCollection("things")), clock).bindTo(meters);
        assertThat(backlog()).isZero();
        assertThat(oldestAge()).isZero();

        String subject = UUID.randomUUID().toString();
        mongo.getCollection("things")
                .insertOne(new Document("_id", subject)
                        .append("tenantId", "sunrise")
                        .append(OutboxEntry.PENDING, true)
                        .append(
                                OutboxEntry.FIELD,
                                List.of(entry(subject, written), entry(subject, written.plusSeconds(30)))));
        clock.advance(Duration.ofSeconds(90)); // past the snapshot's freshness too

        assertThat(backlog()).isEqualTo(2);
        assertThat(oldestAge()).isEqualTo(90);

        OutboxRelay relay = new OutboxRelay(
                mongo,
                OutboxRelayTest.kafka(HearthTestInfrastructure.kafkaBootstrapServers()),
                List.of(new OutboxCollection("things")),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10));
        assertThat(relay.relayOnce()).isEqualTo(2);
        assertThat(backlog())
                .as("read again only after %s", OutboxBacklog.FRESHNESS)
                .isEqualTo(2);
        clock.advance(OutboxBacklog.FRESHNESS);

        assertThat(backlog()).isZero();
        assertThat(oldestAge()).isZero();
    }

    private static Document entry(String subject, Instant time) {
        return OutboxRelayTest.entry(UUID.randomUUID().toString(), subject, "{}")
                .append("time", Date.from(time));
    }
}
