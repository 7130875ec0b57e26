package org.hearth.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hearth.platform.test.HearthTestInfrastructure;
import org.hearth.platform.test.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Kubernetes does on SIGTERM, in-process: the context closes while a request is in flight. The request still
 * completes; the service then refuses new connections and is down well within the pod's grace period.
 */
class GracefulShutdownIT {

    /** A request that takes its time, only in this test's profile. */
    @RestController
    @Profile("shutdown-test")
    static class SlowEndpoint {
        @GetMapping("/api/billing/v1/shutdown-test/slow")
        String slow(@RequestParam long millis) throws InterruptedException {
            Thread.sleep(millis);
            return "finished";
        }
    }

    @Test
    void aRequestInFlightWhenShutdownStartsStillCompletes() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        BillingServiceApplication.class, SlowEndpoint.class)
                .profiles("shutdown-test")
                .initializers(new HearthTestInfrastructure())
                .properties(
                        "server.port=0", "server.shutdown=graceful", "spring.lifecycle.timeout-per-shutdown-phase=20s")
                .run();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        String token = TestTokenIssuer.shared()
                .token()
                .agency("a", UUID.randomUUID().toString())
                .roles("billing")
                .audience("billing-service")
                .sign();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest slow = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/billing/v1/shutdown-test/slow?millis=2000"))
                .header("Authorization", "Bearer " + token)
                .build();

        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(slow, HttpResponse.BodyHandlers.ofString());
        Thread.sleep(500); // the request is being served
        long closing = System.nanoTime();
        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(context::close);

        HttpResponse<String> response = inFlight.get(15, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
        shutdown.get(30, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(45));
        assertThat(context.isActive()).isFalse();
        assertThat(http.sendAsync(slow, HttpResponse.BodyHandlers.ofString())
                        .handle((r, e) -> e != null || r.statusCode() >= 500)
                        .get(10, TimeUnit.SECONDS))
                .as("no new requests after shutdown")
                .isTrue();
    }
}
