package org.hearth.billing.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.hearth.payersim.PayerSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway against the payer simulator (in this JVM here, for speed; the service test runs it as its own
 * process): every case ends in a status, time-outs and errors after bounded retries.
 */
class HttpPayerGatewayTest {

    static PayerSimulator payer;
    static HttpPayerGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        payer = new PayerSimulator(0, Duration.ofSeconds(5));
        payer.start();
        gateway = new HttpPayerGateway(
                URI.create("http://127.0.0.1:" + payer.port() + "/"), Duration.ofMillis(300), 3, Duration.ofMillis(20));
    }

    @AfterAll
    static void stop() {
        payer.stop();
    }

    @Test
    void readsEach271Answer() {
        assertThat(gateway.checkEligibility("IL-MCD", "A123").status()).isEqualTo(PayerGateway.Status.ACTIVE);
        assertThat(gateway.checkEligibility("IL-MCD", "I123").status()).isEqualTo(PayerGateway.Status.INACTIVE);
        assertThat(gateway.checkEligibility("IL-MCD", "N123").status()).isEqualTo(PayerGateway.Status.NOT_FOUND);
        assertThat(gateway.checkEligibility("IL-MCD", "A123").attempts()).isEqualTo(1);
    }

    @Test
    void aSlowPayerEndsAsTimeoutAfterThreeBoundedAttempts() {
        long started = System.nanoTime();
        PayerGateway.Answer answer = gateway.checkEligibility("IL-MCD", "S123");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.status()).isEqualTo(PayerGateway.Status.TIMEOUT);
        assertThat(answer.attempts()).isEqualTo(3);
        assertThat(took).isLessThan(Duration.ofSeconds(4)); // 3 × 300 ms + back-off, far below the payer's 5 s
    }

    @Test
    void aFailingPayerEndsAsErrorAfterRetries() {
        PayerGateway.Answer answer = gateway.checkEligibility("IL-MCD", "E123");
        assertThat(answer.status()).isEqualTo(PayerGateway.Status.ERROR);
        assertThat(answer.attempts()).isEqualTo(3);
    }

    @Test
    void anUnreachablePayerEndsAsError() {
        var nowhere = new HttpPayerGateway(
                URI.create("http://127.0.0.1:9/"), Duration.ofMillis(200), 2, Duration.ofMillis(10));
        assertThat(nowhere.checkEligibility("X", "A1").status()).isEqualTo(PayerGateway.Status.ERROR);
    }

    @Test
    void aPriorAuthorizationSubmissionReturnsThePayersTrackingNumber() {
        PayerGateway.Answer answer = gateway.submitAuthorization("IL-MCD", "A123", "PT", 6, false);
        assertThat(answer.status()).isEqualTo(PayerGateway.Status.ACTIVE);
        assertThat(answer.reference()).startsWith("PA-");
    }
}
