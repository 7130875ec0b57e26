package org.hearth.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in front of real HTTP servers standing in for the services, with tokens whose keys it
 * fetches from a real JWKS endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIT {

    private static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
    private static final StubService PATIENTS = new StubService("patients", """
            {"openapi":"3.1.0","paths":{
              "/api/patients/v1/patients":{"get":{},"post":{}},
              "/api/patients/v1/patients/{id}/care-team":{"put":{}},
              "/api/patients/v1/internal-looking/{id}":{"parameters":[],"get":{}},
              "/api/patients/v1/hang-up":{"put":{}},
              "/api/patients/v1/slow":{"get":{}}}}""");
    private static final StubService SCHEDULING = new StubService("scheduling", """
            {"openapi":"3.1.0","paths":{"/api/scheduling/v1/patients/{id}":{"get":{}}}}""");
    private static final int NOBODY_LISTENS = freePort();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("hearth.security.issuer-uri", ISSUER::issuerUri);
        registry.add("hearth.security.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("hearth.gateway.services.patient", () -> PATIENTS.uri().toString());
        registry.add(
                "hearth.gateway.services.scheduling", () -> SCHEDULING.uri().toString());
        registry.add("hearth.gateway.services.messaging", () -> "http://127.0.0.1:" + NOBODY_LISTENS);
        registry.add("hearth.gateway.max-request-size", () -> "1KB");
        registry.add("hearth.gateway.console-origin", () -> "https://console.example");
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + NOBODY_LISTENS); // refusals audited nowhere
        registry.add("hearth.gateway.rate-limit.clients.metered-partner.per-second", () -> "0.2");
        registry.add("hearth.gateway.rate-limit.clients.metered-partner.burst", () -> "3");
        registry.add(
                "spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "4s"); // < StubService.SLOW
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    /** The actuator's own port (service port + 1000 when fixed, random here): never the public one. */
    @LocalManagementPort
    int managementPort;

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
        return ISSUER.token()
                .agency("sunrise", "org-sunrise")
                .roles("coordinator")
                .audience("hearth-gateway")
                .sign();
    }

    @Test
    void relaysTheCallersOwnTokenCorrelationIdAndTraceContextToTheService() {
        String token = token();
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        ch.qos.logback.classic.Logger requests = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger(org.hearth.gateway.correlation.RequestLog.class);
        var lines = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        lines.start();
        requests.addAppender(lines);
        requests.setLevel(ch.qos.logback.classic.Level.DEBUG);

        ApiClient.Response response;
        try {
            response = api.send(api.request("/api/patients/v1/patients?page=0", token)
                    .header("X-Correlation-Id", "case-42")
                    .header("traceparent", traceparent)
                    .GET());
            // the line is written when the exchange completes, which may be just after the client has the answer
            org.hearth.platform.test.Eventually.await(
                    java.time.Duration.ofSeconds(10),
                    () -> {
                        synchronized (lines) { // the appender adds under its own lock, from the exchange's thread
                            return List.copyOf(lines.list);
                        }
                    },
                    written -> written.stream()
                            .anyMatch(l -> l.getFormattedMessage().startsWith("GET via route")));
        } finally {
            requests.detachAppender(lines);
            requests.setLevel(null);
        }
        // the gateway's own line is in the caller's trace: its ids reach every log line
        assertThat(lines.list).anySatisfy(line -> {
            assertThat(line.getFormattedMessage()).startsWith("GET via route patients answered 200");
            assertThat(line.getMDCPropertyMap()).containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        });

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("service").asString()).isEqualTo("patients");
        assertThat(response.raw().headers().allValues("X-Correlation-Id")).containsExactly("case-42");
        StubService.Received forwarded = PATIENTS.last();
        assertThat(forwarded.path()).isEqualTo("/api/patients/v1/patients?page=0");
        assertThat(forwarded.header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(forwarded.header("X-Correlation-Id")).isEqualTo("case-42");
        // the same trace, continued by the gateway's own span
        assertThat(forwarded.header("traceparent"))
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(SCHEDULING.operations()).isEmpty();
    }

    @Test
    void eachPrefixGoesToItsOwnService() {
        ApiClient.Response response = api.get("/api/scheduling/v1/patients/p-1", token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("service").asString()).isEqualTo("scheduling");
        assertThat(SCHEDULING.last().path()).isEqualTo("/api/scheduling/v1/patients/p-1");
        assertThat(PATIENTS.operations()).isEmpty();
    }

    @Test
    void anUnsafeCorrelationIdIsReplacedNotEchoed() {
        ApiClient.Response response = api.send(api.request("/api/patients/v1/patients", token())
                .header("X-Correlation-Id", "<script>alert(1)</script>")
                .GET());

        String id = response.header("X-Correlation-Id").orElseThrow();
        assertThat(id).doesNotContain("<").matches("[0-9a-f-]{36}");
        assertThat(PATIENTS.last().header("X-Correlation-Id")).isEqualTo(id);
    }

    @Test
    void refusesMissingExpiredForgedAndWrongAudienceTokensBeforeAnyServiceSeesThem() {
        String expired = ISSUER.token()
                .agency("sunrise", "org-sunrise")
                .audience("hearth-gateway")
                .expiredSince(Duration.ofMinutes(2))
                .sign();
        String forServiceOnly = ISSUER.token()
                .agency("sunrise", "org-sunrise")
                .audience("patient-service")
                .sign();
        String forged = ISSUER.token()
                .agency("sunrise", "org-sunrise")
                .audience("hearth-gateway")
                .signedByStranger()
                .sign();
        String otherIssuer = ISSUER.token()
                .agency("sunrise", "org-sunrise")
                .audience("hearth-gateway")
                .issuer("http://127.0.0.1:1/realms/elsewhere")
                .sign();

        for (String token : new String[] {null, "not-a-jwt", expired, forServiceOnly, forged, otherIssuer}) {
            ApiClient.Response response = api.get("/api/patients/v1/patients", token);
            assertThat(response.status()).as("token %s", token).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("type").asString()).endsWith("/problems/unauthenticated");
            assertThat(response.json().path("correlationId").asString()).isNotBlank();
            assertThat(response.header("WWW-Authenticate"))
                    .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        }
        assertThat(PATIENTS.operations()).isEmpty();
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
    void aServiceThatClosesTheConnectionWithoutAnAnswerGives502ProblemSayingToRetryWithTheSameKey() {
        ch.qos.logback.classic.Logger errors = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger("org.hearth.gateway.problem.GatewayErrorHandler");
        var lines = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        lines.start();
        errors.addAppender(lines);
        ApiClient.Response response;
        try {
            response = api.send(api.request("/api/patients/v1/hang-up", token())
                    .header("Content-Type", "application/json")
                    .header("traceparent", "00-5cf92f3577b34da6a3ce929d0e0e4737-00f067aa0ba902b7-01")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"note\":\"Ñandú 😀\"}")));
        } finally {
            errors.detachAppender(lines);
        }
        // the warning an operator follows is in the caller's trace (the gateway restores it only where asked)
        synchronized (lines) {
            assertThat(lines.list).anySatisfy(line -> {
                assertThat(line.getFormattedMessage()).startsWith("Upstream closed the connection");
                assertThat(line.getMDCPropertyMap()).containsEntry("traceId", "5cf92f3577b34da6a3ce929d0e0e4737");
            });
        }

        assertThat(response.status()).as(response.toString()).isEqualTo(502);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).endsWith("/problems/upstream-closed");
        assertThat(response.json().path("detail").asString()).contains("Idempotency-Key");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void aServiceThatAnswersTooLateGives504ProblemNotAnInternalError() {
        ApiClient.Response response = api.get("/api/patients/v1/slow", token());

        assertThat(response.status()).as(response.toString()).isEqualTo(504);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).endsWith("/problems/gateway-timeout");
        assertThat(response.json().path("detail").asString()).contains("Idempotency-Key");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void anOversizedBodyIsRefusedWith413BeforeItReachesTheService() {
        String big = "{\"note\":\"" + "x".repeat(2048) + "\"}";

        ApiClient.Response response = api.post("/api/patients/v1/patients", token(), big);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("type").asString()).endsWith("/problems/payload-too-large");
        assertThat(PATIENTS.operations()).isEmpty();
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
        assertThat(ApiClient.onPort(managementPort)
                        .get("/actuator/health", null)
                        .status())
                .isEqualTo(200);

        ApiClient.Response ui = api.send(api.request("/swagger-ui.html", null).GET());
        assertThat(ui.status()).isIn(200, 302);
        ApiClient.Response config = api.get("/v3/api-docs/swagger-config", null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body())
                .contains(
                        "/api/patients/v3/api-docs",
                        "/api/scheduling/v3/api-docs",
                        "/api/messaging/v3/api-docs",
                        "/api/billing/v3/api-docs");
    }

    @Test
    void theActuatorIsNotAWayAroundAuthentication() {
        assertThat(api.get("/actuator/env", null).status()).isIn(401, 404);
        assertThat(api.send(api.request("/api/patients/v1/patients", null)
                                .POST(HttpRequest.BodyPublishers.ofString("{}")))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void onlyOperationsTheServiceDocumentsAreForwarded() {
        String token = token();

        assertThat(api.send(api.request("/api/patients/v1/patients/p-1/care-team", token)
                                .PUT(HttpRequest.BodyPublishers.ofString("{}")))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/patients/v1/internal-looking/x", token).status())
                .isEqualTo(200);
        assertThat(api.send(api.request("/api/patients/v1/patients", token)
                                .method("HEAD", HttpRequest.BodyPublishers.noBody()))
                        .status())
                .isEqualTo(200);
        int reached = PATIENTS.operations().size();

        for (ApiClient.Response refused : List.of(
                api.get("/api/patients/v1/patients/p-1/care-team", token), // documented path, other method
                api.send(api.request("/api/patients/v1/patients", token)
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))),
                api.get("/api/patients/actuator/env", token),
                api.get("/api/patients/v1/patients/p-1/care-team/extra", token))) {
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.json().path("type").asString()).endsWith("/problems/not-found");
            assertThat(refused.json().path("detail").asString()).startsWith("No such operation");
        }
        ApiClient.Response traversal = api.get("/api/patients/v1/internal-looking/x/../../../actuator/env", token);
        assertThat(traversal.status()).isIn(400, 404);
        assertThat(PATIENTS.operations()).hasSize(reached);
    }

    @Test
    void aCallerAboveItsRateIsRefusedWith429AndRetryAfterWhileOtherCallersGoOn() {
        String metered = ISSUER.token()
                .agency("sunrise", "org-sunrise")
                .roles("partner")
                .audience("hearth-gateway")
                .claim("azp", "metered-partner")
                .subject("svc-metered")
                .sign();
        String colleague = token();
        double refusedBefore = refusals("metered-partner");

        List<Integer> statuses = new java.util.ArrayList<>();
        ApiClient.Response refused = null;
        for (int i = 0; i < 6; i++) {
            // sendOnce: ApiClient.send would politely wait out each 429
            ApiClient.Response response = api.sendOnce(
                    api.request("/api/patients/v1/patients", metered).GET().build());
            statuses.add(response.status());
            if (response.status() == 429 && refused == null) {
                refused = response;
            }
        }

        assertThat(statuses.subList(0, 3)).containsOnly(200);
        assertThat(statuses).contains(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).endsWith("/problems/rate-limited");
        assertThat(refused.header("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 5));
        assertThat(refusals("metered-partner") - refusedBefore)
                .isEqualTo(statuses.stream().filter(status -> status == 429).count());
        assertThat(meters.get("hearth.gateway.rate_limit.refused")
                        .tag("client", "metered-partner")
                        .tag("agency", "org-sunrise")
                        .counter())
                .isNotNull();
        ApiClient.Response other = api.get("/api/patients/v1/patients", colleague);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("X-RateLimit-Remaining")).isPresent();
    }

    private double refusals(String client) {
        return meters.find("hearth.gateway.rate_limit.refused").tag("client", client).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    @Test
    void browsersMayCallFromTheConsoleOriginOnly() {
        ApiClient.Response console = api.send(api.request("/api/patients/v1/patients", null)
                .header("Origin", "https://console.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        ApiClient.Response stranger = api.send(api.request("/api/patients/v1/patients", null)
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(console.status()).isEqualTo(200);
        assertThat(console.header("Access-Control-Allow-Origin")).contains("https://console.example");
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() {
        ApiClient.Response response = api.get("/api/patients/v1/patients", token());

        assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.header("X-Frame-Options")).contains("DENY");
        assertThat(response.header("Referrer-Policy")).contains("no-referrer");
        assertThat(response.header("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(response.header("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
