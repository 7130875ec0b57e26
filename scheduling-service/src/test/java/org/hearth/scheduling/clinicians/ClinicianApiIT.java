package org.hearth.scheduling.clinicians;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.OpenApiContract;
import org.hearth.platform.test.TestTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@HearthServiceTest
class ClinicianApiIT {

    static final String PATH = "/api/scheduling/v1/clinicians";

    @LocalServerPort
    int port;

    ApiClient api;
    final String agency = UUID.randomUUID().toString();

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
    }

    String token(String role, String agencyId) {
        return TestTokenIssuer.shared()
                .token()
                .agency("a", agencyId)
                .roles(role)
                .audience("scheduling-service")
                .sign();
    }

    static String nina(String hoursEnd) {
        return """
                {"subject":"nina-sub","name":"Nina Nurse","discipline":"RN","skills":["wound-care","iv-therapy"],
                 "certifications":[{"name":"BLS","expiresOn":"2027-03-31"}],
                 "homeBase":{"latitude":39.80,"longitude":-89.65},
                 "hours":[{"day":"MONDAY","start":"08:00","end":"%s"},{"day":"TUESDAY","start":"08:00","end":"16:00"}],
                 "maxVisitsPerDay":6,"timeOff":[],"active":true}""".formatted(hoursEnd);
    }

    @Test
    void theRosterIsMaintainedByCoordinatorsWithIfMatchAndReadByClinicians() {
        ApiClient.Response added = api.post(PATH, token("coordinator", agency), nina("16:00"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String id = added.json().path("id").asString();

        assertThat(api.get(PATH + "/" + id, token("nurse", agency))
                        .json()
                        .path("skills")
                        .toString())
                .contains("wound-care");
        assertThat(api.get(PATH + "?discipline=RN", token("nurse", agency))
                        .json()
                        .path("totalItems")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.get(PATH + "?discipline=PT", token("nurse", agency))
                        .json()
                        .path("totalItems")
                        .asLong())
                .isZero();
        assertThat(api.post(PATH, token("nurse", agency), nina("16:00")).status())
                .isEqualTo(403);

        ApiClient.Response updated = api.send(api.request(PATH + "/" + id, token("coordinator", agency))
                .header("Content-Type", "application/json")
                .header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString(nina("14:00"))));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        ApiClient.Response stale = api.send(api.request(PATH + "/" + id, token("coordinator", agency))
                .header("Content-Type", "application/json")
                .header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString(nina("15:00"))));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(api.get(PATH + "/" + id, token("coordinator", agency))
                        .json()
                        .path("hours")
                        .get(0)
                        .path("end")
                        .asString())
                .isEqualTo("14:00:00");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameClinicianAndAddsNobody() {
        String coordinator = TestTokenIssuer.shared()
                .token()
                .subject("coord-" + agency)
                .agency("a", agency)
                .roles("coordinator")
                .audience("scheduling-service")
                .sign();
        String key = "roster-" + UUID.randomUUID();

        ApiClient.Response first = addWithKey(coordinator, key, nina("16:00"));
        ApiClient.Response retry = addWithKey(coordinator, key, nina("16:00"));
        ApiClient.Response otherBody = addWithKey(coordinator, key, nina("15:00"));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(api.get(PATH, coordinator).json().path("totalItems").asLong())
                .isEqualTo(1);
    }

    private ApiClient.Response addWithKey(String token, String key, String body) {
        return api.send(api.request(PATH, token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void badRostersAnswerProblemDetailsAndStoreNothing() {
        ApiClient.Response backwards = api.post(PATH, token("coordinator", agency), nina("07:00"));
        ApiClient.Response badSkill =
                api.post(PATH, token("coordinator", agency), nina("16:00").replace("wound-care", "Wound Care!"));
        ApiClient.Response unknownField =
                api.post(PATH, token("coordinator", agency), nina("16:00").replaceFirst("\\{", "{\"tenantId\":\"x\","));
        ApiClient.Response noBase =
                api.post(PATH, token("coordinator", agency), nina("16:00").replace("\"latitude\":39.80,", ""));

        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().path("errors").get(0).path("field").asString())
                .isEqualTo("hours");
        assertThat(badSkill.status()).isEqualTo(400);
        assertThat(unknownField.json().path("type").asString()).endsWith("/problems/unknown-field");
        assertThat(noBase.status()).isEqualTo(400);
        assertThat(api.get(PATH, token("coordinator", agency))
                        .json()
                        .path("totalItems")
                        .asLong())
                .isZero();
    }

    @Test
    void aClinicianSpeaksTheLanguagesOnFileAsLanguageTags() {
        String withLanguages =
                nina("16:00").replace("\"active\":true", "\"active\":true,\"languages\":[\"en\",\"es-MX\"]");
        ApiClient.Response added = api.post(PATH, token("coordinator", agency), withLanguages);
        ApiClient.Response spelledOut =
                api.post(PATH, token("coordinator", agency), withLanguages.replace("es-MX", "Spanish"));

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(api.get(PATH + "/" + added.json().path("id").asString(), token("nurse", agency))
                        .json()
                        .path("languages")
                        .toString())
                .contains("es-MX")
                .contains("en");
        assertThat(spelledOut.status()).isEqualTo(400);
        assertThat(api.post(PATH, token("coordinator", agency), nina("16:00"))
                        .json()
                        .path("languages")
                        .size())
                .as("none on file")
                .isZero();
    }

    @Test
    void anotherAgencysClinicianIsNotFound() {
        String id = api.post(PATH, token("coordinator", agency), nina("16:00"))
                .json()
                .path("id")
                .asString();

        assertThat(api.get(
                                PATH + "/" + id,
                                token("coordinator", UUID.randomUUID().toString()))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentServedIsTheOneCheckedInForTheConsole() {
        OpenApiContract.check(api, "/api/scheduling/v3/api-docs", "scheduling");
    }
}
