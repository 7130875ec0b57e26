package org.hearth.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.MutableClock;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The family thread as the family and the care team use it, on the real broker: a family member's message reaches the
 * lead physician as well as the coordinator, and the family is told there when the plan is signed or a visit is
 * booked, moved or cancelled, each member only within their consent.
 */
@HearthServiceTest
@Import(MutableClock.Config.class)
class FamilyThreadIT {

    static final String API = "/api/messaging/v1";

    @LocalServerPort
    int port;

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
    /** MESSAGES and SCHEDULE */
    final String fran = "fran-" + UUID.randomUUID();
    /** MESSAGES and CARE_PLAN_SUMMARY */
    final String gus = "gus-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
        kafka = new TopicWriter();
        mongoClient = MongoClients.create(mongoUri);
        db = mongoClient.getDatabase(mongoUri.substring(mongoUri.lastIndexOf('/') + 1));
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
        publish(
                UUID.randomUUID().toString(),
                "hearth.patient.events",
                "org.hearth.patient.CareCircleChanged.v1",
                """
                {"patientId":"%s","changedAt":"2030-01-02T16:10:00Z","members":[
                 {"subject":"%s","scopes":["MESSAGES","SCHEDULE"]},{"subject":"%s","scopes":["MESSAGES","CARE_PLAN_SUMMARY"]}]}""".formatted(patient, fran, gus));
        Eventually.await(
                Duration.ofSeconds(20),
                () -> familyThread(token("family", fran)),
                t -> t != null && t.path("participants").size() == 4);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
        mongoClient.close();
    }

    @Test
    void aFamilyMessageReachesTheLeadPhysicianAsWellAsTheCoordinatorButNotTheRestOfTheTeam() {
        JsonNode family = familyThread(token("family", fran));
        assertThat(family.path("participants")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactlyInAnyOrder(fran, gus, carla, dr);

        ApiClient.Response sent = api.post(
                API + "/threads/" + family.path("id").asString() + "/messages",
                token("family", fran),
                "{\"body\":\"Her ankles look swollen today\"}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String id = sent.json().path("id").asString();

        // the lead physician finds the family thread among theirs, reads the message and was told of it live
        JsonNode drs = familyThread(token("physician", dr));
        assertThat(drs).as("the lead physician lists the family thread").isNotNull();
        assertThat(messages(drs.path("id").asString(), token("physician", dr))
                        .get(0)
                        .path("body")
                        .asString())
                .isEqualTo("Her ankles look swollen today");
        assertThat(deliveries(dr, "MESSAGE", id)).isEqualTo(1);
        assertThat(deliveries(carla, "MESSAGE", id)).isEqualTo(1);
        // ... and answers; a nurse who is not the lead does not take part
        assertThat(api.post(
                                API + "/threads/" + drs.path("id").asString() + "/messages",
                                token("physician", dr),
                                "{\"body\":\"I will ask Nina to look tomorrow\"}")
                        .status())
                .isEqualTo(201);
        assertThat(familyThread(token("nurse", nina))).isNull();
        assertThat(api.get(API + "/threads/" + family.path("id").asString() + "/messages", token("nurse", nina))
                        .status())
                .isEqualTo(404);

        // a new lead takes over: the former lead leaves the family thread
        String lee = "lee-" + UUID.randomUUID();
        publish(
                UUID.randomUUID().toString(),
                "hearth.patient.events",
                "org.hearth.patient.CareTeamChanged.v1",
                """
                {"patientId":"%s","changedAt":"2030-01-03T16:00:00Z","leadPhysician":"%s","members":[
                 {"subject":"%s","role":"PHYSICIAN"},{"subject":"%s","role":"PHYSICIAN"},{"subject":"%s","role":"COORDINATOR"}]}""".formatted(patient, lee, lee, dr, carla));
        Eventually.await(Duration.ofSeconds(20), () -> familyThread(token("physician", lee)), t -> t != null);
        assertThat(api.get(API + "/threads/" + family.path("id").asString() + "/messages", token("physician", dr))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theFamilyIsToldOfPlanAndScheduleChangesInItsThreadEachMemberWithinTheirConsent() {
        String visit = UUID.randomUUID().toString();
        String clinician = UUID.randomUUID().toString();
        String booked = UUID.randomUUID().toString();
        String scheduled = """
                {"visitId":"%s","patientId":"%s","discipline":"SN","type":"IN_HOME","clinicianId":"%s",
                 "start":"2030-01-08T14:00:00Z","end":"2030-01-08T15:00:00Z"}""".formatted(visit, patient, clinician);
        publish(booked, "hearth.scheduling.events", "org.hearth.scheduling.VisitScheduled.v1", scheduled);
        publish(
                booked,
                "hearth.scheduling.events",
                "org.hearth.scheduling.VisitScheduled.v1",
                scheduled); // redelivered
        publish(
                UUID.randomUUID().toString(),
                "hearth.scheduling.events",
                "org.hearth.scheduling.VisitRescheduled.v1",
                """
                {"visitId":"%s","patientId":"%s","discipline":"SN","type":"IN_HOME","clinicianId":"%s",
                 "start":"2030-01-09T14:00:00Z","end":"2030-01-09T15:00:00Z","previousClinicianId":"%s",
                 "previousStart":"2030-01-08T14:00:00Z","previousEnd":"2030-01-08T15:00:00Z"}""".formatted(visit, patient, clinician, clinician));
        publish(
                UUID.randomUUID().toString(),
                "hearth.scheduling.events",
                "org.hearth.scheduling.VisitCancelled.v1",
                """
                {"visitId":"%s","patientId":"%s","discipline":"SN","clinicianId":"%s",
                 "scheduledStart":"2030-01-09T14:00:00Z","reason":"PLAN_REVISED"}""".formatted(visit, patient, clinician));
        publish(
                UUID.randomUUID().toString(),
                "hearth.patient.events",
                "org.hearth.patient.CarePlanSigned.v1",
                """
                {"patientId":"%s","planVersion":2,"supersedesVersion":1,"signedAt":"2030-01-07T16:05:00Z","signedBy":"%s",
                 "frequencyOrders":[{"discipline":"SN","segments":[{"minPerWeek":2,"maxPerWeek":2,"weeks":4}],"prnVisits":0}]}""".formatted(patient, dr));

        String thread = familyThread(token("family", fran)).path("id").asString();
        // staff read every notice, in the agency's zone (America/New_York: 14:00Z is 09:00)
        List<JsonNode> all = Eventually.await(
                Duration.ofSeconds(20), () -> notices(thread, token("coordinator", carla)), n -> n.size() == 4);
        java.util.Map<String, JsonNode> byKind = new java.util.HashMap<>();
        all.forEach(m -> byKind.put(m.path("notice").path("kind").asString(), m));
        assertThat(byKind).containsOnlyKeys("PLAN_SIGNED", "VISIT_CANCELLED", "VISIT_RESCHEDULED", "VISIT_SCHEDULED");
        assertThat(byKind.get("PLAN_SIGNED").path("body").asString())
                .isEqualTo("The plan of care changed: version 2 was signed on 2030-01-07.");
        assertThat(byKind.get("VISIT_CANCELLED").path("body").asString())
                .isEqualTo("The SN visit of 2030-01-09 at 09:00 was cancelled.");
        assertThat(byKind.get("VISIT_RESCHEDULED").path("body").asString())
                .isEqualTo("The SN visit of 2030-01-08 at 09:00 was moved to 2030-01-09 at 09:00.");
        assertThat(byKind.get("VISIT_SCHEDULED").path("body").asString())
                .isEqualTo("A SN visit was booked for 2030-01-08 at 09:00.");
        JsonNode moved = byKind.get("VISIT_RESCHEDULED").path("notice");
        assertThat(moved.path("discipline").asString()).isEqualTo("SN");
        assertThat(moved.path("scope").asString()).isEqualTo("SCHEDULE");
        assertThat(moved.path("at").asString()).isEqualTo("2030-01-09T14:00:00Z");
        assertThat(moved.path("previousAt").asString()).isEqualTo("2030-01-08T14:00:00Z");
        assertThat(byKind.get("PLAN_SIGNED").path("notice").path("planVersion").asInt())
                .isEqualTo(2);
        assertThat(byKind.get("PLAN_SIGNED").path("author").asString()).isEqualTo("system");

        // Fran (SCHEDULE) reads the schedule notices only; Gus (CARE_PLAN_SUMMARY) the plan notice only
        assertThat(notices(thread, token("family", fran)).stream()
                        .map(m -> m.path("notice").path("kind").asString()))
                .containsExactlyInAnyOrder("VISIT_CANCELLED", "VISIT_RESCHEDULED", "VISIT_SCHEDULED");
        assertThat(notices(thread, token("family", gus)).stream()
                        .map(m -> m.path("notice").path("kind").asString()))
                .containsExactly("PLAN_SIGNED");
        // told live within the consent too; staff are not interrupted by notices meant for the family
        String plan = byKind.get("PLAN_SIGNED").path("id").asString();
        String firstBooking = byKind.get("VISIT_SCHEDULED").path("id").asString();
        assertThat(deliveries(fran, "MESSAGE", firstBooking)).isEqualTo(1);
        assertThat(deliveries(gus, "MESSAGE", firstBooking)).isZero();
        assertThat(deliveries(gus, "MESSAGE", plan)).isEqualTo(1);
        assertThat(deliveries(fran, "MESSAGE", plan)).isZero();
        assertThat(deliveries(carla, "MESSAGE", plan) + deliveries(dr, "MESSAGE", firstBooking))
                .isZero();
        assertThat(db.getCollection("messages")
                        .countDocuments(new Document("source.eventId", booked).append("threadId", thread)))
                .as("a redelivered event posts once")
                .isEqualTo(1);
    }

    void publish(String eventId, String topic, String type, String body) {
        assertThat(EventContracts.violations(type, body)).as(body).isEmpty();
        kafka.send(topic, patient, TopicWriter.envelope(eventId, type, patient, agency), body);
    }

    String token(String role, String subject) {
        return TestTokenIssuer.shared()
                .token()
                .agency("a", agency)
                .roles(role)
                .subject(subject)
                .audience("messaging-service")
                .sign();
    }

    JsonNode familyThread(String token) {
        ApiClient.Response mine = api.get(API + "/threads", token);
        return mine.status() != 200
                ? null
                : mine.json()
                        .path("items")
                        .valueStream()
                        .filter(t -> t.path("kind").asString().equals("FAMILY")
                                && t.path("patientId").asString().equals(patient))
                        .findFirst()
                        .orElse(null);
    }

    JsonNode messages(String thread, String token) {
        ApiClient.Response response = api.get(API + "/threads/" + thread + "/messages", token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    List<JsonNode> notices(String thread, String token) {
        return messages(thread, token)
                .valueStream()
                .filter(m -> !m.path("notice").isNull() && !m.path("notice").isMissingNode())
                .toList();
    }

    long deliveries(String recipient, String kind, String messageId) {
        return db.getCollection("deliveries")
                .countDocuments(new Document("recipient", recipient)
                        .append("kind", kind)
                        .append("messageId", messageId));
    }
}
