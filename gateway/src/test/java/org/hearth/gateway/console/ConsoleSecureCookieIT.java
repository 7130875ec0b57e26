package org.hearth.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hearth.platform.test.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Where TLS ends before the gateway (an ingress), the request reaching it is plain HTTP; with
 * {@code hearth.console.secure-cookie=true} the session cookie still carries {@code Secure}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hearth.console.secure-cookie=true")
class ConsoleSecureCookieIT {

    private static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("hearth.security.issuer-uri", ISSUER::issuerUri);
        registry.add("hearth.security.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("hearth.console.token-uri", () -> ISSUER.issuerUri() + "/protocol/openid-connect/token");
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:9"); // refusals audited nowhere
    }

    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsSecureWhenConfiguredSoBehindAnHttpsIngress() throws Exception {
        HttpResponse<String> authorize = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/console/oauth2/authorization/keycloak"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("HEARTH_SESSION=")
                        .containsIgnoringCase("; Secure")
                        .containsIgnoringCase("HttpOnly"));
    }
}
