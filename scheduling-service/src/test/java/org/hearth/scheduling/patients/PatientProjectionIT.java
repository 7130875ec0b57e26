package org.hearth.scheduling.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.TopicWriter;
import org.hearth.platform.test.story.Tokens;
import org.hearth.scheduling.patients.PatientEventsV1.PatientAdmittedV1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@HearthServiceTest
class PatientProjectionIT {

    static final String TOPIC = "hearth.patient.events";
    static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    ApiClient api;
    TopicWriter kafka;
    final String sunrise = UUID.randomUUID().toString();
    final String riverbend = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
        kafka = new TopicWriter();
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    String coordinator(String agency) {
        return Tokens.coordinator(agency, "scheduling-service");
    }

    static String admitted(String patientId, String postalCode) {
        return EventContracts.example(PatientAdmittedV1.TYPE)
                .replace("0b6f7c1e-3f55-4d7a-9a43-2f1c7d8e9a10", patientId)
                .replace("62701", postalCode);
    }

    void publish(String eventId, String patientId, String body) {
        kafka.send(TOPIC, patientId, TopicWriter.envelope(eventId, PatientAdmittedV1.TYPE, patientId, sunrise), body);
    }

    ApiClient.Response awaitPatient(String patientId) {
        return Eventually.await(
                WAIT,
                () -> api.get("/api/scheduling/v1/patients/" + patientId, coordinator(sunrise)),
                response -> response.status() == 200);
    }

    @Test
    void projectsAdmittedPatientForItsAgencyOnly() {
        String patientId = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), patientId, admitted(patientId, "62701"));

        ApiClient.Response view = awaitPatient(patientId);

        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().get("patientId").asString()).isEqualTo(patientId);
        assertThat(view.json().get("postalCode").asString()).isEqualTo("62701");
        assertThat(view.json().get("status").asString()).isEqualTo("ACTIVE");
        ApiClient.Response foreign = api.get("/api/scheduling/v1/patients/" + patientId, coordinator(riverbend));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
    }

    @Test
    void redeliveredEventIsAppliedOnlyOnce() {
        String patientId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        publish(eventId, patientId, admitted(patientId, "62701"));
        assertThat(awaitPatient(patientId).status()).isEqualTo(200);

        // same ce_id, different body: a duplicate must not change anything
        publish(eventId, patientId, admitted(patientId, "99999"));
        String marker = UUID.randomUUID().toString();
        publish(marker, patientId, admitted(patientId, "60601"));

        ApiClient.Response after = Eventually.await(
                WAIT,
                () -> api.get("/api/scheduling/v1/patients/" + patientId, coordinator(sunrise)),
                response -> "60601".equals(response.json().get("postalCode").asString()));
        assertThat(after.json().get("postalCode").asString()).isEqualTo("60601");
    }

    @Test
    void poisonEventGoesToDeadLetterTopicAndDoesNotBlockThePatientsPartition() {
        String patientId = UUID.randomUUID().toString();
        String poisonId = UUID.randomUUID().toString();
        publish(poisonId, patientId, "{not json");
        Map<String, String> noTenant =
                TopicWriter.envelope(UUID.randomUUID().toString(), PatientAdmittedV1.TYPE, patientId, sunrise);
        noTenant.remove("ce_tenantid");
        kafka.send(TOPIC, patientId, noTenant, admitted(patientId, "11111"));
        publish(UUID.randomUUID().toString(), patientId, admitted(patientId, "62701"));

        assertThat(awaitPatient(patientId).json().get("postalCode").asString()).isEqualTo("62701");
        try (TopicReader dlt = new TopicReader(TOPIC + ".dlt")) {
            ConsumerRecord<String, String> dead = dlt.await(r -> poisonId.equals(TopicReader.header(r, "ce_id")), WAIT)
                    .orElseThrow(() -> new AssertionError("poison event not dead-lettered"));
            assertThat(dead.value()).isEqualTo("{not json");
            assertThat(TopicReader.header(dead, "kafka_dlt-exception-message")).contains("not JSON");
            assertThat(TopicReader.header(dead, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        }
    }

    /** The edge refuses an admission without patientId: no projection with a generated id, the next event applies. */
    @Test
    void anAdmissionWithoutPatientIdCreatesNothingAndIsDeadLettered() {
        String agency = UUID.randomUUID().toString();
        String patientId = UUID.randomUUID().toString();
        String missingId = UUID.randomUUID().toString();
        String body = admitted(patientId, "62701").replace("\"patientId\": \"" + patientId + "\",", "");
        assertThat(body).doesNotContain("patientId");
        kafka.send(TOPIC, patientId, TopicWriter.envelope(missingId, PatientAdmittedV1.TYPE, patientId, agency), body);
        kafka.send(
                TOPIC,
                patientId,
                TopicWriter.envelope(UUID.randomUUID().toString(), PatientAdmittedV1.TYPE, patientId, agency),
                admitted(patientId, "62701"));

        ApiClient.Response one = Eventually.await(
                WAIT,
                () -> api.get("/api/scheduling/v1/patients", coordinator(agency)),
                response ->
                        response.status() == 200 && response.json().get("items").size() > 0);
        try (TopicReader dlt = new TopicReader(TOPIC + ".dlt")) {
            assertThat(dlt.await(r -> missingId.equals(TopicReader.header(r, "ce_id")), WAIT))
                    .isPresent();
        }
        assertThat(api.get("/api/scheduling/v1/patients", coordinator(agency))
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);
        assertThat(one.json().get("items").get(0).get("patientId").asString()).isEqualTo(patientId);
    }

    @Test
    void refusesTokensForAnotherAudience() {
        String patientsToken = TestTokenIssuer.shared()
                .token()
                .agency("a", sunrise)
                .roles("coordinator")
                .audience("patient-service")
                .sign();

        assertThat(api.get("/api/scheduling/v1/patients", patientsToken).status())
                .isEqualTo(401);
    }
}
