package org.hearth.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the gateway refuses itself (malformed request lines, over-long URIs and headers, undecodable paths) and
 * what it must never serve on its public port (management endpoints) are problem+json with the security headers.
 * Raw sockets, because a well-behaved client refuses to send most of these requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayBadInputIT {

    private static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
    private static final StubService PATIENTS = new StubService("patients", """
            {"openapi":"3.1.0","paths":{"/api/patients/v1/patients/{id}":{"get":{}}}}""");

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("hearth.security.issuer-uri", ISSUER::issuerUri);
        registry.add("hearth.security.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("hearth.gateway.services.patient", () -> PATIENTS.uri().toString());
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:9"); // refusals audited nowhere
    }

    @LocalServerPort
    int port;

    /** The actuator's own port (service port + 1000 when fixed, random here): never the public one. */
    @LocalManagementPort
    int managementPort;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
    }

    @AfterAll
    static void stop() {
        PATIENTS.close();
    }

    private static String token() {
        return ISSUER.token()
                .agency("sunrise", "org-sunrise")
                .roles("coordinator")
                .audience("hearth-gateway")
                .sign();
    }

    /** Status line, headers (lower-cased names) and body of one raw exchange. */
    record Raw(int status, String head, String body) {
        boolean hasHeader(String name) {
            return head.toLowerCase().contains("\r\n" + name.toLowerCase() + ":");
        }
    }

    Raw raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int split = answer.indexOf("\r\n\r\n");
            String head = split < 0 ? answer : answer.substring(0, split);
            String body = split < 0 ? "" : answer.substring(split + 4);
            return new Raw(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }

    void assertProblemWithSecurityHeaders(Raw answer, int status) {
        assertThat(answer.status()).as(answer.head()).isEqualTo(status);
        assertThat(answer.head().toLowerCase()).contains("content-type: application/problem+json");
        assertThat(answer.hasHeader("X-Content-Type-Options")).as(answer.head()).isTrue();
        assertThat(answer.hasHeader("Content-Security-Policy"))
                .as(answer.head())
                .isTrue();
        assertThat(answer.hasHeader("X-Frame-Options")).as(answer.head()).isTrue();
        assertThat(answer.body()).contains("\"type\":\"/problems/").contains("\"status\":" + status);
    }

    @Test
    void anOverlongUriIs414Problem() throws IOException {
        Raw answer = raw("GET /api/patients/v1/patients/" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");

        assertProblemWithSecurityHeaders(answer, 414);
    }

    @Test
    void overlargeHeadersAre431Problem() throws IOException {
        Raw answer = raw("GET /api/patients/v1/patients/p-1 HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(10_000)
                + "\r\nConnection: close\r\n\r\n");

        assertProblemWithSecurityHeaders(answer, 431);
    }

    @Test
    void aMalformedRequestLineIs400Problem() throws IOException {
        Raw answer = raw("GET /api/patients/v1/patients/p-1 HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n"
                + "Connection: close\r\n\r\n");

        assertProblemWithSecurityHeaders(answer, 400);
    }

    @Test
    void anUndecodableIdIs400Or404ProblemAndNeverReachesTheService() throws IOException {
        for (String id : new String[] {"%ff%fe", "%c0%af", "%00", "a%2fb", "..%2f..%2factuator", "a;b=c", "%25"}) {
            int before = PATIENTS.operations().size();
            Raw answer = raw("GET /api/patients/v1/patients/" + id + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + token() + "\r\nConnection: close\r\n\r\n");

            assertThat(answer.status()).as(id + "\n" + answer.head()).isIn(200, 400, 404);
            if (answer.status() != 200) {
                assertThat(answer.head().toLowerCase()).as(id).contains("content-type: application/problem+json");
                assertThat(answer.hasHeader("X-Content-Type-Options")).as(id).isTrue();
                assertThat(PATIENTS.operations()).as(id).hasSize(before);
            }
        }
    }

    @Test
    void theActuatorIsServedOnlyOnTheManagementPort() {
        ApiClient management = ApiClient.onPort(managementPort);
        assertThat(management.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus", null).body()).contains("jvm_");
        for (String path : new String[] {
            "/actuator/health",
            "/actuator/health/readiness",
            "/actuator/prometheus",
            "/actuator/info",
            "/actuator/env",
            "/actuator",
            "/actuator/metrics",
            "/actuator/gateway/routes",
            "/actuator/heapdump",
            "/actuator/prometheus/"
        }) {
            for (String token : new String[] {null, token()}) {
                ApiClient.Response answer = api.get(path, token);
                assertThat(answer.status()).as(path).isEqualTo(404);
                assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
                assertThat(answer.body()).as(path).doesNotContain("jvm_").doesNotContain("http_server");
            }
        }
    }
}
