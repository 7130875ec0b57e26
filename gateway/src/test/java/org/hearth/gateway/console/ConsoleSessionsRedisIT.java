package org.hearth.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hearth.gateway.GatewayApplication;
import org.hearth.platform.test.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Two gateway replicas on one real Redis ({@code redis-server} on a free port) with {@code hearth.sessions.store=redis}:
 * a console session signed in on one is served by the other, and outlives the first one's restart.
 */
class ConsoleSessionsRedisIT {

    private static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
    private static final ConsoleBffIT.TokenEndpoint KEYCLOAK = new ConsoleBffIT.TokenEndpoint();
    private static final ConsoleBffIT.Service PATIENTS = new ConsoleBffIT.Service();
    private static Process redis;
    private static int redisPort;

    @BeforeAll
    static void startRedis() throws Exception {
        Path server = Path.of("/usr/bin/redis-server");
        if (!Files.isExecutable(server)) {
            throw new IllegalStateException("redis-server is needed for this test: apt-get install -y redis-server");
        }
        redisPort = freePort();
        redis = new ProcessBuilder(
                        server.toString(),
                        "--port",
                        String.valueOf(redisPort),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening(redisPort)) {
            assertThat(System.nanoTime()).as("redis-server listening").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        KEYCLOAK.server.stop(0);
        PATIENTS.server.stop(0);
        if (redis != null) {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSessionSignedInOnOneReplicaIsServedByTheOtherAndSurvivesTheFirstOnesRestart() {
        ConfigurableApplicationContext first = replica();
        ConfigurableApplicationContext second = replica();
        try {
            ConsoleBffIT.Browser onFirst = new ConsoleBffIT.Browser(base(first));
            String accessToken = ConsoleBffIT.signIn(onFirst, KEYCLOAK, Duration.ofMinutes(5));
            ConsoleBffIT.Browser onSecond = onFirst.at(base(second));

            assertThat(onSecond.get("/console/session").statusCode()).isEqualTo(200);
            assertThat(onSecond.get("/console/session").body()).contains("carla");

            first.close(); // a gateway restart: the memory of the replica that signed her in is gone
            PATIENTS.requests.clear();
            assertThat(onSecond.get("/console/api/patients/v1/patients").statusCode())
                    .isEqualTo(200);
            assertThat(PATIENTS.requests.getFirst().headers().get("Authorization"))
                    .isEqualTo("Bearer " + accessToken);

            first = replica();
            assertThat(onSecond.at(base(first)).get("/console/session").statusCode())
                    .as("the restarted replica")
                    .isEqualTo(200);
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void withoutRedisSessionsStayInTheReplicasMemory() {
        ConfigurableApplicationContext first = replica("hearth.sessions.store=memory");
        ConfigurableApplicationContext second = replica("hearth.sessions.store=memory");
        try {
            ConsoleBffIT.Browser onFirst = new ConsoleBffIT.Browser(base(first));
            ConsoleBffIT.signIn(onFirst, KEYCLOAK, Duration.ofMinutes(5));

            assertThat(onFirst.get("/console/session").statusCode()).isEqualTo(200);
            assertThat(onFirst.at(base(second)).get("/console/session").statusCode())
                    .isEqualTo(401);
        } finally {
            first.close();
            second.close();
        }
    }

    private static ConfigurableApplicationContext replica(String... extra) {
        String[] properties = {
            "--server.port=0",
            "--spring.data.redis.url=redis://127.0.0.1:" + redisPort,
            "--hearth.security.issuer-uri=" + ISSUER.issuerUri(),
            "--hearth.security.jwk-set-uri=" + ISSUER.jwkSetUri(),
            "--hearth.console.token-uri=" + KEYCLOAK.uri(),
            "--hearth.gateway.services.patient=" + PATIENTS.uri()
        };
        String[] args = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(properties),
                        java.util.Arrays.stream(extra).map(e -> "--" + e))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(GatewayApplication.class, OwnEventLoops.class).run(args);
    }

    /** Two gateways in one JVM: closing one must not dispose Reactor Netty's global event loops the other serves on. */
    @Configuration(proxyBeanMethods = false)
    static class OwnEventLoops {
        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }

    private static String base(ConfigurableApplicationContext replica) {
        return "http://127.0.0.1:"
                + ((WebServerApplicationContext) replica).getWebServer().getPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
