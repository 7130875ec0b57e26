package org.hearth.patient.alerts;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

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
        String nurse = issuer.token().subject("carla").agency("a", agency).roles("coordinator").audience("patient-service").sign();
        String patient = api.post("/api/patients/v1/patients", issuer.token().agency("a", agency).roles("coordinator")
                .audience("patient-service").sign(), """
                {"givenName":"Jane","familyName":"Doe","birthDate":"1941-03-02",
                 "address":{"line1":"12 Elm Street","city":"Springfield","state":"IL","postalCode":"62701"}}""")
                .json().path("id").asString();

        try (TopicReader alerts = new TopicReader("hearth.patient.alerts")) {
            api.post("/api/patients/v1/patients/" + patient + "/observations", nurse, """
                    {"observations":[{"id":"%s","vital":"GLUCOSE","value":45,"unit":"mg/dL","observedAt":"%s"}]}"""
                    .formatted(UUID.randomUUID(), Instant.now().minusSeconds(10)));

            ConsumerRecord<String, String> escalated = alerts.await(r -> patient.equals(r.key())
                            && "org.hearth.patient.AlertEscalated.v1".equals(TopicReader.header(r, "ce_type")),
                    Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no AlertEscalated"));
            assertThat(EventContracts.violations("org.hearth.patient.AlertEscalated.v1", escalated.value())).isEmpty();
            assertThat(escalated.value()).contains("\"escalatedTo\":\"role:coordinator\"", "\"level\":1");
            assertThat(TopicReader.header(escalated, "ce_tenantid")).isEqualTo(agency);
        }
        JsonNode alert = Eventually.await(Duration.ofSeconds(10),
                () -> api.get("/api/patients/v1/patients/" + patient + "/alerts", nurse).json().path("items").get(0),
                a -> a != null && a.path("escalations").asInt() >= 1);
        assertThat(alert.path("owner").asString()).isEqualTo("role:coordinator"); // no lead physician: coordinators own it
        assertThat(alert.path("severity").asString()).isEqualTo("CRITICAL");
        assertThat(alert.path("status").asString()).isEqualTo("OPEN");
    }
}
