package org.hearth.patient.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.platform.test.PublishedEvents.on;
import static org.hearth.platform.test.PublishedEvents.published;

import java.net.http.HttpRequest;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.story.Agencies;
import org.hearth.platform.test.story.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@HearthServiceTest
class PatientProfileApiIT {

    static final String PATH = "/api/patients/v1/patients";

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

    String admitted() {
        return api.post(PATH, coordinator(), PatientApiIT.jane())
                .json()
                .path("id")
                .asString();
    }

    ApiClient.Response send(String method, String path, String ifMatch, String json) {
        HttpRequest.Builder request = api.request(path, coordinator())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return api.send(request);
    }

    static String profile(String code) {
        return """
                {"homebound":{"homebound":true,"reason":"Needs a walker and help on stairs; dyspnea after 10 m"},
                 "diagnoses":[{"code":"%s","description":"Heart failure, unspecified","primary":true},
                              {"code":"E11.9","description":"Type 2 diabetes","primary":false}],
                 "allergies":[{"substance":"Penicillin","reaction":"Hives","severity":"MODERATE"}]}""".formatted(code);
    }

    @Test
    void theProfileIsReplacedWithIfMatchAndShownWithThePatient() {
        String id = admitted();
        ApiClient.Response read = api.get(PATH + "/" + id, coordinator());
        assertThat(read.header("ETag")).hasValue("\"0\"");

        ApiClient.Response updated = send("PUT", PATH + "/" + id + "/clinical-profile", "\"0\"", profile("i50.9"));

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.header("ETag")).hasValue("\"1\"");
        assertThat(updated.json()
                        .path("clinical")
                        .path("diagnoses")
                        .get(0)
                        .path("code")
                        .asString())
                .isEqualTo("I50.9");
        assertThat(api.get(PATH + "/" + id, coordinator())
                        .json()
                        .path("clinical")
                        .path("homebound")
                        .path("homebound")
                        .asBoolean())
                .isTrue();
        assertThat(send("PUT", PATH + "/" + id + "/clinical-profile", "\"0\"", profile("I50.9"))
                        .status())
                .isEqualTo(412);
        assertThat(send("PUT", PATH + "/" + id + "/clinical-profile", null, profile("I50.9"))
                        .status())
                .isEqualTo(428);
    }

    @Test
    void aMalformedIcd10CodeIsRefusedWithTheFieldAndNothingChanges() {
        String id = admitted();

        ApiClient.Response refused = send("PUT", PATH + "/" + id + "/clinical-profile", "\"0\"", profile("I50-9"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("diagnoses");
        assertThat(refused.json().path("errors").get(0).path("message").asString())
                .contains("\"I50-9\" is not an ICD-10-CM code");
        ApiClient.Response after = api.get(PATH + "/" + id, coordinator());
        assertThat(after.header("ETag")).hasValue("\"0\"");
        assertThat(after.json().path("clinical").path("diagnoses")).isEmpty();
    }

    @Test
    void dischargePublishesTheReasonCodeOnlyAndHappensOnce() {
        String id = admitted();

        try (TopicReader topic = new TopicReader("hearth.patient.events")) {
            ApiClient.Response discharged = send(
                    "POST",
                    PATH + "/" + id + "/discharge",
                    "\"0\"",
                    "{\"dischargedOn\":\"2030-01-20\",\"reason\":\"GOALS_MET\",\"note\":\"Walks 100 m unaided\"}");
            assertThat(discharged.status()).as(discharged.body()).isEqualTo(200);
            assertThat(discharged.json().path("status").asString()).isEqualTo("DISCHARGED");

            ConsumerRecord<String, String> event = published(on(topic))
                    .ofType(PatientDischarged.TYPE)
                    .about(id)
                    .await();
            assertThat(EventContracts.violations(PatientDischarged.TYPE, event.value()))
                    .isEmpty();
            assertThat(event.value()).doesNotContain("Walks");
        }
        ApiClient.Response again = send(
                "POST",
                PATH + "/" + id + "/discharge",
                "\"1\"",
                "{\"dischargedOn\":\"2030-01-21\",\"reason\":\"OTHER\"}");
        assertThat(again.status()).isEqualTo(409);
        ApiClient.Response badReason = send(
                "POST",
                PATH + "/" + admitted() + "/discharge",
                "\"0\"",
                "{\"dischargedOn\":\"2030-01-21\",\"reason\":\"BORED\"}");
        assertThat(badReason.status()).isEqualTo(400);
    }

    @Test
    void careIsPutOnHoldDuringAHospitalStayAndResumedWithEvents() {
        String id = admitted();

        try (TopicReader topic = new TopicReader("hearth.patient.events")) {
            ApiClient.Response held = send("POST", PATH + "/" + id + "/hold", "\"0\"", "{\"reason\":\"HOSPITALIZED\"}");
            assertThat(held.status()).as(held.body()).isEqualTo(200);
            assertThat(held.json().path("status").asString()).isEqualTo("ON_HOLD");
            assertThat(send("POST", PATH + "/" + id + "/hold", "\"1\"", "{\"reason\":\"OTHER\"}")
                            .status())
                    .isEqualTo(409);
            ApiClient.Response resumed = send("POST", PATH + "/" + id + "/resumption", "\"1\"", "");
            assertThat(resumed.json().path("status").asString()).isEqualTo("ACTIVE");

            ConsumerRecord<String, String> event = published(on(topic))
                    .ofType(PatientStatusChanged.TYPE)
                    .about(id)
                    .await();
            assertThat(EventContracts.violations(PatientStatusChanged.TYPE, event.value()))
                    .isEmpty();
            assertThat(event.value()).contains("\"status\":\"ON_HOLD\"", "HOSPITALIZED");
        }
    }

    @Test
    void anotherAgencysPatientProfileIsNotFound() {
        String id = admitted();
        String stranger = issuer.token()
                .agency("b", UUID.randomUUID().toString())
                .roles("coordinator")
                .audience("patient-service")
                .sign();

        ApiClient.Response response = api.send(api.request(PATH + "/" + id + "/clinical-profile", stranger)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"0\"")
                .PUT(HttpRequest.BodyPublishers.ofString(profile("I50.9"))));

        assertThat(response.status()).isEqualTo(404);
    }
}
