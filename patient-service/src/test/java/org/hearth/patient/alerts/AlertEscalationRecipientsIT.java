package org.hearth.patient.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.MutableClock;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.story.Patients;
import org.hearth.platform.test.story.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every escalation names real people: the care team's coordinators, else the agency's staff as Keycloak lists them
 * (here a stand-in speaking Keycloak's admin API over HTTP). While Keycloak does not answer, the escalation waits for
 * the next pass instead of going out to nobody. The escalator is driven directly at chosen instants (its schedule is
 * pushed out of the way); events are read from the real broker and checked against the contract.
 */
@HearthServiceTest
@Import(MutableClock.Config.class)
@TestPropertySource(properties = "hearth.alerts.check-interval=PT1H")
class AlertEscalationRecipientsIT {

    static final KeycloakStandIn keycloak = new KeycloakStandIn();
    static final String TYPE = "org.hearth.patient.AlertEscalated.v1";

    @DynamicPropertySource
    static void keycloakAdmin(DynamicPropertyRegistry registry) {
        registry.add("hearth.keycloak-admin.url", keycloak::url);
        registry.add("hearth.keycloak-admin.client-secret", () -> KeycloakStandIn.SECRET);
    }

    @LocalServerPort
    int port;

    @Autowired
    AlertEscalator escalator;

    @Autowired
    MutableClock clock;

    final TestTokenIssuer issuer = TestTokenIssuer.shared();
    final String agency = UUID.randomUUID().toString();
    final String otherAgency = UUID.randomUUID().toString();

    @AfterEach
    void keycloakUp() {
        keycloak.down(false);
    }

    @AfterAll
    static void stop() {
        keycloak.close();
    }

    @Test
    void aLevelTwoEscalationNamesTheAgencysEnabledAdminsOnly() {
        String admin1 = UUID.randomUUID().toString();
        String admin2 = UUID.randomUUID().toString();
        keycloak.user(admin1, agency, true, "agency-admin")
                .user(admin2, agency, true, "agency-admin", "coordinator")
                .user(UUID.randomUUID().toString(), agency, false, "agency-admin") // disabled
                .user(UUID.randomUUID().toString(), otherAgency, true, "agency-admin") // another agency's
                .user(UUID.randomUUID().toString(), null, true, "agency-admin") // of no agency
                .user(UUID.randomUUID().toString(), agency, true, "nurse");
        ApiClient api = ApiClient.onPort(port);
        String patient = admit(api);
        String carla = "carla-" + UUID.randomUUID();
        careTeam(api, patient, carla);

        try (TopicReader alerts = new TopicReader("hearth.patient.alerts")) {
            String alert = raiseCriticalAlert(api, patient);
            clock.advance(Duration.ofMinutes(16));
            assertThat(escalator.escalateDue()).isGreaterThanOrEqualTo(1);
            assertThat(recipients(escalated(alerts, alert, 1))).containsExactly(carla);

            clock.advance(Duration.ofMinutes(15));
            escalator.escalateDue();
            JsonNode level2 = escalated(alerts, alert, 2);
            assertThat(level2.path("escalatedTo").asString()).isEqualTo("role:agency-admin");
            assertThat(recipients(level2)).containsExactlyInAnyOrder(admin1, admin2);

            clock.advance(Duration.ofMinutes(30));
            escalator.escalateDue();
            assertThat(alerts.await(
                            r -> TYPE.equals(TopicReader.header(r, "ce_type"))
                                    && r.value().contains(alert),
                            Duration.ofSeconds(2)))
                    .as("each level once; nothing above the admins")
                    .isEmpty();
        }
    }

    @Test
    void aLevelOneEscalationWithNoCoordinatorOnTheTeamPagesTheAgencysCoordinatorsElseItsAdmins() {
        String coordinator = UUID.randomUUID().toString();
        keycloak.user(coordinator, agency, true, "coordinator");
        String adminOnly = UUID.randomUUID().toString();
        keycloak.user(adminOnly, otherAgency, true, "agency-admin");
        ApiClient api = ApiClient.onPort(port);
        String patient = admit(api); // its team has no coordinator
        String otherPatient = admit(api, otherAgency); // its agency has no coordinator at all

        try (TopicReader alerts = new TopicReader("hearth.patient.alerts")) {
            String alert = raiseCriticalAlert(api, patient);
            String other = raiseCriticalAlert(api, otherPatient, otherAgency);
            clock.advance(Duration.ofMinutes(16));
            escalator.escalateDue();
            assertThat(recipients(escalated(alerts, alert, 1))).containsExactly(coordinator);
            assertThat(recipients(escalated(alerts, other, 1))).containsExactly(adminOnly);
        }
    }

    @Test
    void whileKeycloakDoesNotAnswerTheEscalationWaitsForTheNextPassAndThenGoesOutOnce() {
        String admin = UUID.randomUUID().toString();
        keycloak.user(admin, agency, true, "agency-admin");
        ApiClient api = ApiClient.onPort(port);
        String patient = admit(api);

        try (TopicReader alerts = new TopicReader("hearth.patient.alerts")) {
            String alert = raiseCriticalAlert(api, patient);
            String second = raiseCriticalAlert(api, admit(api));
            clock.advance(Duration.ofMinutes(16));
            keycloak.down(true);
            escalator.escalateDue();
            assertThat(alerts.await(
                            r -> TYPE.equals(TopicReader.header(r, "ce_type"))
                                    && (r.value().contains(alert) || r.value().contains(second)),
                            Duration.ofSeconds(2)))
                    .as("not escalated to nobody")
                    .isEmpty();
            assertThat(alertOf(api, patient).path("escalations").asInt()).isZero();
            assertThat(keycloak.memberReads(agency))
                    .as("asked once in the pass, not once per alert")
                    .isEqualTo(1);

            keycloak.down(false);
            clock.advance(Duration.ofSeconds(30));
            escalator.escalateDue();
            assertThat(recipients(escalated(alerts, alert, 1)))
                    .as("no coordinator anywhere: the admins")
                    .containsExactly(admin);
            assertThat(recipients(escalated(alerts, second, 1))).containsExactly(admin);
            escalator.escalateDue();
            assertThat(alerts.await(
                            r -> TYPE.equals(TopicReader.header(r, "ce_type"))
                                    && r.value().contains(alert),
                            Duration.ofSeconds(2)))
                    .as("level 1 once")
                    .isEmpty();

            // level 2 while Keycloak stays down beyond the grace: it goes out, unnamed, for messaging's fallback
            clock.advance(Duration.ofMinutes(15));
            keycloak.down(true);
            escalator.escalateDue();
            assertThat(alerts.await(
                            r -> TYPE.equals(TopicReader.header(r, "ce_type"))
                                    && r.value().contains(alert),
                            Duration.ofSeconds(2)))
                    .isEmpty();
            clock.advance(Duration.ofMinutes(6));
            escalator.escalateDue();
            JsonNode unnamed = escalated(alerts, alert, 2);
            assertThat(recipients(unnamed)).isEmpty();
        }
    }

    @Test
    void theAgencysStaffIsReadFromKeycloakOncePerMinuteNotOncePerAlert() {
        String coordinator = UUID.randomUUID().toString();
        keycloak.user(coordinator, agency, true, "coordinator");
        ApiClient api = ApiClient.onPort(port);
        List<String> raised = new ArrayList<>();
        try (TopicReader alerts = new TopicReader("hearth.patient.alerts")) {
            for (int i = 0; i < 3; i++) {
                raised.add(raiseCriticalAlert(api, admit(api)));
            }
            clock.advance(Duration.ofMinutes(16));
            escalator.escalateDue();
            for (String alert : raised) {
                assertThat(recipients(escalated(alerts, alert, 1))).containsExactly(coordinator);
            }
            assertThat(keycloak.memberReads(agency))
                    .as("once for the three alerts")
                    .isEqualTo(1);
        }
    }

    JsonNode escalated(TopicReader alerts, String alert, int level) {
        ConsumerRecord<String, String> record = alerts.await(
                        r -> TYPE.equals(TopicReader.header(r, "ce_type"))
                                && r.value().contains(alert)
                                && r.value().contains("\"level\":" + level),
                        Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no level " + level + " escalation of " + alert));
        assertThat(EventContracts.violations(TYPE, record.value())).isEmpty();
        return JsonMapper.builder().build().readTree(record.value());
    }

    static List<String> recipients(JsonNode escalated) {
        return escalated
                .path("recipients")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    String coordinator(String of) {
        return Tokens.coordinator(of)
                .subject("coordinator-" + of)
                .audience("patient-service")
                .sign();
    }

    String admit(ApiClient api) {
        return admit(api, agency);
    }

    String admit(ApiClient api, String of) {
        ApiClient.Response admitted = api.post("/api/patients/v1/patients", coordinator(of), Patients.jane());
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
        return admitted.json().path("id").asString();
    }

    void careTeam(ApiClient api, String patient, String coordinatorSubject) {
        ApiClient.Response team =
                api.send(api.request("/api/patients/v1/patients/" + patient + "/care-team", coordinator(agency))
                        .header("Content-Type", "application/json")
                        .header("If-Match", "\"0\"")
                        .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"members":[{"subject":"%s","role":"COORDINATOR","displayName":"Carla","lead":false},
                                    {"subject":"nina","role":"NURSE","displayName":"Nina","lead":false}]}""".formatted(coordinatorSubject))));
        assertThat(team.status()).as(team.body()).isEqualTo(200);
    }

    String raiseCriticalAlert(ApiClient api, String patient) {
        return raiseCriticalAlert(api, patient, agency);
    }

    String raiseCriticalAlert(ApiClient api, String patient, String of) {
        ApiClient.Response recorded =
                api.post("/api/patients/v1/patients/" + patient + "/observations", coordinator(of), """
                {"observations":[{"id":"%s","vital":"GLUCOSE","value":45,"unit":"mg/dL","observedAt":"%s"}]}""".formatted(
                                UUID.randomUUID(), clock.instant().minusSeconds(10)));
        assertThat(recorded.status()).as(recorded.body()).isBetween(200, 299);
        return Eventually.await(
                        Duration.ofSeconds(20),
                        () -> api.get("/api/patients/v1/patients/" + patient + "/alerts", coordinator(of))
                                .json()
                                .path("items")
                                .path(0),
                        a -> a != null && !a.isMissingNode())
                .path("id")
                .asString();
    }

    JsonNode alertOf(ApiClient api, String patient) {
        return api.get("/api/patients/v1/patients/" + patient + "/alerts", coordinator(agency))
                .json()
                .path("items")
                .path(0);
    }
}
