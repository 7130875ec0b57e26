package org.hearth.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hearth.platform.test.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Automatic logoff: a console session unused for {@code hearth.console.idle-timeout} is gone with its tokens. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hearth.console.idle-timeout=3s")
class ConsoleIdleIT {

    private static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
    private static final ConsoleBffIT.TokenEndpoint KEYCLOAK = new ConsoleBffIT.TokenEndpoint();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("hearth.security.issuer-uri", ISSUER::issuerUri);
        registry.add("hearth.security.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("hearth.console.token-uri", KEYCLOAK::uri);
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        KEYCLOAK.server.stop(0);
    }

    @Test
    void aSessionUnusedForTheIdleTimeoutIsSignedOutButUseKeepsItAlive() throws InterruptedException {
        ConsoleBffIT.Browser browser = new ConsoleBffIT.Browser("http://127.0.0.1:" + port);
        ConsoleBffIT.signIn(browser, KEYCLOAK, Duration.ofMinutes(5));

        for (int i = 0; i < 3; i++) { // used every 1.5 s for 4.5 s: longer than the timeout, never idle that long
            Thread.sleep(1500);
            assertThat(browser.get("/console/session").statusCode())
                    .as("in use after %d s", (i + 1) * 1.5)
                    .isEqualTo(200);
        }
        assertThat(browser.get("/console/session").body()).contains("\"idleTimeoutSeconds\":3");

        Thread.sleep(4000);

        assertThat(browser.get("/console/session").statusCode()).isEqualTo(401);
        assertThat(browser.get("/console/api/patients/v1/patients").statusCode())
                .isEqualTo(401);
        assertThat(browser.get("/console/dashboard").headers().firstValue("Location"))
                .hasValue("/console/oauth2/authorization/keycloak");
    }
}
