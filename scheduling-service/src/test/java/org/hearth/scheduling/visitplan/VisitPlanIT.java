package org.hearth.scheduling.visitplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TopicWriter;
import org.hearth.platform.test.story.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Signed plans of care on the real broker become visit requirements; revisions replace only future weeks. */
@HearthServiceTest
class VisitPlanIT {

    static final String TOPIC = "hearth.patient.events";

    @LocalServerPort
    int port;

    ApiClient api;
    TopicWriter kafka;
    final String agency = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
        kafka = new TopicWriter();
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    String coordinator(String agencyId) {
        return Tokens.coordinator(agencyId, "scheduling-service");
    }

    /** The golden example for this patient as plan {@code version}, signed at {@code signedAt}, schema-valid. */
    String signed(String patientId, int version, String signedAt, String frequencyOrders) {
        String body = """
                {"patientId":"%s","planVersion":%d,"supersedesVersion":%s,"signedAt":"%s","signedBy":"dr-patel",
                 "frequencyOrders":%s}""".formatted(
                patientId, version, version > 1 ? String.valueOf(version - 1) : "null", signedAt, frequencyOrders);
        assertThat(EventContracts.violations(CarePlanSignedV1.TYPE, body)).isEmpty();
        return body;
    }

    void publish(String patientId, String body) {
        kafka.send(
                TOPIC,
                patientId,
                TopicWriter.envelope(UUID.randomUUID().toString(), CarePlanSignedV1.TYPE, patientId, agency),
                body);
    }

    JsonNode awaitVersion(String patientId, int version) {
        return Eventually.await(
                        Duration.ofSeconds(20),
                        () -> api.get(
                                "/api/scheduling/v1/patients/" + patientId + "/visit-requirements",
                                coordinator(agency)),
                        r -> r.status() == 200 && r.json().path("planVersion").asInt() == version)
                .json();
    }

    @Test
    void aSignedPlanBecomesWeeklyRequirementsAndARevisionReplacesOnlyFutureWeeks() {
        String patient = UUID.randomUUID().toString();
        publish(patient, signed(patient, 1, "2026-11-25T15:00:00Z", """
                [{"discipline":"SN","segments":[{"minPerWeek":2,"maxPerWeek":2,"weeks":4}],"prnVisits":0}]"""));

        JsonNode first = awaitVersion(patient, 1);
        assertThat(first.path("requirements")).hasSize(4);
        assertThat(first.path("requirements").get(0).path("from").asString()).isEqualTo("2026-11-25");
        assertThat(first.path("requirements").get(0).path("partialWeek").asBoolean())
                .isTrue();

        publish(patient, signed(patient, 2, "2026-12-02T15:00:00Z", """
                [{"discipline":"SN","segments":[{"minPerWeek":3,"maxPerWeek":3,"weeks":2}],"prnVisits":0}]"""));
        JsonNode revised = awaitVersion(patient, 2);
        assertThat(revised.path("requirements").toString())
                .contains(
                        "\"from\":\"2026-11-25\"",
                        "\"from\":\"2026-11-29\"",
                        "\"from\":\"2026-12-06\"",
                        "\"from\":\"2026-12-13\"")
                .doesNotContain("\"from\":\"2026-12-20\"");
        assertThat(revised.path("requirements").get(2).path("minVisits").asInt())
                .isEqualTo(3);

        publish(patient, signed(patient, 1, "2026-11-25T15:00:00Z", """
                [{"discipline":"PT","segments":[{"minPerWeek":1,"maxPerWeek":1,"weeks":1}],"prnVisits":0}]"""));
        // Same key, same partition: version 3 is handled after the stale replay. Had the replay been applied,
        // its PT week of 25 November would have been kept by this revision.
        publish(patient, signed(patient, 3, "2026-12-09T15:00:00Z", """
                [{"discipline":"SN","segments":[{"minPerWeek":1,"maxPerWeek":1,"weeks":1}],"prnVisits":0}]"""));
        assertThat(awaitVersion(patient, 3).path("requirements").toString()).doesNotContain("PT");
    }

    @Test
    void anotherAgencySeesNoRequirements() {
        String patient = UUID.randomUUID().toString();
        publish(patient, signed(patient, 1, "2026-11-25T15:00:00Z", """
                [{"discipline":"PT","segments":[{"minPerWeek":2,"maxPerWeek":2,"weeks":1}],"prnVisits":0}]"""));
        awaitVersion(patient, 1);

        assertThat(api.get(
                                "/api/scheduling/v1/patients/" + patient + "/visit-requirements",
                                coordinator(UUID.randomUUID().toString()))
                        .status())
                .isEqualTo(404);
    }
}
