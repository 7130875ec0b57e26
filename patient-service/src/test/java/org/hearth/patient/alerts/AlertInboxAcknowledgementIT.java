package org.hearth.patient.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.TopicWriter;
import org.hearth.platform.test.story.Patients;
import org.hearth.platform.test.story.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The alert is the one clock: acknowledging its urgent item in messaging's inbox (UrgentAcknowledged with the alert
 * id, on the real broker) acknowledges the alert here and no escalation follows; an escalation names whom to page.
 * Critical alerts escalate after 6 s here.
 */
@HearthServiceTest
@TestPropertySource(properties = {"hearth.alerts.escalate-after.critical=PT6S", "hearth.alerts.check-interval=PT0.5S"})
class AlertInboxAcknowledgementIT {

    @LocalServerPort
    int port;

    @Autowired
    AlertEscalator escalator;

    final TestTokenIssuer issuer = TestTokenIssuer.shared();
    final String agency = UUID.randomUUID().toString();

    @Test
    void anInboxAcknowledgementAcknowledgesTheAlertOnceAndItNeverEscalates() throws Exception {
        ApiClient api = ApiClient.onPort(port);
        String patient = admit(api);
        JsonNode alert = raiseCriticalAlert(api, patient);
        String alertId = alert.path("id").asString();

        try (TopicReader alerts = new TopicReader("hearth.patient.alerts");
                TopicWriter kafka = new TopicWriter()) {
            String eventId = UUID.randomUUID().toString();
            String body = urgentAcknowledged(patient, alertId, "dr-inbox");
            assertThat(EventContracts.violations("org.hearth.messaging.UrgentAcknowledged.v1", body))
                    .isEmpty();
            var envelope = TopicWriter.envelope(eventId, "org.hearth.messaging.UrgentAcknowledged.v1", patient, agency);
            kafka.send("hearth.messaging.events", patient, envelope, body);
            kafka.send("hearth.messaging.events", patient, envelope, body); // redelivered
            kafka.send(
                    "hearth.messaging.events",
                    patient,
                    TopicWriter.envelope(
                            UUID.randomUUID().toString(),
                            "org.hearth.messaging.UrgentAcknowledged.v1",
                            patient,
                            agency),
                    urgentAcknowledged(patient, alertId, "dr-late")); // someone else, later: a no-op

            JsonNode acknowledged = Eventually.await(
                    Duration.ofSeconds(20),
                    () -> alertOf(api, patient),
                    a -> "ACKNOWLEDGED".equals(a.path("status").asString()));
            assertThat(acknowledged.path("acknowledgedBy").asString()).isEqualTo("dr-inbox");
            ConsumerRecord<String, String> published = alerts.await(
                            r -> isType(r, "AlertAcknowledged") && r.value().contains(alertId), Duration.ofSeconds(20))
                    .orElseThrow();
            assertThat(EventContracts.violations("org.hearth.patient.AlertAcknowledged.v1", published.value()))
                    .isEmpty();

            // well past the 6 s: neither the scheduled escalator nor an explicit pass escalates it
            Instant due = Instant.parse(alert.path("raisedAt").asString()).plusSeconds(8);
            while (Instant.now().isBefore(due)) {
                Thread.sleep(250);
            }
            escalator.escalateDue();
            JsonNode after = alertOf(api, patient);
            assertThat(after.path("escalations").asInt()).isZero();
            assertThat(after.path("acknowledgedBy").asString())
                    .as("the later acknowledgement changed nothing")
                    .isEqualTo("dr-inbox");
            assertThat(alerts.await(
                            r -> isType(r, "AlertEscalated") && r.value().contains(alertId), Duration.ofSeconds(2)))
                    .isEmpty();
        }
    }

    @Test
    void anEscalationNamesTheCareTeamsCoordinatorsToPageOnce() {
        ApiClient api = ApiClient.onPort(port);
        String patient = admit(api);
        String carla = "carla-" + UUID.randomUUID();
        ApiClient.Response team =
                api.send(api.request("/api/patients/v1/patients/" + patient + "/care-team", coordinator())
                        .header("Content-Type", "application/json")
                        .header("If-Match", "\"0\"")
                        .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"members":[{"subject":"%s","role":"COORDINATOR","displayName":"Carla","lead":false},
                                    {"subject":"nina","role":"NURSE","displayName":"Nina","lead":false}]}""".formatted(carla))));
        assertThat(team.status()).as(team.body()).isEqualTo(200);

        try (TopicReader alerts = new TopicReader("hearth.patient.alerts")) {
            String alertId = raiseCriticalAlert(api, patient).path("id").asString();
            ConsumerRecord<String, String> escalated = alerts.await(
                            r -> isType(r, "AlertEscalated") && r.value().contains(alertId), Duration.ofSeconds(30))
                    .orElseThrow();
            assertThat(EventContracts.violations("org.hearth.patient.AlertEscalated.v1", escalated.value()))
                    .isEmpty();
            assertThat(escalated.value())
                    .contains(
                            "\"level\":1",
                            "\"escalatedTo\":\"role:coordinator\"",
                            "\"recipients\":[\"" + carla + "\"]");
            escalator.escalateDue();
            assertThat(alerts.await(
                            r -> isType(r, "AlertEscalated")
                                    && r.value().contains(alertId)
                                    && r.value().contains("\"level\":1"),
                            Duration.ofSeconds(2)))
                    .as("level 1 is paged once")
                    .isEmpty();
        }
    }

    static boolean isType(ConsumerRecord<String, String> record, String name) {
        return ("org.hearth.patient." + name + ".v1").equals(TopicReader.header(record, "ce_type"));
    }

    static String urgentAcknowledged(String patient, String alertId, String by) {
        return """
                {"messageId":"%s","threadId":"%s","patientId":"%s","acknowledgedBy":"%s","acknowledgedAt":"%s",
                 "afterEscalation":false,"alertId":"%s"}""".formatted(UUID.randomUUID(), UUID.randomUUID(), patient, by, Instant.now(), alertId);
    }

    String coordinator() {
        return Tokens.coordinator(agency)
                .subject("coordinator-" + agency)
                .audience("patient-service")
                .sign();
    }

    String admit(ApiClient api) {
        ApiClient.Response admitted = api.post("/api/patients/v1/patients", coordinator(), Patients.jane());
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
        return admitted.json().path("id").asString();
    }

    JsonNode raiseCriticalAlert(ApiClient api, String patient) {
        ApiClient.Response recorded =
                api.post("/api/patients/v1/patients/" + patient + "/observations", coordinator(), """
                {"observations":[{"id":"%s","vital":"GLUCOSE","value":45,"unit":"mg/dL","observedAt":"%s"}]}""".formatted(
                                UUID.randomUUID(), Instant.now().minusSeconds(10)));
        assertThat(recorded.status()).as(recorded.body()).isBetween(200, 299);
        return Eventually.await(
                Duration.ofSeconds(20), () -> alertOf(api, patient), a -> a != null && !a.isMissingNode());
    }

    JsonNode alertOf(ApiClient api, String patient) {
        return api.get("/api/patients/v1/patients/" + patient + "/alerts", coordinator())
                .json()
                .path("items")
                .path(0);
    }
}
