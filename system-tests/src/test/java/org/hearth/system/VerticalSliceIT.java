package org.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.Eventually;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * ARCHITECTURE §9 system test: the stack of {@code ./hearth up} with tokens from the real Keycloak. A patient
 * admitted through the gateway is stored for one agency, travels through the outbox and Kafka, and appears in
 * scheduling's projection; the other agency sees neither.
 */
@ExtendWith(SharedStack.class)
class VerticalSliceIT {

    static final String PATIENTS = "/api/patients/v1/patients";
    static final String SCHEDULING = "/api/scheduling/v1/patients";
    static final LocalStack STACK = SharedStack.STACK;
    static final Keycloak KEYCLOAK = new Keycloak(LocalStack.KEYCLOAK_PORT);
    static final ApiClient GATEWAY = ApiClient.onPort(LocalStack.GATEWAY_PORT);

    /** Taken right after start so that its expiry (plus the validators' clock skew) elapses during other tests. */
    static String expiredToken;

    @BeforeAll
    static void shortLived() throws IOException {
        expiredToken = shortLivedToken();
    }

    static String jane() {
        return """
                {"givenName":"Jane","familyName":"Roe","birthDate":"1944-07-09","language":"en",
                 "address":{"line1":"4 Mill Lane","city":"Springfield","state":"IL","postalCode":"62704",
                            "latitude":39.77,"longitude":-89.68}}""";
    }

    @Test
    void realTokensCarryTheAgencyWithItsIdTheRealmRolesAndEveryAudience() {
        JsonNode carla = Keycloak.claims(KEYCLOAK.userToken("carla.coordinator"));
        JsonNode rita = Keycloak.claims(KEYCLOAK.userToken("rita.coordinator"));
        JsonNode partner = Keycloak.claims(KEYCLOAK.partnerToken("sunrise-partner", "sunrise-partner-secret"));

        assertThat(carla.path("iss").asString())
                .isEqualTo("http://127.0.0.1:" + LocalStack.KEYCLOAK_PORT + "/realms/hearth");
        assertThat(carla.path("organization").path("sunrise").path("id").asString())
                .isNotBlank();
        assertThat(carla.path("realm_access").path("roles").toString()).contains("\"coordinator\"");
        assertThat(carla.path("aud").toString())
                .contains(
                        "hearth-gateway",
                        "patient-service",
                        "scheduling-service",
                        "messaging-service",
                        "billing-service");
        assertThat(carla.path("exp").asLong() - carla.path("iat").asLong()).isEqualTo(300);
        assertThat(rita.path("organization").path("riverbend").path("id").asString())
                .isNotBlank()
                .isNotEqualTo(
                        carla.path("organization").path("sunrise").path("id").asString());
        assertThat(partner.path("organization").path("sunrise").path("id").asString())
                .isEqualTo(carla.path("organization").path("sunrise").path("id").asString());
        assertThat(partner.path("realm_access").path("roles").toString()).contains("\"partner\"");
        assertThat(partner.path("scope").asString()).contains("hearth.referrals", "hearth.observations");
        assertThat(carla.path("scope").asString()).doesNotContain("hearth.referrals");
    }

    @Test
    void aPatientAdmittedThroughTheGatewayReachesSchedulingAndStaysInsideItsAgency() {
        String carla = KEYCLOAK.userToken("carla.coordinator");
        String rita = KEYCLOAK.userToken("rita.coordinator");

        ApiClient.Response created = GATEWAY.post(PATIENTS, carla, jane());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.header("Location")).hasValue(PATIENTS + "/" + id);
        assertThat(created.header("X-Correlation-Id")).isPresent();

        assertThat(GATEWAY.get(PATIENTS + "/" + id, carla)
                        .json()
                        .path("familyName")
                        .asString())
                .isEqualTo("Roe");
        ApiClient.Response projected = Eventually.await(
                Duration.ofSeconds(30), () -> GATEWAY.get(SCHEDULING + "/" + id, carla), r -> r.status() == 200);
        assertThat(projected.json().path("postalCode").asString()).isEqualTo("62704");
        assertThat(projected.body()).doesNotContain("Roe").doesNotContain("Mill Lane");

        for (String path : List.of(PATIENTS + "/" + id, SCHEDULING + "/" + id)) {
            ApiClient.Response foreign = GATEWAY.get(path, rita);
            assertThat(foreign.status()).as(path).isEqualTo(404);
            assertThat(foreign.contentType()).startsWith("application/problem+json");
        }
        assertThat(GATEWAY.get(PATIENTS + "?size=200", rita).body()).doesNotContain(id);
    }

    @Test
    void aPartnerSystemWithClientCredentialsAdmitsForItsOwnAgencyOnly() {
        String sunrisePartner = KEYCLOAK.partnerToken("sunrise-partner", "sunrise-partner-secret");
        String riverbendPartner = KEYCLOAK.partnerToken("riverbend-partner", "riverbend-partner-secret");

        ApiClient.Response created = GATEWAY.post(PATIENTS, sunrisePartner, jane());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();

        assertThat(GATEWAY.get(PATIENTS + "/" + id, sunrisePartner).status()).isEqualTo(200);
        assertThat(GATEWAY.get(PATIENTS + "/" + id, KEYCLOAK.userToken("carla.coordinator"))
                        .status())
                .isEqualTo(200);
        assertThat(GATEWAY.get(PATIENTS + "/" + id, riverbendPartner).status()).isEqualTo(404);
    }

    @Test
    void badInputAnswersProblemDetailsAndStoresNothing() throws IOException {
        String carla = KEYCLOAK.userToken("carla.coordinator");
        long before = total(carla);

        ApiClient.Response malformed = GATEWAY.post(PATIENTS, carla, "{\"givenName\": \"Jane\",");
        ApiClient.Response unknownField =
                GATEWAY.post(PATIENTS, carla, jane().replaceFirst("\\{", "{\"tenantId\":\"riverbend\","));
        ApiClient.Response noToken = GATEWAY.post(PATIENTS, null, jane());
        ApiClient.Response wrongAudience = GATEWAY.post(PATIENTS, tokenWithoutHearthAudiences(), jane());
        ApiClient.Response expired = GATEWAY.post(PATIENTS, afterExpiry(expiredToken), jane());

        assertProblem(malformed, 400, "malformed-json");
        assertProblem(unknownField, 400, "unknown-field");
        assertProblem(noToken, 401, "unauthenticated");
        assertProblem(wrongAudience, 401, "unauthenticated");
        assertProblem(expired, 401, "unauthenticated");
        assertThat(total(carla)).isEqualTo(before);
    }

    private static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).endsWith("/problems/" + type);
        assertThat(response.json().path("correlationId").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static long total(String token) {
        return GATEWAY.get(PATIENTS + "?size=1", token)
                .json()
                .path("totalItems")
                .asLong();
    }

    /** A genuine Keycloak token of a client that does not carry the Hearth audiences. */
    private static String tokenWithoutHearthAudiences() throws IOException {
        KEYCLOAK.createClient(STACK.keycloakAdminPassword(), """
                {"clientId":"probe-no-audience","publicClient":true,"directAccessGrantsEnabled":true,
                 "standardFlowEnabled":false,"defaultClientScopes":["basic","roles","organization"]}""");
        String token = KEYCLOAK.passwordToken("probe-no-audience", "carla.coordinator");
        assertThat(Keycloak.claims(token).path("aud").toString()).doesNotContain("hearth-gateway");
        return token;
    }

    /** A genuine Keycloak token that lives one second. */
    private static String shortLivedToken() throws IOException {
        KEYCLOAK.createClient(STACK.keycloakAdminPassword(), """
                {"clientId":"probe-short-lived","publicClient":true,"directAccessGrantsEnabled":true,
                 "standardFlowEnabled":false,"attributes":{"access.token.lifespan":"1"},
                 "defaultClientScopes":["basic","roles","organization","hearth-audiences"]}""");
        return KEYCLOAK.passwordToken("probe-short-lived", "carla.coordinator");
    }

    private static String afterExpiry(String token) {
        long expiresAt = Keycloak.claims(token).path("exp").asLong();
        // Spring's JwtTimestampValidator allows 60 s of clock skew, so wait until the token is past it.
        Eventually.await(Duration.ofSeconds(90), () -> System.currentTimeMillis() / 1000, now -> now > expiresAt + 61);
        return token;
    }
}
