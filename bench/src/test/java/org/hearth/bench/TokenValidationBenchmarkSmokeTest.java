package org.hearth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Checks the harness works (every path validates a real token); measures nothing. */
class TokenValidationBenchmarkSmokeTest {

    @Test
    void everyPathValidatesTheSameToken() {
        TokenValidationBenchmark benchmark = new TokenValidationBenchmark();
        benchmark.setUp();
        try {
            assertThat(benchmark.cachedKeys().getClaimAsStringList("aud")).containsExactly("patient-service");
            assertThat(benchmark.freshKeys().getSubject())
                    .isEqualTo(benchmark.cachedKeys().getSubject());
            assertThat(benchmark.cachedToken().getSubject())
                    .isEqualTo(benchmark.cachedKeys().getSubject());
            assertThat(benchmark.cachedToken().getSubject())
                    .isEqualTo(benchmark.cachedKeys().getSubject());
        } finally {
            benchmark.tearDown();
        }
    }
}
