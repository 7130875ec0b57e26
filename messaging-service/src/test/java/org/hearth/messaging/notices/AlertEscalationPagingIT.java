package org.hearth.messaging.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.MutableClock;
import org.hearth.platform.test.TopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * An alert's escalation pages exactly the people it names, once per alert and level, on the real broker (redelivery is
 * a second record with the same ce_id); one that names nobody is logged and still pages a coordinator.
 */
@HearthServiceTest
@Import(MutableClock.Config.class)
@TestPropertySource(properties = "hearth.messaging.notices.sweep-interval=PT1H")
@ExtendWith(OutputCaptureExtension.class)
class AlertEscalationPagingIT {

    @Value("${spring.mongodb.uri}")
    String mongoUri;

    TopicWriter kafka;
    MongoClient mongoClient;
    MongoDatabase db;
    final String agency = UUID.randomUUID().toString();
    final String patient = UUID.randomUUID().toString();
    final String dr = "dr-" + UUID.randomUUID();
    final String nina = "nina-" + UUID.randomUUID();
    final String carla = "carla-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
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
    void aLevelTwoEscalationPagesEachNamedAdminExactlyOnceAlsoWhenRedelivered() {
        admitWithTeam(patient, carla);
        String alert = UUID.randomUUID().toString();
        publish(
                patient,
                UUID.randomUUID().toString(),
                "org.hearth.patient.AlertRaised.v1",
                alertRaised(patient, alert));
        String notice = awaitNotice(alert);
        String admin1 = "admin1-" + UUID.randomUUID();
        String admin2 = "admin2-" + UUID.randomUUID();
        String event = UUID.randomUUID().toString();
        String escalated = escalated(patient, alert, 2, "role:agency-admin", "\"" + admin1 + "\",\"" + admin2 + "\"");
        publish(patient, event, "org.hearth.patient.AlertEscalated.v1", escalated);
        publish(patient, event, "org.hearth.patient.AlertEscalated.v1", escalated); // redelivered
        publish(
                patient,
                UUID.randomUUID().toString(),
                "org.hearth.patient.AlertEscalated.v1",
                escalated); // 2nd producer
        awaitMarker();

        assertThat(urgent(admin1, notice)).as("paged once").isEqualTo(1);
        assertThat(urgent(admin2, notice)).as("paged once").isEqualTo(1);
        assertThat(db.getCollection("deliveries")
                        .countDocuments(new Document("kind", "URGENT").append("messageId", notice)))
                .as("nobody else: the owner's URGENT and the two admins")
                .isEqualTo(3);
        assertThat(urgent(carla, notice))
                .as("the coordinator is not named at level 2")
                .isZero();
        assertThat(db.getCollection("deliveries")
                        .countDocuments(new Document("recipient", dr)
                                .append("kind", "ESCALATED")
                                .append("messageId", notice)))
                .as("the owner learns it once")
                .isEqualTo(1);
    }

    @Test
    void aLevelOneEscalationNamingNobodyForATeamWithoutCoordinatorPagesTheAgencysCoordinators(CapturedOutput output) {
        String cora = "cora-" + UUID.randomUUID();
        String elsewhere = UUID.randomUUID().toString();
        admitWithTeam(elsewhere, cora); // another patient of the agency: messaging knows cora coordinates there
        admitWithTeam(patient, null); // this patient's team has no coordinator
        String alert = UUID.randomUUID().toString();
        publish(
                patient,
                UUID.randomUUID().toString(),
                "org.hearth.patient.AlertRaised.v1",
                alertRaised(patient, alert));
        String notice = awaitNotice(alert);
        String event = UUID.randomUUID().toString();
        String escalated = escalated(patient, alert, 1, "role:coordinator", null);
        publish(patient, event, "org.hearth.patient.AlertEscalated.v1", escalated);
        publish(patient, event, "org.hearth.patient.AlertEscalated.v1", escalated); // redelivered

        Eventually.await(Duration.ofSeconds(20), () -> urgent(cora, notice), n -> n >= 1);
        awaitMarker();
        assertThat(urgent(cora, notice)).isEqualTo(1);
        assertThat(output.getOut())
                .contains("AlertEscalated " + event + " (alert " + alert + ", level 1")
                .contains("1 coordinator(s) of the agency");
    }

    @Test
    void anEscalationWithAnEmptyRecipientListPagesTheTeamsCoordinator() {
        admitWithTeam(patient, carla);
        String alert = UUID.randomUUID().toString();
        publish(
                patient,
                UUID.randomUUID().toString(),
                "org.hearth.patient.AlertRaised.v1",
                alertRaised(patient, alert));
        String notice = awaitNotice(alert);
        publish(
                patient,
                UUID.randomUUID().toString(),
                "org.hearth.patient.AlertEscalated.v1",
                escalated(patient, alert, 2, "role:agency-admin", ""));
        Eventually.await(Duration.ofSeconds(20), () -> urgent(carla, notice), n -> n >= 1);
        awaitMarker();
        assertThat(urgent(carla, notice)).isEqualTo(1);
    }

    /** A record behind the others on the same partition: once its notice is posted, the ones before are applied. */
    void awaitMarker() {
        String marker = UUID.randomUUID().toString();
        publish(
                patient,
                UUID.randomUUID().toString(),
                "org.hearth.patient.AlertRaised.v1",
                alertRaised(patient, marker));
        awaitNotice(marker);
    }

    String alertRaised(String patientId, String alertId) {
        return """
                {"patientId":"%s","alertId":"%s","rule":"GLUCOSE_BELOW_54","severity":"CRITICAL","owner":"%s",
                 "observationIds":["%s"],"raisedAt":"2030-01-07T14:30:00Z"}""".formatted(patientId, alertId, dr, UUID.randomUUID());
    }

    /** @param recipients the JSON list's content, or null for no list at all */
    static String escalated(String patientId, String alertId, int level, String to, String recipients) {
        return """
                {"patientId":"%s","alertId":"%s","severity":"CRITICAL","level":%d,"escalatedTo":"%s",
                 "escalatedAt":"2030-01-07T15:%02d:00Z"%s}""".formatted(
                        patientId,
                        alertId,
                        level,
                        to,
                        level * 15,
                        recipients == null ? "" : ",\"recipients\":[" + recipients + "]");
    }

    void publish(String key, String eventId, String type, String body) {
        assertThat(EventContracts.violations(type, body)).as(body).isEmpty();
        String topic = type.contains("Alert") ? "hearth.patient.alerts" : "hearth.patient.events";
        kafka.send(topic, key, TopicWriter.envelope(eventId, type, key, agency), body);
    }

    /** Admits the patient with a team of the lead physician, a nurse and, if given, a coordinator. */
    void admitWithTeam(String patientId, String coordinator) {
        publish(patientId, UUID.randomUUID().toString(), "org.hearth.patient.PatientAdmitted.v1", """
                {"patientId":"%s","admittedAt":"2030-01-02T15:00:00Z","status":"ACTIVE"}""".formatted(
                        patientId));
        String members = "{\"subject\":\"%s\",\"role\":\"PHYSICIAN\"},{\"subject\":\"%s\",\"role\":\"NURSE\"}"
                        .formatted(dr, nina)
                + (coordinator == null ? "" : ",{\"subject\":\"" + coordinator + "\",\"role\":\"COORDINATOR\"}");
        publish(patientId, UUID.randomUUID().toString(), "org.hearth.patient.CareTeamChanged.v1", """
                {"patientId":"%s","changedAt":"2030-01-02T16:00:00Z","leadPhysician":"%s","members":[%s]}""".formatted(
                        patientId, dr, members));
        Eventually.await(
                Duration.ofSeconds(20),
                () -> db.getCollection("patients")
                        .countDocuments(new Document("_id", patientId).append("careTeam.role", "NURSE")),
                n -> n == 1);
    }

    String awaitNotice(String alertId) {
        return Eventually.await(
                        Duration.ofSeconds(20),
                        () -> db.getCollection("messages")
                                .find(new Document("tenantId", agency)
                                        .append("source.type", "AlertRaised")
                                        .append("source.ref", alertId))
                                .first(),
                        d -> d != null)
                .getString("_id");
    }

    long urgent(String recipient, String messageId) {
        return db.getCollection("deliveries")
                .countDocuments(new Document("recipient", recipient)
                        .append("kind", "URGENT")
                        .append("messageId", messageId));
    }
}
