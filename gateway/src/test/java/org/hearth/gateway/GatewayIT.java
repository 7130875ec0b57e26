package org.hearth.gateway;

import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of real HTTP servers standing in for the services, with tokens whose keys it
 * fetches from a real JWKS endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIT {

    private static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
    private static final StubService PATIENTS = new StubService("patients");
    private static final StubService SCHEDULING = new StubService("scheduling");
    private static final int NOBODY_LISTENS = freePort();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("hearth.security.issuer-uri", ISSUER::issuerUri);
        registry.add("hearth.security.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("hearth.gateway.services.patient", () -> PATIENTS.uri().toString());
        registry.add("hearth.gateway.services.scheduling", () -> SCHEDULING.uri().toString());
        registry.add("hearth.gateway.services.messaging", () -> "http://127.0.0.1:" + NOBODY_LISTENS);
        registry.add("hearth.gateway.max-request-size", () -> "1KB");
    }

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
        PATIENTS.received().clear();
        SCHEDULING.received().clear();
    }

    @AfterAll
    static void stopStubs() {
        PATIENTS.close();
        SCHEDULING.close();
    }

    private static String token() {
        return ISSUER.token().agency("sunrise", "org-sunrise").roles("coordinator").audience("hearth-gateway").sign();
    }

    @Test
    void relaysTheCallersOwnTokenCorrelationIdAndTraceContextToTheService() {
        String token = token();
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        ApiClient.Response response = api.send(api.request("/api/patients/v1/patients?page=0", token)
                .header("X-Correlation-Id", "case-42").header("traceparent", traceparent).GET());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("service").asString()).isEqualTo("patients");
        assertThat(response.raw().headers().allValues("X-Correlation-Id")).containsExactly("case-42");
        StubService.Received forwarded = PATIENTS.last();
        assertThat(forwarded.path()).isEqualTo("/api/patients/v1/patients?page=0");
        assertThat(forwarded.header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(forwarded.header("X-Correlation-Id")).isEqualTo("case-42");
        assertThat(forwarded.header("traceparent")).isEqualTo(traceparent);
        assertThat(SCHEDULING.received()).isEmpty();
    }

    @Test
    void eachPrefixGoesToItsOwnService() {
        ApiClient.Response response = api.get("/api/scheduling/v1/patients/p-1", token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("service").asString()).isEqualTo("scheduling");
        assertThat(SCHEDULING.last().path()).isEqualTo("/api/scheduling/v1/patients/p-1");
        assertThat(PATIENTS.received()).isEmpty();
    }

    @Test
    void anUnsafeCorrelationIdIsReplacedNotEchoed() {
        ApiClient.Response response = api.send(api.request("/api/patients/v1/patients", token())
                .header("X-Correlation-Id", "<script>alert(1)</script>").GET());

        String id = response.header("X-Correlation-Id").orElseThrow();
        assertThat(id).doesNotContain("<").matches("[0-9a-f-]{36}");
        assertThat(PATIENTS.last().header("X-Correlation-Id")).isEqualTo(id);
    }

    @Test
    void refusesMissingExpiredForgedAndWrongAudienceTokensBeforeAnyServiceSeesThem() {
        String expired = ISSUER.token().agency("sunrise", "org-sunrise").audience("hearth-gateway")
                .expiredSince(Duration.ofMinutes(2)).sign();
        String forServiceOnly = ISSUER.token().agency("sunrise", "org-sunrise").audience("patient-service").sign();
        String forged = ISSUER.token().agency("sunrise", "org-sunrise").audience("hearth-gateway").signedByStranger().sign();
        String otherIssuer = ISSUER.token().agency("sunrise", "org-sunrise").audience("hearth-gateway")
                .issuer("http://127.0.0.1:1/realms/elsewhere").sign();

        for (String token : new String[] {null, "not-a-jwt", expired, forServiceOnly, forged, otherIssuer}) {
            ApiClient.Response response = api.get("/api/patients/v1/patients", token);
            assertThat(response.status()).as("token %s", token).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("type").asString()).endsWith("/problems/unauthenticated");
            assertThat(response.json().path("correlationId").asString()).isNotBlank();
            assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        }
        assertThat(PATIENTS.received()).isEmpty();
    }

    @Test
    void aServiceThatIsDownAnswers503ProblemWithoutStackTrace() {
        ApiClient.Response response = api.get("/api/messaging/v1/threads", token());

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).endsWith("/problems/service-unavailable");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void anOversizedBodyIsRefusedWith413BeforeItReachesTheService() {
        String big = "{\"note\":\"" + "x".repeat(2048) + "\"}";

        ApiClient.Response response = api.post("/api/patients/v1/patients", token(), big);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("type").asString()).endsWith("/problems/payload-too-large");
        assertThat(PATIENTS.received()).isEmpty();
    }

    @Test
    void unknownPathsAnswer404Problem() {
        ApiClient.Response response = api.get("/api/nowhere/v1/things", token());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void serviceApiDocsHealthAndTheDocsUiAreOpenWithoutAToken() {
        assertThat(api.get("/api/patients/v3/api-docs", null).status()).isEqualTo(200);
        assertThat(PATIENTS.last().path()).isEqualTo("/api/patients/v3/api-docs");
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);

        ApiClient.Response ui = api.send(api.request("/swagger-ui.html", null).GET());
        assertThat(ui.status()).isIn(200, 302);
        ApiClient.Response config = api.get("/v3/api-docs/swagger-config", null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).contains("/api/patients/v3/api-docs", "/api/scheduling/v3/api-docs",
                "/api/messaging/v3/api-docs", "/api/billing/v3/api-docs");
    }

    @Test
    void theActuatorIsNotAWayAroundAuthentication() {
        assertThat(api.get("/actuator/env", null).status()).isIn(401, 404);
        assertThat(api.send(api.request("/api/patients/v1/patients", null)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))).status()).isEqualTo(401);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
