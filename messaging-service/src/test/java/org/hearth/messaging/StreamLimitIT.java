package org.hearth.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * An instance holds at most {@code hearth.messaging.stream.max-open} live streams: one more is refused with 503,
 * problem details and a Retry-After (the console waits and opens it again, or reaches another replica), instead of the
 * instance taking streams until its heap runs out and every request it holds fails. A refused or ended stream frees
 * its place.
 */
@HearthServiceTest
@TestPropertySource(properties = {"hearth.messaging.stream.max-open=2", "hearth.messaging.stream.max-duration=PT4S"})
class StreamLimitIT {

    static final String STREAM = "/api/messaging/v1/stream?since=now";

    @LocalServerPort
    int port;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    final String agency = UUID.randomUUID().toString();

    @Test
    void aStreamBeyondTheInstancesLimitIsRefusedWithRetryAfterUntilAPlaceIsFree() throws Exception {
        ApiClient api = ApiClient.onPort(port);
        double before = openStreams();
        List<CompletableFuture<ApiClient.Response>> held = IntStream.range(0, 2)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.get(STREAM, nurse())))
                .toList();
        Eventually.await(Duration.ofSeconds(5), this::openStreams, n -> n == before + 2);

        ApiClient.Response refused = api.get(STREAM, nurse());
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).endsWith("/problems/busy");
        assertThat(refused.json().path("detail").asString()).contains("as many live streams as it can");
        assertThat(refused.header("Retry-After").map(Long::parseLong).orElseThrow())
                .isBetween(5L, 15L);
        assertThat(openStreams()).as("the refused stream holds no place").isEqualTo(before + 2);

        for (CompletableFuture<ApiClient.Response> stream : held) {
            assertThat(stream.get(15, TimeUnit.SECONDS).status()).isEqualTo(200); // ended by max-duration
        }
        Eventually.await(Duration.ofSeconds(5), this::openStreams, n -> n == before);
        assertThat(api.get(STREAM, nurse()).status())
                .as("a place is free again once the streams have ended")
                .isEqualTo(200);
    }

    double openStreams() {
        return meters.get("hearth.live.streams.open").gauge().value();
    }

    String nurse() {
        return TestTokenIssuer.shared()
                .token()
                .agency("a", agency)
                .roles("nurse")
                .subject("nurse-" + UUID.randomUUID())
                .audience("messaging-service")
                .sign();
    }
}
