package org.hearth.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.hearth.messaging.messages.UrgentEscalation;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.MutableClock;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.TopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notices do not depend on which topic is read first, and an alert's urgent item follows the alert's one clock
 * (patient-service's): on the real broker, events published in the order a restart or a slow partition would give.
 * Redelivery is a second record with the same ce_id.
 */
@HearthServiceTest
@Import(MutableClock.Config.class)
class NoticeOrderIT {

    static final String API = "/api/messaging/v1";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    UrgentEscalation escalation;

    @Value("${spring.mongodb.uri}")
    String mongoUri;

    ApiClient api;
    TopicWriter kafka;
    MongoClient mongoClient;
    MongoDatabase db;
    final String agency = UUID.randomUUID().toString();
    final String patient = UUID.randomUUID().toString();
    final String dr = "dr-" + UUID.randomUUID();
    final String nina = "nina-" + UUID.randomUUID();
    final String carla = "carla-" + UUID.randomUUID();
    final String fran = "fran-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2030-01-07T15:00:00Z"));
        api = ApiClient.onPort(port);
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
    void anAlertReadBeforeAdmissionAndCareTeamPostsExactlyOneNoticeAlsoWhenRedelivered() {
        String alert = UUID.randomUUID().toString();
        String raisedEvent = UUID.randomUUID().toString();
        String raised = alertRaised(alert, dr);
        publish(raisedEvent, "hearth.patient.alerts", "org.hearth.patient.AlertRaised.v1", raised);
        awaitNotice(alert);
        publish(raisedEvent, "hearth.patient.alerts", "org.hearth.patient.AlertRaised.v1", raised); // redelivered
        String marker = UUID.randomUUID().toString(); // read after the redelivery: same topic and key
        publish(
                UUID.randomUUID().toString(),
                "hearth.patient.alerts",
                "org.hearth.patient.AlertRaised.v1",
                alertRaised(marker, dr));
        awaitNotice(marker);

        admitWithTeam();
        String thread = careTeamThread().path("id").asString();
        JsonNode messages = api.get(API + "/threads/" + thread + "/messages", token("physician", dr))
                .json();
        assertThat(messages).hasSize(2);
        assertThat(noticesOf(alert))
                .as("one notice per AlertRaised, in clear for the operators' join")
                .hasSize(1);
        Document stored = noticesOf(alert).getFirst();
        assertThat(stored.get("source", Document.class))
                .containsEntry("type", "AlertRaised")
                .containsEntry("ref", alert)
                .containsEntry("eventId", raisedEvent);
        JsonNode notice = messages.valueStream()
                .filter(m -> m.path("id").asString().equals(stored.getString("_id")))
                .findFirst()
                .orElseThrow();
        assertThat(notice.path("author").asString()).isEqualTo("system");
        assertThat(notice.path("urgent").path("recipient").asString()).isEqualTo(dr);
        assertThat(deliveries(dr, "URGENT", stored.getString("_id")))
                .as("the owner is paged once")
                .isEqualTo(1);
    }

    @Test
    void aMissedVisitReadBeforeTheCareTeamIsPostedOnceAndTheCoordinatorToldOnceTheTeamArrives() {
        String visit = UUID.randomUUID().toString();
        String event = UUID.randomUUID().toString();
        String missed = """
                {"visitId":"%s","patientId":"%s","discipline":"PT","clinicianId":"pete",
                 "scheduledStart":"2030-01-07T15:00:00Z","reason":"PATIENT_NOT_HOME"}""".formatted(visit, patient);
        publish(event, "hearth.scheduling.events", "org.hearth.scheduling.VisitMissed.v1", missed);
        publish(event, "hearth.scheduling.events", "org.hearth.scheduling.VisitMissed.v1", missed); // redelivered
        Eventually.await(
                Duration.ofSeconds(20),
                () -> db.getCollection("pending_notices")
                        .countDocuments(new Document("patientId", patient).append("completedAt", null)),
                n -> n == 1);
        assertThat(db.getCollection("messages").countDocuments(new Document("source.ref", visit)))
                .isEqualTo(1);

        admitWithTeam();
        Eventually.await(Duration.ofSeconds(20), () -> notices(carla, "visit-missed:" + visit), n -> n >= 1);
        publish(event, "hearth.scheduling.events", "org.hearth.scheduling.VisitMissed.v1", missed); // once more
        String marker = UUID.randomUUID().toString();
        publish(
                UUID.randomUUID().toString(),
                "hearth.scheduling.events",
                "org.hearth.scheduling.VisitMissed.v1",
                missed.replace(visit, marker));
        Eventually.await(Duration.ofSeconds(20), () -> notices(carla, "visit-missed:" + marker), n -> n == 1);

        assertThat(notices(carla, "visit-missed:" + visit)).isEqualTo(1);
        String thread = careTeamThread().path("id").asString();
        assertThat(api.get(API + "/threads/" + thread + "/messages", token("coordinator", carla))
                        .json())
                .hasSize(2);
        assertThat(db.getCollection("messages")
                        .countDocuments(new Document("source.ref", visit).append("source.type", "VisitMissed")))
                .isEqualTo(1);
    }

    @Test
    void anAuthorizationRunningLowBeforeTheCareTeamReachesTheCoordinatorOnce() {
        String authorization = UUID.randomUUID().toString();
        String event = UUID.randomUUID().toString();
        String low = """
                {"authorizationId":"%s","patientId":"%s","discipline":"PT","approvedUnits":6,"unitsUsed":5,
                 "unitsRemaining":1}""".formatted(authorization, patient);
        publish(event, "hearth.billing.events", "org.hearth.billing.AuthorizationUnitsLow.v1", low);
        publish(event, "hearth.billing.events", "org.hearth.billing.AuthorizationUnitsLow.v1", low); // redelivered
        Eventually.await(
                Duration.ofSeconds(20),
                () -> db.getCollection("pending_notices")
                        .countDocuments(new Document("patientId", patient).append("completedAt", null)),
                n -> n == 1);

        admitWithTeam();
        Eventually.await(
                Duration.ofSeconds(20), () -> notices(carla, "authorization-low:" + authorization), n -> n >= 1);
        publish(event, "hearth.billing.events", "org.hearth.billing.AuthorizationUnitsLow.v1", low);
        String marker = UUID.randomUUID().toString();
        publish(
                UUID.randomUUID().toString(),
                "hearth.billing.events",
                "org.hearth.billing.AuthorizationUnitsLow.v1",
                low.replace(authorization, marker));
        Eventually.await(Duration.ofSeconds(20), () -> notices(carla, "authorization-low:" + marker), n -> n == 1);
        assertThat(notices(carla, "authorization-low:" + authorization)).isEqualTo(1);
        assertThat(db.getCollection("pending_notices")
                        .countDocuments(new Document("patientId", patient).append("completedAt", null)))
                .as("nothing left waiting")
                .isZero();
    }

    @Test
    void theAlertsUrgentItemHasNoClockOfItsOwnAndEndsWhenTheAlertIsAcknowledged() {
        admitWithTeam();
        String thread = careTeamThread().path("id").asString();
        String alert = UUID.randomUUID().toString();
        publish(
                UUID.randomUUID().toString(),
                "hearth.patient.alerts",
                "org.hearth.patient.AlertRaised.v1",
                alertRaised(alert, dr));
        String notice = awaitNotice(alert).getString("_id");
        ApiClient.Response plain =
                api.post(API + "/threads/" + thread + "/messages", token("nurse", nina), """
                {"body":"please call","urgent":{"recipient":"%s","backup":"%s"}}""".formatted(dr, carla));
        assertThat(plain.status()).as(plain.body()).isEqualTo(201);
        String plainId = plain.json().path("id").asString();
        assertThat(message(thread, notice).path("urgent").path("dueAt").isNull())
                .as("the alert keeps the clock")
                .isTrue();

        clock.set(Instant.parse("2030-01-07T17:00:00Z")); // far past messaging's 30 minutes
        escalation.escalate();
        assertThat(message(thread, plainId).path("urgent").path("escalatedAt").isNull())
                .as("a plain urgent message keeps its own clock")
                .isFalse();
        assertThat(message(thread, notice).path("urgent").path("escalatedAt").isNull())
                .as("never escalated by messaging")
                .isTrue();

        publish(
                UUID.randomUUID().toString(),
                "hearth.patient.alerts",
                "org.hearth.patient.AlertAcknowledged.v1",
                """
                {"patientId":"%s","alertId":"%s","acknowledgedBy":"%s","acknowledgedAt":"2030-01-07T15:05:00Z"}""".formatted(patient, alert, dr));
        JsonNode ended = Eventually.await(
                Duration.ofSeconds(20),
                () -> message(thread, notice),
                m -> !m.path("urgent").path("acknowledgedAt").isNull());
        assertThat(ended.path("urgent").path("acknowledgedBy").asString()).isEqualTo(dr);
        assertThat(escalation.escalate()).isZero();
        assertThat(message(thread, notice).path("urgent").path("escalatedAt").isNull())
                .isTrue();
        // the urgent item is ended first and its participants told right after, in a second write: wait for that one
        assertThat(Eventually.await(
                        Duration.ofSeconds(20), () -> deliveries(nina, "ACKNOWLEDGED", notice), n -> n >= 1))
                .as("participants see it end live")
                .isEqualTo(1);
    }

    @Test
    void anAcknowledgementOrResolutionReadBeforeTheNoticeEndsItAsSoonAsItIsPosted() {
        admitWithTeam();
        String thread = careTeamThread().path("id").asString();
        String acknowledged = UUID.randomUUID().toString();
        String resolved = UUID.randomUUID().toString();
        publish(
                UUID.randomUUID().toString(),
                "hearth.patient.alerts",
                "org.hearth.patient.AlertAcknowledged.v1",
                """
                {"patientId":"%s","alertId":"%s","acknowledgedBy":"%s","acknowledgedAt":"2030-01-07T15:05:00Z"}""".formatted(patient, acknowledged, dr));
        publish(
                UUID.randomUUID().toString(),
                "hearth.patient.alerts",
                "org.hearth.patient.AlertResolved.v1",
                """
                {"patientId":"%s","alertId":"%s","resolvedBy":"%s","resolvedAt":"2030-01-07T15:06:00Z"}""".formatted(patient, resolved, dr));
        Eventually.await(
                Duration.ofSeconds(20),
                () -> db.getCollection("alert_signals").countDocuments(new Document("patientId", patient)),
                n -> n == 2);
        publish(
                UUID.randomUUID().toString(),
                "hearth.patient.alerts",
                "org.hearth.patient.AlertRaised.v1",
                alertRaised(acknowledged, dr));
        publish(
                UUID.randomUUID().toString(),
                "hearth.patient.alerts",
                "org.hearth.patient.AlertRaised.v1",
                alertRaised(resolved, dr));

        JsonNode first = Eventually.await(
                Duration.ofSeconds(20),
                () -> message(thread, awaitNotice(acknowledged).getString("_id")),
                m -> !m.path("urgent").path("acknowledgedAt").isNull());
        assertThat(first.path("urgent").path("closedAt").isNull()).isTrue();
        JsonNode second = Eventually.await(
                Duration.ofSeconds(20),
                () -> message(thread, awaitNotice(resolved).getString("_id")),
                m -> !m.path("urgent").path("closedAt").isNull());
        assertThat(second.path("urgent").path("acknowledgedBy").asString()).isEqualTo(dr);
    }

    @Test
    void anEscalationPagesThePersonItNamesOnceAndTheInboxAcknowledgementNamesTheAlert() {
        admitWithTeam();
        String thread = careTeamThread().path("id").asString();
        String alert = UUID.randomUUID().toString();
        publish(
                UUID.randomUUID().toString(),
                "hearth.patient.alerts",
                "org.hearth.patient.AlertRaised.v1",
                alertRaised(alert, dr));
        String notice = awaitNotice(alert).getString("_id");
        String escalatedEvent = UUID.randomUUID().toString();
        String escalated = """
                {"patientId":"%s","alertId":"%s","severity":"HIGH","level":1,"escalatedTo":"role:coordinator",
                 "escalatedAt":"2030-01-07T16:00:00Z","recipients":["%s"]}""".formatted(patient, alert, carla);
        publish(escalatedEvent, "hearth.patient.alerts", "org.hearth.patient.AlertEscalated.v1", escalated);
        publish(
                escalatedEvent,
                "hearth.patient.alerts",
                "org.hearth.patient.AlertEscalated.v1",
                escalated); // redelivered
        // the same level published again under another id (a second producer instance): still one page
        publish(
                UUID.randomUUID().toString(),
                "hearth.patient.alerts",
                "org.hearth.patient.AlertEscalated.v1",
                escalated);
        String marker = UUID.randomUUID().toString();
        publish(
                UUID.randomUUID().toString(),
                "hearth.patient.alerts",
                "org.hearth.patient.AlertRaised.v1",
                alertRaised(marker, dr));
        awaitNotice(marker);

        assertThat(deliveries(carla, "URGENT", notice)).as("paged once").isEqualTo(1);
        JsonNode shown = message(thread, notice);
        assertThat(shown.path("urgent").path("backup").asString()).isEqualTo(carla);
        assertThat(shown.path("urgent").path("escalatedAt").asString()).isEqualTo("2030-01-07T16:00:00Z");

        try (TopicReader events = new TopicReader("hearth.messaging.events")) {
            ApiClient.Response ack = api.post(
                    API + "/threads/" + thread + "/messages/" + notice + "/acknowledgement",
                    token("coordinator", carla),
                    "");
            assertThat(ack.status()).as(ack.body()).isEqualTo(200);
            var record = events.await(
                            r -> "org.hearth.messaging.UrgentAcknowledged.v1".equals(TopicReader.header(r, "ce_type"))
                                    && r.value().contains(notice),
                            Duration.ofSeconds(20))
                    .orElseThrow();
            assertThat(EventContracts.violations("org.hearth.messaging.UrgentAcknowledged.v1", record.value()))
                    .isEmpty();
            JsonNode body = JsonMapper.builder().build().readTree(record.value());
            assertThat(body.path("alertId").asString()).isEqualTo(alert);
            assertThat(body.path("acknowledgedBy").asString()).isEqualTo(carla);
            assertThat(body.path("afterEscalation").asBoolean()).isTrue();
        }
    }

    String alertRaised(String alertId, String owner) {
        return """
                {"patientId":"%s","alertId":"%s","rule":"MORNING_SYSTOLIC_150_3_OF_5","severity":"HIGH","owner":"%s",
                 "observationIds":["%s"],"raisedAt":"2030-01-07T14:30:00Z"}""".formatted(patient, alertId, owner, UUID.randomUUID());
    }

    void publish(String eventId, String topic, String type, String body) {
        assertThat(EventContracts.violations(type, body)).as(body).isEmpty();
        kafka.send(topic, patient, TopicWriter.envelope(eventId, type, patient, agency), body);
    }

    void admitWithTeam() {
        publish(
                UUID.randomUUID().toString(),
                "hearth.patient.events",
                "org.hearth.patient.PatientAdmitted.v1",
                """
                {"patientId":"%s","admittedAt":"2030-01-02T15:00:00Z","status":"ACTIVE"}""".formatted(patient));
        publish(
                UUID.randomUUID().toString(),
                "hearth.patient.events",
                "org.hearth.patient.CareTeamChanged.v1",
                """
                {"patientId":"%s","changedAt":"2030-01-02T16:00:00Z","leadPhysician":"%s","members":[
                 {"subject":"%s","role":"PHYSICIAN"},{"subject":"%s","role":"NURSE"},{"subject":"%s","role":"COORDINATOR"}]}""".formatted(patient, dr, dr, nina, carla));
        Eventually.await(
                Duration.ofSeconds(20),
                this::careTeamThread,
                t -> t != null && t.path("participants").size() == 3);
    }

    String token(String role, String subject) {
        return TestTokenIssuer.shared()
                .token()
                .agency("a", agency)
                .roles(role)
                .subject(subject)
                .claim("email", subject + "@example.org")
                .audience("messaging-service")
                .sign();
    }

    JsonNode careTeamThread() {
        ApiClient.Response mine = api.get(API + "/threads", token("nurse", nina));
        return mine.status() != 200
                ? null
                : mine.json()
                        .path("items")
                        .valueStream()
                        .filter(t -> t.path("kind").asString().equals("CARE_TEAM")
                                && t.path("patientId").asString().equals(patient))
                        .findFirst()
                        .orElse(null);
    }

    JsonNode message(String thread, String id) {
        return api.get(API + "/threads/" + thread + "/messages", token("nurse", nina))
                .json()
                .valueStream()
                .filter(m -> m.path("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
    }

    Document awaitNotice(String alertId) {
        return Eventually.await(Duration.ofSeconds(20), () -> noticesOf(alertId), found -> found.size() == 1)
                .getFirst();
    }

    List<Document> noticesOf(String alertId) {
        return db.getCollection("messages")
                .find(new Document("tenantId", agency)
                        .append("source.type", "AlertRaised")
                        .append("source.ref", alertId))
                .into(new java.util.ArrayList<>());
    }

    long deliveries(String recipient, String kind, String messageId) {
        return db.getCollection("deliveries")
                .countDocuments(new Document("recipient", recipient)
                        .append("kind", kind)
                        .append("messageId", messageId));
    }

    long notices(String recipient, String notice) {
        return db.getCollection("deliveries")
                .countDocuments(new Document("recipient", recipient)
                        .append("kind", "NOTICE")
                        .append("notice", notice));
    }
}
