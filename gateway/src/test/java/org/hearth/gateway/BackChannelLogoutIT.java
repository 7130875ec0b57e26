package org.hearth.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Keycloak's back-channel logout ends a session at the gateway at once: its access tokens, valid and cached, are
 * refused on the next request; a token that is not a genuine logout token revokes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackChannelLogoutIT {

    private static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
    private static final StubService PATIENTS = new StubService("patients", """
            {"openapi":"3.1.0","paths":{"/api/patients/v1/patients":{"get":{}}}}""");
    private static final String PATH = "/api/patients/v1/patients";
    /** OpenID Connect Back-Channel Logout 1.0: where Keycloak posts, and the event its logout token carries. */
    private static final String LOGOUT = "/auth/back-channel-logout";

    private static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("hearth.security.issuer-uri", ISSUER::issuerUri);
        registry.add("hearth.security.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("hearth.gateway.services.patient", () -> PATIENTS.uri().toString());
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBrokersAsString);
    }

    /** A real broker: the gateway answers Keycloak only once the revocation is on it. */
    private static final EmbeddedKafkaKraftBroker KAFKA = startKafka();

    private static EmbeddedKafkaKraftBroker startKafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, "hearth.access.revocations");
        broker.afterPropertiesSet();
        return broker;
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        PATIENTS.close();
        KAFKA.destroy();
    }

    private static String accessToken(String sessionId) {
        return ISSUER.token()
                .subject("carla")
                .agency("sunrise", "org-sunrise")
                .roles("coordinator")
                .audience("hearth-gateway")
                .claim("sid", sessionId)
                .sign();
    }

    private static String logoutToken(String sessionId) {
        return ISSUER.token()
                .subject("carla")
                .audience("hearth-cli")
                .claim("sid", sessionId)
                .claim("events", Map.of(LOGOUT_EVENT, Map.of()))
                .sign();
    }

    private ApiClient.Response postLogout(String form) {
        return ApiClient.onPort(port)
                .send(ApiClient.onPort(port)
                        .request(LOGOUT, null)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String form(String logoutToken) {
        return "logout_token=" + URLEncoder.encode(logoutToken, StandardCharsets.UTF_8);
    }

    @Test
    void aLoggedOutSessionsTokenIsRefusedOnTheNextRequestAndOtherSessionsGoOn() {
        ApiClient api = ApiClient.onPort(port);
        String session = "session-" + UUID.randomUUID();
        String token = accessToken(session);
        String otherSession = accessToken("session-" + UUID.randomUUID());
        assertThat(api.get(PATH, token).status()).isEqualTo(200);

        ApiClient.Response logout = postLogout(form(logoutToken(session)));

        assertThat(logout.status()).as(logout.body()).isEqualTo(200);
        assertThat(api.get(PATH, token).status()).isEqualTo(401);
        assertThat(api.get(PATH, otherSession).status()).isEqualTo(200);
    }

    @Test
    void anythingButAGenuineLogoutTokenIsA400ProblemAndRevokesNothing() {
        ApiClient api = ApiClient.onPort(port);
        String session = "session-" + UUID.randomUUID();
        String token = accessToken(session);
        Map<String, String> forms = Map.of(
                "no token", "",
                "an access token", form(token),
                "with a nonce",
                        form(ISSUER.token()
                                .subject("carla")
                                .claim("sid", session)
                                .claim("nonce", "n")
                                .claim("events", Map.of(LOGOUT_EVENT, Map.of()))
                                .sign()),
                "signed by a stranger",
                        form(ISSUER.token()
                                .subject("carla")
                                .claim("sid", session)
                                .claim("events", Map.of(LOGOUT_EVENT, Map.of()))
                                .signedByStranger()
                                .sign()),
                "another issuer",
                        form(ISSUER.token()
                                .subject("carla")
                                .claim("sid", session)
                                .issuer("http://127.0.0.1:1/realms/hearth")
                                .claim("events", Map.of(LOGOUT_EVENT, Map.of()))
                                .sign()),
                "garbage", "logout_token=not-a-jwt");
        forms.forEach((name, form) -> {
            ApiClient.Response answer = postLogout(form);
            assertThat(answer.status()).as(name).isEqualTo(400);
            assertThat(answer.contentType()).as(name).startsWith("application/problem+json");
        });
        assertThat(api.get(PATH, token).status()).isEqualTo(200);
    }
}
