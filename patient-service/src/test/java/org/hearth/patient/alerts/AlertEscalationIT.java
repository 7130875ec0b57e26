package org.hearth.patient.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.platform.test.PublishedEvents.on;
import static org.hearth.platform.test.PublishedEvents.published;

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
import org.hearth.platform.test.story.Patients;
import org.hearth.platform.test.story.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The escalator as it runs in production (scheduled, across agencies), with the critical delay cut to 2 s. */
@HearthServiceTest
@TestPropertySource(properties = {"hearth.alerts.escalate-after.critical=PT2S", "hearth.alerts.check-interval=PT0.5S"})
class AlertEscalationIT {

    @LocalServerPort
    int port;

    final TestTokenIssuer issuer = TestTokenIssuer.shared();

    @Test
    void aCriticalAlertNobodyAcknowledgesGoesToTheCoordinators() {
        ApiClient api = ApiClient.onPort(port);
        String agency = UUID.randomUUID().toString();
        String nurse = issuer.token()
                .subject("carla")
                .agency("a", agency)
                .roles("coordinator")
                .audience("patient-service")
                .sign();
        String patient = api.post(
                        "/api/patients/v1/patients", Tokens.coordinator(agency, "patient-service"), Patients.jane())
                .json()
                .path("id")
                .asString();

        try (TopicReader alerts = new TopicReader("hearth.patient.alerts")) {
            api.post("/api/patients/v1/patients/" + patient + "/observations", nurse, """
                    {"observations":[{"id":"%s","vital":"GLUCOSE","value":45,"unit":"mg/dL","observedAt":"%s"}]}""".formatted(
                            UUID.randomUUID(), Instant.now().minusSeconds(10)));

            ConsumerRecord<String, String> escalated = published(on(alerts))
                    .ofType("org.hearth.patient.AlertEscalated.v1")
                    .about(patient)
                    .within(Duration.ofSeconds(30));
            assertThat(EventContracts.violations("org.hearth.patient.AlertEscalated.v1", escalated.value()))
                    .isEmpty();
            assertThat(escalated.value()).contains("\"escalatedTo\":\"role:coordinator\"", "\"level\":1");
            assertThat(TopicReader.header(escalated, "ce_tenantid")).isEqualTo(agency);
        }
        JsonNode alert = Eventually.await(
                Duration.ofSeconds(10),
                () -> api.get("/api/patients/v1/patients/" + patient + "/alerts", nurse)
                        .json()
                        .path("items")
                        .get(0),
                a -> a != null && a.path("escalations").asInt() >= 1);
        assertThat(alert.path("owner").asString())
                .isEqualTo("role:coordinator"); // no lead physician: coordinators own it
        assertThat(alert.path("severity").asString()).isEqualTo("CRITICAL");
        assertThat(alert.path("status").asString()).isEqualTo("OPEN");
    }
}
