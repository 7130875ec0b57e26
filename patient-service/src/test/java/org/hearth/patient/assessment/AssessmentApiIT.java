package org.hearth.patient.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.platform.test.PublishedEvents.on;
import static org.hearth.platform.test.PublishedEvents.published;

import java.net.http.HttpRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.story.Agencies;
import org.hearth.platform.test.story.Patients;
import org.hearth.platform.test.story.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@HearthServiceTest
class AssessmentApiIT {

    @LocalServerPort
    int port;

    ApiClient api;
    final TestTokenIssuer issuer = TestTokenIssuer.shared();
    final String agency = Agencies.sunrise().id();

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
    }

    String coordinator() {
        return Tokens.coordinator(agency, "patient-service");
    }

    String patient() {
        return api.post("/api/patients/v1/patients", coordinator(), Patients.jane())
                .json()
                .path("id")
                .asString();
    }

    ApiClient.Response put(String path, String ifMatch, String body) {
        return api.send(api.request(path, coordinator())
                .header("Content-Type", "application/json")
                .header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    ApiClient.Response complete(String path, String ifMatch) {
        return api.send(api.request(path + "/completion", coordinator())
                .header("If-Match", ifMatch)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void anIncompleteAssessmentCannotBeCompletedAndSaysWhatIsMissing() {
        String path = "/api/patients/v1/patients/" + patient() + "/assessment";
        String partial = Assessments.complete()
                .replaceFirst("\\{\"item\":\"PETS\",\"status\":\"OK\"},?", "")
                .replace("[\"Walk to the mailbox by Christmas\"]", "[]");
        assertThat(put(path, "\"0\"", partial).status()).isEqualTo(200);

        ApiClient.Response refused = complete(path, "\"1\"");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").toString()).contains("PETS", "goals");
        assertThat(api.get(path, coordinator()).json().path("status").asString())
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void aHazardNeedsAnActionAndImpossibleBaselineVitalsAreRefused() {
        String path = "/api/patients/v1/patients/" + patient() + "/assessment";

        ApiClient.Response noAction =
                put(path, "\"0\"", Assessments.complete().replace(",\"action\":\"remove runner\"", ""));
        ApiClient.Response impossible =
                put(path, "\"0\"", Assessments.complete().replace("\"value\":148", "\"value\":480"));

        assertThat(noAction.status()).isEqualTo(400);
        assertThat(noAction.json().path("errors").toString()).contains("LOOSE_RUGS is a hazard and needs an action");
        assertThat(impossible.status()).isEqualTo(400);
        assertThat(impossible.json().path("errors").get(0).path("field").asString())
                .isEqualTo("baseline[0].value");
        assertThat(api.get(path, coordinator()).status()).isEqualTo(404);
    }

    @Test
    void theFirstCarePlanWaitsForACompletedAssessmentWhichPublishesHazardCodesOnly() {
        String patientId = patient();
        String base = "/api/patients/v1/patients/" + patientId;
        String draft = """
                {"problems":[],"interventions":[],"medications":[],"diet":[],"equipment":[],"communityServices":[],
                 "frequency":"SN 2W4"}""";

        ApiClient.Response tooEarly = put(base + "/care-plan/draft", "\"0\"", draft);
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().path("detail").asString()).contains("initial assessment");

        try (TopicReader topic = new TopicReader("hearth.patient.events")) {
            Assessments.completeFor(api, patientId, coordinator());
            ConsumerRecord<String, String> event = published(on(topic))
                    .ofType(AssessmentCompleted.TYPE)
                    .about(patientId)
                    .await();
            assertThat(EventContracts.violations(AssessmentCompleted.TYPE, event.value()))
                    .isEmpty();
            assertThat(event.value())
                    .contains("LOOSE_RUGS", "\"activitiesNeedingHelp\":1")
                    .doesNotContain("hall runner");
        }
        assertThat(put(base + "/care-plan/draft", "\"0\"", draft).status()).isEqualTo(200);
        assertThat(put(base + "/assessment", "\"2\"", Assessments.complete()).status())
                .isEqualTo(409);
    }
}
