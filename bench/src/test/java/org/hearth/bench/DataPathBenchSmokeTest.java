package org.hearth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The harness works (both paths read and return counts); the figures themselves are never judged here. */
class DataPathBenchSmokeTest {

    @Test
    void bothPathsReadTheSamePatientsVisits() {
        DataPathBench.Result result = DataPathBench.run("inmemory", Duration.ofMillis(200), 1);
        assertThat(result.repositoryPerSecond()).isPositive();
        assertThat(result.driverPerSecond()).isPositive();
        assertThat(result.ratio()).isPositive();
    }
}
