package org.hearth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The harness works end to end (raw producer, outbox relay, consumer); its figures are never judged here. */
class EventPathBenchSmokeTest {

    @Test
    void measuresBothPathsAndTheLatency() throws Exception {
        EventPathBench.Result result = EventPathBench.run(300, 200, Duration.ofSeconds(1));
        assertThat(result.rawPerSecond()).isPositive();
        assertThat(result.storePerSecond()).isPositive();
        assertThat(result.bound()).isLessThanOrEqualTo(result.rawPerSecond());
        assertThat(result.outboxPerSecond()).isPositive();
        assertThat(result.writeAndRelayPerSecond()).isPositive();
        assertThat(result.p99Millis()).isPositive();
    }
}
