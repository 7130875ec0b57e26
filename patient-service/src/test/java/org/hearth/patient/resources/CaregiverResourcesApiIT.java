package org.hearth.patient.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** An agency's caregiver resources: kept by coordinators, read by staff and families, invisible to other agencies. */
@HearthServiceTest
class CaregiverResourcesApiIT {

    static final String API = "/api/patients/v1/agency/caregiver-resources";

    @LocalServerPort
    int port;

    final TestTokenIssuer issuer = TestTokenIssuer.shared();
    final String sunrise = UUID.randomUUID().toString();
    final String riverbend = UUID.randomUUID().toString();
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
    }

    String token(String agency, String role) {
        return issuer.token()
                .subject(role + "-" + agency)
                .agency("a", agency)
                .roles(role)
                .audience("patient-service")
                .sign();
    }

    @Test
    void coordinatorsKeepTheListFamiliesReadItOtherAgenciesNeverSeeIt() {
        String coordinator = token(sunrise, "coordinator");
        ApiClient.Response added = api.post(API, coordinator, """
                {"category":"SUPPORT_GROUP","title":"  Caregivers' circle  ","description":"Thursdays 6 pm, library room 2",
                 "contact":"555-0142","url":"https://sunrise.example/circle"}""");
        assertThat(added.status()).isEqualTo(201);
        String id = added.json().path("id").asString();
        assertThat(added.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(API + "/" + id));
        assertThat(added.json().path("title").asString()).isEqualTo("Caregivers' circle");
        api.post(API, coordinator, """
                {"category":"RESPITE","title":"Weekend respite","description":"Up to 48 h of in-home relief care"}""");

        JsonNode asFamily = api.get(API, token(sunrise, "family")).json();
        assertThat(asFamily.path("items")
                        .valueStream()
                        .map(r -> r.path("category").asString()))
                .containsExactly("RESPITE", "SUPPORT_GROUP"); // by category, then title
        assertThat(asFamily.path("totalItems").asInt()).isEqualTo(2);
        assertThat(api.get(API + "?category=RESPITE", token(sunrise, "nurse"))
                        .json()
                        .path("items"))
                .hasSize(1);

        assertThat(api.get(API, token(riverbend, "coordinator")).json().path("items"))
                .isEmpty();
        assertThat(api.get(API + "/" + id, token(riverbend, "coordinator")).status())
                .isEqualTo(404);
        assertThat(delete(id, token(riverbend, "coordinator")).status()).isEqualTo(404);
        assertThat(api.get(API + "/" + id, token(sunrise, "family"))
                        .json()
                        .path("contact")
                        .asString())
                .isEqualTo("555-0142");

        assertThat(delete(id, token(sunrise, "family")).status()).isEqualTo(403);
        assertThat(delete(id, coordinator).status()).isEqualTo(204);
        assertThat(api.get(API + "/" + id, coordinator).status()).isEqualTo(404);
    }

    @Test
    void badResourcesAreRefusedFieldByFieldAndNothingIsStored() {
        String coordinator = token(sunrise, "coordinator");
        ApiClient.Response refused = api.post(API, coordinator, """
                {"category":"PICNIC","title":"x","description":"y"}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        ApiClient.Response script = api.post(API, coordinator, """
                {"category":"EDUCATION","title":"","description":"y","url":"javascript:alert(1)"}""");
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .contains("title", "url");

        assertThat(api.post(API, token(sunrise, "family"), """
                {"category":"EDUCATION","title":"t","description":"d"}""").status()).isEqualTo(403);
        assertThat(api.post(API, token(sunrise, "partner"), """
                {"category":"EDUCATION","title":"t","description":"d"}""").status()).isEqualTo(403);
        assertThat(api.get(API, coordinator).json().path("items")).isEmpty();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameResourceAndAddsNothing() {
        String coordinator = token(sunrise, "coordinator");
        String key = "resource-" + UUID.randomUUID();
        String respite = """
                {"category":"RESPITE","title":"Weekend respite","description":"Up to 48 h of in-home relief care"}""";

        ApiClient.Response first = addWithKey(coordinator, key, respite);
        ApiClient.Response retry = addWithKey(coordinator, key, respite);
        ApiClient.Response otherBody = addWithKey(coordinator, key, respite.replace("48 h", "72 h"));
        ApiClient.Response sameKeyOtherAgency = addWithKey(token(riverbend, "coordinator"), key, respite);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().path("type").asString()).endsWith("/problems/idempotency-key-reused");
        assertThat(api.get(API, coordinator).json().path("totalItems").asInt()).isEqualTo(1);
        assertThat(sameKeyOtherAgency.status()).isEqualTo(201); // keys are per caller and agency
        assertThat(sameKeyOtherAgency.json().path("id").asString())
                .isNotEqualTo(first.json().path("id").asString());
    }

    private ApiClient.Response addWithKey(String token, String key, String body) {
        return api.send(api.request(API, token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private ApiClient.Response delete(String id, String token) {
        return api.send(api.request(API + "/" + id, token).DELETE());
    }
}
