package org.hearth.patient.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.story.Agencies;
import org.hearth.platform.test.story.Patients;
import org.hearth.platform.test.story.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Readings in, alerts out: through HTTP, the outbox, Kafka and back, with the real broker and wire server. */
@HearthServiceTest
class ObservationsAndAlertsApiIT {

    static final String PATIENTS = "/api/patients/v1/patients";

    @LocalServerPort
    int port;

    ApiClient api;
    final TestTokenIssuer issuer = TestTokenIssuer.shared();
    final String agency = Agencies.sunrise().id();
    final String drPatel = "dr-patel-" + UUID.randomUUID();

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
    }

    String token(String subject, String role, String agencyId) {
        return issuer.token()
                .subject(subject)
                .agency("agency", agencyId)
                .roles(role)
                .audience("patient-service")
                .sign();
    }

    String coordinator() {
        return Tokens.coordinator(agency, "patient-service");
    }

    /** A patient of the agency whose care team is led by Dr Patel. */
    String patientLedByDrPatel() {
        String id = api.post(PATIENTS, coordinator(), Patients.jane())
                .json()
                .path("id")
                .asString();
        ApiClient.Response team = api.send(api.request(PATIENTS + "/" + id + "/care-team", coordinator())
                .header("Content-Type", "application/json")
                .header("If-Match", "\"0\"")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"members":[{"subject":"%s","role":"PHYSICIAN","displayName":"Dr Patel","lead":true},
                                    {"subject":"nina","role":"NURSE","displayName":"Nina","lead":false}]}""".formatted(drPatel))));
        assertThat(team.status()).isEqualTo(200);
        return id;
    }

    static String reading(String id, String vital, double value, String unit, Instant at) {
        return """
                {"id":"%s","vital":"%s","value":%s,"unit":%s,"observedAt":"%s"}""".formatted(id, vital, value, unit == null ? "null" : "\"" + unit + "\"", at);
    }

    static String batch(String... readings) {
        return "{\"observations\":[" + String.join(",", readings) + "]}";
    }

    ApiClient.Response record(String patient, String token, String body) {
        return api.post(PATIENTS + "/" + patient + "/observations", token, body);
    }

    JsonNode alerts(String patient) {
        return api.get(PATIENTS + "/" + patient + "/alerts", coordinator())
                .json()
                .path("items");
    }

    @Test
    void aResentBatchStoresNothingTwiceAndUnitsAreConverted() {
        String patient = patientLedByDrPatel();
        Instant now = Instant.now().minusSeconds(60);
        String body = batch(
                reading(UUID.randomUUID().toString(), "GLUCOSE", 6.0, "mmol/L", now),
                reading(UUID.randomUUID().toString(), "TEMPERATURE", 99.5, "[degF]", now));

        JsonNode first = record(patient, token("nina", "nurse", agency), body).json();
        JsonNode again = record(patient, token("nina", "nurse", agency), body).json();

        assertThat(first.path("accepted").asInt()).isEqualTo(2);
        assertThat(again.path("accepted").asInt()).isZero();
        assertThat(again.path("alreadyRecorded").asInt()).isEqualTo(2);
        JsonNode stored = api.get(PATIENTS + "/" + patient + "/observations", coordinator())
                .json();
        assertThat(stored.path("totalItems").asLong()).isEqualTo(2);
        assertThat(stored.path("items").toString())
                .contains("\"value\":108.0", "\"unit\":\"mg/dL\"", "\"value\":37.5", "\"source\":\"CLINICIAN\"");
    }

    @Test
    void oneImpossibleReadingRefusesTheWholeBatchAndSaysWhichOne() {
        String patient = patientLedByDrPatel();
        Instant now = Instant.now();

        ApiClient.Response refused = record(
                patient,
                coordinator(),
                batch(
                        reading(UUID.randomUUID().toString(), "HEART_RATE", 72, "/min", now.minusSeconds(60)),
                        reading(UUID.randomUUID().toString(), "SPO2", 140, "%", now.minusSeconds(60)),
                        reading(UUID.randomUUID().toString(), "WEIGHT", 80, "kg", now.plus(Duration.ofHours(2))),
                        reading(
                                UUID.randomUUID().toString(),
                                "SYSTOLIC_BP",
                                120,
                                "mm[Hg]",
                                Instant.parse("1900-01-01T08:00:00Z")),
                        reading(
                                UUID.randomUUID().toString(),
                                "SYSTOLIC_BP",
                                121,
                                "mm[Hg]",
                                Instant.parse("1941-03-01T08:00:00Z"))));
        ApiClient.Response unknownVital =
                record(patient, coordinator(), batch(reading(UUID.randomUUID().toString(), "MOOD", 3, null, now)));
        ApiClient.Response notAUuid = record(patient, coordinator(), batch(reading("reading-1", "PAIN", 3, null, now)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("type").asString()).endsWith("/problems/validation-failed");
        assertThat(refused.json().path("errors").toString())
                .contains(
                        "observations[1].value",
                        "not physiologically possible",
                        "observations[2].observedAt",
                        "observations[3].observedAt",
                        "is before the patient's birth",
                        "observations[4].observedAt")
                .doesNotContain("observations[0]");
        assertThat(unknownVital.status()).isEqualTo(400);
        assertThat(notAUuid.status()).isEqualTo(400);
        assertThat(api.get(PATIENTS + "/" + patient + "/observations", coordinator())
                        .json()
                        .path("totalItems")
                        .asLong())
                .isZero();
    }

    @Test
    void aCriticalReadingRaisesAnAlertForTheLeadPhysicianWhoAcknowledgesAndResolvesIt() {
        String patient = patientLedByDrPatel();
        String readingId = UUID.randomUUID().toString();

        try (TopicReader topic = new TopicReader("hearth.patient.alerts");
                TopicReader observations = new TopicReader("hearth.patient.observations")) {
            String unscoped = token("monitor", "partner", agency);
            assertThat(record(
                                    patient,
                                    unscoped,
                                    batch(reading(
                                            UUID.randomUUID().toString(),
                                            "SPO2",
                                            97,
                                            "%",
                                            Instant.now().minusSeconds(30))))
                            .status())
                    .isEqualTo(403);
            String monitor = issuer.token()
                    .subject("monitor")
                    .agency("agency", agency)
                    .roles("partner")
                    .scopes("hearth.observations")
                    .audience("patient-service")
                    .sign();
            ApiClient.Response recorded = record(
                    patient,
                    monitor,
                    batch(reading(readingId, "SPO2", 85, "%", Instant.now().minusSeconds(30))));
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);

            ConsumerRecord<String, String> observation = observations
                    .await(r -> patient.equals(r.key()), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no ObservationRecorded"));
            assertThat(EventContracts.violations("org.hearth.patient.ObservationRecorded.v1", observation.value()))
                    .isEmpty();
            assertThat(observation.value()).contains("\"source\":\"DEVICE\"");

            JsonNode raised = Eventually.await(Duration.ofSeconds(20), () -> alerts(patient), a -> a.size() == 1)
                    .get(0);
            assertThat(raised).isNotNull();
            assertThat(raised.path("rule").asString()).isEqualTo("SPO2_BELOW_88");
            assertThat(raised.path("severity").asString()).isEqualTo("CRITICAL");
            assertThat(raised.path("owner").asString()).isEqualTo(drPatel);
            assertThat(raised.path("observationIds").toString()).contains(readingId);
            String alertId = raised.path("id").asString();
            ConsumerRecord<String, String> event = topic.await(r -> patient.equals(r.key()), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no AlertRaised"));
            assertThat(TopicReader.header(event, "ce_type")).isEqualTo("org.hearth.patient.AlertRaised.v1");
            assertThat(EventContracts.violations("org.hearth.patient.AlertRaised.v1", event.value()))
                    .isEmpty();

            String path = PATIENTS + "/" + patient + "/alerts/" + alertId;
            String physician = token(drPatel, "physician", agency);
            ApiClient.Response ack = api.post(path + "/acknowledgement", physician, "");
            assertThat(ack.status()).as(ack.body()).isEqualTo(200);
            assertThat(ack.json().path("acknowledgedBy").asString()).isEqualTo(drPatel);
            assertThat(api.post(path + "/acknowledgement", physician, "").status())
                    .isEqualTo(409);
            ApiClient.Response noNote = api.post(path + "/resolution", physician, "{}");
            assertThat(noNote.status()).isEqualTo(400);
            ApiClient.Response resolved =
                    api.post(path + "/resolution", physician, "{\"note\":\"Oxygen started at 2 L\",\"planVersion\":1}");
            assertThat(resolved.json().path("status").asString()).isEqualTo("RESOLVED");

            ConsumerRecord<String, String> resolvedEvent = topic.await(
                            r -> patient.equals(r.key())
                                    && "org.hearth.patient.AlertResolved.v1".equals(TopicReader.header(r, "ce_type")),
                            Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no AlertResolved"));
            assertThat(EventContracts.violations("org.hearth.patient.AlertResolved.v1", resolvedEvent.value()))
                    .isEmpty();
            assertThat(resolvedEvent.value()).doesNotContain("Oxygen");
        }
    }

    @Test
    void highMorningPressureOnThreeOfFiveDaysRaisesOneTrendAlert() {
        String patient = patientLedByDrPatel();
        ZoneId agencyZone = ZoneId.of("America/New_York");
        LocalDate today = LocalDate.now(agencyZone);
        double[] mornings = {132, 152, 139, 156, 151};
        List<String> readings = new ArrayList<>();
        for (int i = 0; i < mornings.length; i++) {
            Instant at = today.minusDays(5 - i)
                    .atTime(LocalTime.of(7, 30))
                    .atZone(agencyZone)
                    .toInstant();
            readings.add(reading(UUID.randomUUID().toString(), "SYSTOLIC_BP", mornings[i], "mm[Hg]", at));
        }

        assertThat(record(patient, token("nina", "nurse", agency), batch(readings.toArray(String[]::new)))
                        .status())
                .isEqualTo(200);

        JsonNode alerts = Eventually.await(Duration.ofSeconds(20), () -> alerts(patient), a -> a.size() >= 1);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).path("rule").asString()).isEqualTo("MORNING_SYSTOLIC_150_3_OF_5");
        assertThat(alerts.get(0).path("finding").asString())
                .isEqualTo("SYSTOLIC_BP >= 150 mm[Hg] on 3 of the last 5 mornings");
    }

    @Test
    void thePhysicianLowersAThresholdForThisPatientAndAReadingBelowTheDefaultAlerts() {
        String patient = patientLedByDrPatel();
        String path = PATIENTS + "/" + patient + "/alert-thresholds";
        String physician = token(drPatel, "physician", agency);

        ApiClient.Response defaults = api.get(path, physician);
        assertThat(defaults.header("ETag")).hasValue("\"0\"");
        ApiClient.Response impossible = api.send(api.request(path, physician)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"0\"")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"limits\":{\"SYSTOLIC_BP_HIGH_HIGH\":900,\"MOOD_LOW_HIGH\":1}}")));
        assertThat(impossible.status()).isEqualTo(400);
        assertThat(impossible.json().path("errors").toString())
                .contains("limits.SYSTOLIC_BP_HIGH_HIGH", "limits.MOOD_LOW_HIGH");
        ApiClient.Response set = api.send(api.request(path, physician)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"0\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"limits\":{\"SYSTOLIC_BP_HIGH_HIGH\":150}}")));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.body())
                .contains(
                        "\"key\":\"SYSTOLIC_BP_HIGH_HIGH\",\"vital\":\"SYSTOLIC_BP\",\"direction\":\"AT_OR_ABOVE\",\"severity\":\"HIGH\",\"limit\":150.0,\"defaultLimit\":160.0");

        record(
                patient,
                physician,
                batch(reading(
                        UUID.randomUUID().toString(),
                        "SYSTOLIC_BP",
                        155,
                        "mm[Hg]",
                        Instant.now().minusSeconds(30))));

        JsonNode alerts = Eventually.await(Duration.ofSeconds(20), () -> alerts(patient), a -> a.size() >= 1);
        assertThat(alerts.get(0).path("rule").asString()).isEqualTo("SYSTOLIC_BP_AT_OR_ABOVE_150");
    }

    @Test
    void anotherAgencyCanNeitherReadNorRecordNorAcknowledge() {
        String patient = patientLedByDrPatel();
        String stranger = token("rita", "coordinator", UUID.randomUUID().toString());

        assertThat(api.get(PATIENTS + "/" + patient + "/observations", stranger).status())
                .isEqualTo(404);
        assertThat(record(
                                patient,
                                stranger,
                                batch(reading(UUID.randomUUID().toString(), "PAIN", 2, null, Instant.now())))
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                PATIENTS + "/" + patient + "/alerts/" + UUID.randomUUID() + "/acknowledgement",
                                stranger,
                                "")
                        .status())
                .isEqualTo(404);
        assertThat(api.get(PATIENTS + "/" + patient + "/observations", coordinator())
                        .json()
                        .path("totalItems")
                        .asLong())
                .isZero();
    }
}
