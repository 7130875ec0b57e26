package org.hearth.patient.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hearth.platform.core.tokens.Revocation;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A revocation published by another instance (here: written straight onto the topic, as the gateway does after a
 * Keycloak back-channel logout) reaches this service through its feed, and the token it names is refused on the next
 * request, although the token is valid, cached and minutes from its expiry. A malformed record on the topic is
 * skipped without stopping the feed.
 */
@HearthServiceTest
class RevocationIT {

    private static final String PATIENTS = "/api/patients/v1/patients";

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void aLogoutPublishedElsewhereRefusesThatSessionsTokenWithinSecondsAndOnlyThatSession() throws Exception {
        ApiClient api = ApiClient.onPort(port);
        String agency = UUID.randomUUID().toString();
        String sid = "session-" + UUID.randomUUID();
        String loggedOut = coordinator(agency, sid);
        String otherSession = coordinator(agency, "session-" + UUID.randomUUID());
        assertThat(api.get(PATIENTS, loggedOut).status()).isEqualTo(200);
        assertThat(api.get(PATIENTS, otherSession).status()).isEqualTo(200);

        kafka.send(new ProducerRecord<>(Revocation.TOPIC, "poison", "{not json"))
                .get();
        long sent = System.nanoTime();
        kafka.send(new ProducerRecord<>(
                        Revocation.TOPIC,
                        "r",
                        Revocation.loggedOut(sid, "carla", Instant.now()).toJson()))
                .get();

        long deadline = sent + Duration.ofSeconds(20).toNanos();
        int status = 200;
        while (status != 401 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = api.get(PATIENTS, loggedOut).status();
        }
        System.out.printf("revocation applied %.2f s after it was published%n", (System.nanoTime() - sent) / 1e9);
        assertThat(status).as("the logged-out session's token").isEqualTo(401);
        assertThat(api.get(PATIENTS, otherSession).status())
                .as("the user's other session")
                .isEqualTo(200);
    }

    private static String coordinator(String agency, String sessionId) {
        return TestTokenIssuer.shared()
                .token()
                .subject("carla")
                .agency("sunrise", agency)
                .roles("coordinator")
                .audience("patient-service")
                .claim("sid", sessionId)
                .sign();
    }
}
