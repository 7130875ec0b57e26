package org.hearth.patient.breakglass;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.patient.access.BreakGlassRevoked;
import org.hearth.patient.alerts.KeycloakStandIn;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.MutableClock;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.story.Patients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Break-glass through the HTTP API: a clinician outside the care team opens the record with a reason and reads what a
 * team clinician reads, for the set time only, audited as break-glass; the privacy officer and the lead physician are
 * named in the event, the grant waits in the review queue, and a revocation refuses the very next request.
 */
@HearthServiceTest
@Import(MutableClock.Config.class)
class BreakGlassIT {

    static final String PATIENTS = "/api/patients/v1/patients";
    static final String QUEUE = "/api/patients/v1/break-glass";
    static final KeycloakStandIn keycloak = new KeycloakStandIn();

    @DynamicPropertySource
    static void keycloakAdmin(DynamicPropertyRegistry registry) {
        registry.add("hearth.keycloak-admin.url", keycloak::url);
        registry.add("hearth.keycloak-admin.client-secret", () -> KeycloakStandIn.SECRET);
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    ApiClient api;
    final TestTokenIssuer issuer = TestTokenIssuer.shared();
    final String agency = UUID.randomUUID().toString();
    final String drPatel = "dr-patel-" + UUID.randomUUID();
    final String nina = "nina-" + UUID.randomUUID();
    final String nora = "nora-" + UUID.randomUUID();
    final String paula = "paula-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
        keycloak.user(paula, agency, true, "privacy-officer");
    }

    @AfterAll
    static void stop() {
        keycloak.close();
    }

    String token(String subject, String role) {
        return token(subject, role, agency);
    }

    String token(String subject, String role, String agencyId) {
        return issuer.token()
                .subject(subject)
                .agency("a", agencyId)
                .roles(role)
                .audience("patient-service")
                .sign();
    }

    String jane() {
        String carla = token("carla", "coordinator");
        String id = api.post(PATIENTS, carla, Patients.jane()).json().path("id").asString();
        assertThat(api.send(api.request(PATIENTS + "/" + id + "/care-team", carla)
                                .header("Content-Type", "application/json")
                                .header("If-Match", "\"0\"")
                                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"members":[{"subject":"%s","role":"PHYSICIAN","displayName":"Dr Patel","lead":true},
                                    {"subject":"%s","role":"NURSE","displayName":"Nina","lead":false}]}""".formatted(drPatel, nina))))
                        .status())
                .isEqualTo(200);
        return id;
    }

    ApiClient.Response open(String patient, String who, String body) {
        return api.post(PATIENTS + "/" + patient + "/break-glass", token(who, "nurse"), body);
    }

    @Test
    void aClinicianOutsideTheTeamReadsForTheSetTimeOnlyAuditedAsBreakGlass() {
        String jane = jane();
        String noraToken = token(nora, "nurse");
        assertThat(api.get(PATIENTS + "/" + jane + "/summary", noraToken).status())
                .isEqualTo(403);
        assertThat(open(jane, nora, "{\"reason\":\" \"}").status()).isEqualTo(400);

        try (TopicReader events = new TopicReader("hearth.patient.events");
                TopicReader audit = new TopicReader("hearth.audit")) {
            ApiClient.Response opened = open(jane, nora, "{\"reason\":\"Called to the home: patient unresponsive\"}");
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            String grant = opened.json().path("id").asString();
            assertThat(Duration.between(
                            clock.instant(),
                            java.time.Instant.parse(
                                    opened.json().path("expiresAt").asString())))
                    .isEqualTo(Duration.ofHours(4));

            ApiClient.Response summary = api.send(api.request(PATIENTS + "/" + jane + "/summary", noraToken)
                    .header("X-Correlation-Id", "break-glass-read-" + grant)
                    .GET());
            assertThat(summary.status()).isEqualTo(200);
            assertThat(api.get(PATIENTS + "/" + jane + "/care-plan", noraToken).status())
                    .isEqualTo(200);
            // reading, not changing: an emergency needs the record
            assertThat(api.post(PATIENTS + "/" + jane + "/observations", noraToken, """
                    {"observations":[{"id":"%s","vital":"WEIGHT","value":81.2,"unit":"kg","observedAt":"%s"}]}""".formatted(
                                            UUID.randomUUID(), clock.instant().minusSeconds(60)))
                            .status())
                    .isEqualTo(403);

            ConsumerRecord<String, String> read = audit.await(
                            r -> r.value().contains("break-glass-read-" + grant), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("break-glass read not audited"));
            assertThat(read.value()).contains("\"purposeOfUse\":\"breakGlass\"", "\"grantId\":\"" + grant + "\"");
            assertThat(EventContracts.violations("org.hearth.audit.PatientDataAccessed.v1", read.value()))
                    .isEmpty();

            ConsumerRecord<String, String> event = events.await(
                            r -> jane.equals(r.key()) && BreakGlassOpened.TYPE.equals(TopicReader.header(r, "ce_type")),
                            Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no BreakGlassOpened"));
            assertThat(EventContracts.violations(BreakGlassOpened.TYPE, event.value()))
                    .isEmpty();
            assertThat(event.value()).contains(paula, drPatel, grant).doesNotContain("unresponsive");

            clock.advance(Duration.ofHours(4).plusSeconds(1));
            assertThat(api.get(PATIENTS + "/" + jane + "/summary", noraToken).status())
                    .as("expired")
                    .isEqualTo(403);
        } finally {
            clock.set(java.time.Instant.now());
        }
    }

    @Test
    void thePrivacyOfficerReviewsAndRevokesAndTheNextRequestIsRefused() {
        String jane = jane();
        String noraToken = token(nora, "nurse");
        String paulaToken = token(paula, "privacy-officer");
        String grant = open(jane, nora, "{\"reason\":\"Fall at home, covering nurse\"}")
                .json()
                .path("id")
                .asString();
        assertThat(api.get(PATIENTS + "/" + jane + "/summary", noraToken).status())
                .isEqualTo(200);

        ApiClient.Response queue = api.get(QUEUE, paulaToken);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains(grant, "Fall at home, covering nurse", "Jane Doe");
        assertThat(api.get(QUEUE, noraToken).status()).isEqualTo(403);
        assertThat(api.get(
                                QUEUE,
                                token(
                                        "other-po",
                                        "privacy-officer",
                                        UUID.randomUUID().toString()))
                        .body())
                .as("another agency's privacy officer")
                .doesNotContain(grant);

        try (TopicReader events = new TopicReader("hearth.patient.events")) {
            ApiClient.Response revoked = api.post(QUEUE + "/" + grant + "/revoke", paulaToken, "");
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
            assertThat(revoked.json().path("active").asBoolean()).isFalse();
            assertThat(api.get(PATIENTS + "/" + jane + "/summary", noraToken).status())
                    .isEqualTo(403);
            // the services that honour the grant on their own data (scheduling's visits) are told
            ConsumerRecord<String, String> event = events.await(
                            r -> jane.equals(r.key())
                                    && BreakGlassRevoked.TYPE.equals(TopicReader.header(r, "ce_type")),
                            Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no BreakGlassRevoked"));
            assertThat(EventContracts.violations(BreakGlassRevoked.TYPE, event.value()))
                    .isEmpty();
            assertThat(event.value()).contains(grant, nora);
            assertThat(api.post(QUEUE + "/" + grant + "/revoke", paulaToken, "").status())
                    .as("a second revocation")
                    .isEqualTo(200);
            assertThat(events.await(
                            r -> jane.equals(r.key())
                                    && BreakGlassRevoked.TYPE.equals(TopicReader.header(r, "ce_type")),
                            Duration.ofSeconds(2)))
                    .as("published once")
                    .isEmpty();
        }

        ApiClient.Response reviewed = api.post(
                QUEUE + "/" + grant + "/review",
                paulaToken,
                "{\"note\":\"Called Nora: covering visit, justified; ended after the visit\"}");
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        assertThat(api.get(QUEUE, paulaToken).body()).doesNotContain(grant);
        assertThat(api.get(QUEUE + "?status=all", paulaToken).body()).contains(grant, "justified");
    }

    @Test
    void teamMembersNeedNoBreakGlassAndAnotherAgencysPatientStaysNotFound() {
        String jane = jane();

        assertThat(open(jane, nina, "{\"reason\":\"I am on the team\"}").status())
                .isEqualTo(409);
        ApiClient.Response elsewhere = api.post(
                PATIENTS + "/" + jane + "/break-glass",
                token(nora, "nurse", UUID.randomUUID().toString()),
                "{\"reason\":\"Emergency\"}");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(api.post(PATIENTS + "/" + jane + "/break-glass", token("fran", "family"), "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(403);
    }
}
