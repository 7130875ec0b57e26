package org.hearth.messaging.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.hearth.messaging.patients.PatientCircle;
import org.hearth.messaging.patients.PatientCircles;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.MutableClock;
import org.hearth.platform.test.TopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The sweep is the safety net of parked deliveries: when the circle becomes known without a team or circle change
 * reaching this consumer (a process died between writing the circle and completing what waits), the sweep completes
 * the delivery, once. The scheduled sweep is pushed out of the way and the sweep method driven directly.
 */
@HearthServiceTest
@Import(MutableClock.Config.class)
@TestPropertySource(properties = "hearth.messaging.notices.sweep-interval=PT1H")
class PendingNoticesSweepIT {

    @Autowired
    PendingNotices pending;

    @Autowired
    PatientCircles circles;

    @Autowired
    MutableClock clock;

    @Value("${spring.mongodb.uri}")
    String mongoUri;

    TopicWriter kafka;
    MongoClient mongoClient;
    MongoDatabase db;
    final String agency = UUID.randomUUID().toString();
    final String patient = UUID.randomUUID().toString();
    final String carla = "carla-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2030-01-07T15:00:00Z"));
        kafka = new TopicWriter();
        mongoClient = MongoClients.create(mongoUri);
        db = mongoClient.getDatabase(mongoUri.substring(mongoUri.lastIndexOf('/') + 1));
    }

    @AfterEach
    void tearDown() {
        kafka.close();
        mongoClient.close();
    }

    @Test
    void theSweepCompletesAParkedDeliveryOnceTheCircleIsKnownWithoutATeamChangeEvent() {
        String authorization = UUID.randomUUID().toString();
        String low = """
                {"authorizationId":"%s","patientId":"%s","discipline":"PT","approvedUnits":6,"unitsUsed":5,
                 "unitsRemaining":1}""".formatted(authorization, patient);
        assertThat(EventContracts.violations("org.hearth.billing.AuthorizationUnitsLow.v1", low))
                .isEmpty();
        kafka.send(
                "hearth.billing.events",
                patient,
                TopicWriter.envelope(
                        UUID.randomUUID().toString(), "org.hearth.billing.AuthorizationUnitsLow.v1", patient, agency),
                low);
        Eventually.await(Duration.ofSeconds(20), this::open, n -> n == 1);
        assertThat(pending.sweep()).as("nobody known yet: nothing to complete").isZero();
        assertThat(open()).isEqualTo(1);

        // the circle is written as the team consumer writes it, but its completion step never runs
        TenantContext.callAs(
                TenantId.of(agency),
                () -> circles.careTeam(
                        UUID.randomUUID().toString(),
                        patient,
                        null,
                        List.of(new PatientCircle.TeamMember(carla, NoticeConsumers.COORDINATOR))));
        assertThat(notices(carla, "authorization-low:" + authorization))
                .as("nothing but the sweep completes it")
                .isZero();

        clock.advance(Duration.ofMinutes(1));
        assertThat(pending.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(notices(carla, "authorization-low:" + authorization)).isEqualTo(1);
        assertThat(open()).isZero();
        Document done = db.getCollection("pending_notices")
                .find(new Document("patientId", patient))
                .first();
        assertThat(done.get("completedAt", Date.class).toInstant()).isEqualTo(clock.instant());

        clock.advance(Duration.ofMinutes(1));
        pending.sweep();
        assertThat(notices(carla, "authorization-low:" + authorization))
                .as("swept once")
                .isEqualTo(1);
    }

    long open() {
        return db.getCollection("pending_notices")
                .countDocuments(new Document("patientId", patient).append("completedAt", null));
    }

    long notices(String recipient, String notice) {
        return db.getCollection("deliveries")
                .countDocuments(new Document("recipient", recipient)
                        .append("kind", "NOTICE")
                        .append("notice", notice));
    }
}
