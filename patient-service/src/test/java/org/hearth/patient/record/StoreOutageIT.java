package org.hearth.patient.record;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.bson.Document;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.HearthTestInfrastructure;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.story.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.context.ContextConfiguration;

/**
 * The database goes away mid-test: the service's own wire server (an H2 file, so that its data outlives the stop)
 * is shut down, a write answers 503 problem+json with Retry-After within the client's short time-outs and stores
 * nothing; readiness says DOWN; once the server is back on the same port and file, the client's retry with the
 * same Idempotency-Key admits exactly one patient.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = StoreOutageIT.OwnWireServer.class)
class StoreOutageIT {

    static final String PATH = "/api/patients/v1/patients";
    static final String AGENCY = UUID.randomUUID().toString();
    /** Keys are per caller: a retry comes from the same coordinator (with a fresh token, as after a refresh). */
    static final String COORDINATOR = UUID.randomUUID().toString();

    static final int PORT = freePort();
    static final Path FILE = tempFile();
    static MongoServer server = startServer();

    /** The shared infrastructure (Kafka, token issuer), but a wire server only this test stops. */
    static class OwnWireServer extends HearthTestInfrastructure {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of("spring.mongodb.uri=mongodb://127.0.0.1:" + PORT + "/hearth_patient_outage")
                    .applyTo(context);
        }
    }

    @LocalServerPort
    int port;

    /** The actuator's own port (service port + 1000 when fixed, random here): never the public one. */
    @LocalManagementPort
    int managementPort;

    @Autowired
    MongoOperations mongo;

    final TestTokenIssuer issuer = TestTokenIssuer.shared();

    @AfterAll
    static void stopServer() {
        server.shutdownNow();
    }

    @Test
    void aWriteWhileTheStoreIsDownAnswers503FastStoresNothingAndItsRetryAdmitsOnce() throws Exception {
        ApiClient api = ApiClient.onPort(port);
        String familyName = "Outage" + UUID.randomUUID().toString().substring(0, 8);
        String body = patient(familyName);
        String key = "admit-" + UUID.randomUUID();
        assertThat(ApiClient.onPort(managementPort)
                        .get("/actuator/health/readiness", null)
                        .status())
                .isEqualTo(200);

        server.shutdownNow();
        long started = System.nanoTime();
        ApiClient.Response refused = admit(api, key, body);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "store down: POST %s answered %d in %d ms, Retry-After %s%n",
                PATH, refused.status(), millis, refused.header("Retry-After").orElse("-"));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(millis).isLessThan(2_500);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/store-unavailable");
        assertThat(refused.json().get("status").asInt()).isEqualTo(503);
        assertThat(refused.json().get("correlationId").asString()).isNotBlank();
        assertThat(refused.body())
                .doesNotContain("Exception")
                .doesNotContain("at org.")
                .doesNotContain(familyName);
        assertThat(ApiClient.onPort(managementPort)
                        .get("/actuator/health/readiness", null)
                        .status())
                .isEqualTo(503);

        server = startServer();
        assertThat(patientsNamed(familyName))
                .as("stored while the store was down")
                .isZero();

        ApiClient.Response retried = admit(api, key, body);
        for (int attempt = 0; attempt < 20 && retried.status() == 503; attempt++) { // the driver rediscovers the server
            Thread.sleep(250);
            retried = admit(api, key, body);
        }
        assertThat(retried.status()).isEqualTo(201);
        String id = retried.json().get("id").asString();
        ApiClient.Response again = admit(api, key, body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(again.header("Location")).isEqualTo(retried.header("Location"));
        assertThat(patientsNamed(familyName)).isEqualTo(1);
        assertThat(ApiClient.onPort(managementPort)
                        .get("/actuator/health/readiness", null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheSamePatientAndADifferentBodyIsRefused() {
        ApiClient api = ApiClient.onPort(port);
        String familyName = "Retry" + UUID.randomUUID().toString().substring(0, 8);
        String key = "admit-" + UUID.randomUUID();

        ApiClient.Response first = admit(api, key, patient(familyName));
        ApiClient.Response retry = admit(api, key, patient(familyName));
        ApiClient.Response otherBody = admit(api, key, patient(familyName + "x"));
        ApiClient.Response noKey = api.post(PATH, coordinator(), patient(familyName));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().get("type").asString()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(noKey.status()).isEqualTo(201);
        assertThat(noKey.json().get("id").asString())
                .isNotEqualTo(first.json().get("id").asString());
        assertThat(patientsNamed(familyName))
                .as("one for the keyed request and its retry, one without a key")
                .isEqualTo(2);
    }

    private ApiClient.Response admit(ApiClient api, String key, String body) {
        return api.sendOnce(api.request(PATH, coordinator())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private long patientsNamed(String familyName) {
        return mongo.getCollection(PatientDocument.COLLECTION)
                .countDocuments(new Document("patient.familyName", familyName));
    }

    private String coordinator() {
        return Tokens.coordinator(AGENCY)
                .subject(COORDINATOR)
                .audience("patient-service")
                .sign();
    }

    private static String patient(String familyName) {
        return """
                {"givenName":"Ada","familyName":"%s","birthDate":"1941-03-02","phone":"+1-217-555-0100","language":"en",
                 "address":{"line1":"12 Elm Street","city":"Springfield","state":"IL","postalCode":"62701",
                            "latitude":39.7817,"longitude":-89.6501}}""".formatted(familyName);
    }

    private static MongoServer startServer() {
        MongoServer started = new MongoServer(new H2Backend(FILE.toString()));
        started.bind("127.0.0.1", PORT);
        return started;
    }

    private static Path tempFile() {
        try {
            Path dir = Files.createTempDirectory("store-outage");
            dir.toFile().deleteOnExit();
            return dir.resolve("outage.mv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
