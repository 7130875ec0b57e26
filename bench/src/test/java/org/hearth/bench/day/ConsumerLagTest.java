package org.hearth.bench.day;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hearth.bench.day.ConsumerLag.Position;
import org.hearth.bench.day.ConsumerLag.Sample;
import org.junit.jupiter.api.Test;

/** A group's lag: events behind summed, age of its oldest uncommitted event; p99 over the run's samples. */
class ConsumerLagTest {

    @Test
    void eventsAreSummedAndTheAgeIsTheOldestUncommittedEventsAge() {
        Sample s = ConsumerLag.lagOf(
                List.of(
                        new Position(100, 100, -1), // caught up
                        new Position(50, 47, 9_000), // 3 behind, oldest written at 9.0 s
                        new Position(20, 19, 9_600)), // 1 behind, written at 9.6 s
                10_000);
        assertThat(s.events()).isEqualTo(4);
        assertThat(s.ageMillis()).isEqualTo(1_000);
        assertThat(ConsumerLag.lagOf(List.of(new Position(5, 5, 1)), 10_000)).isEqualTo(new Sample(0, 0));
        // a committed offset ahead of a stale end offset is no lag, and a clock skew no negative age
        assertThat(ConsumerLag.lagOf(List.of(new Position(5, 7, -1), new Position(9, 8, 10_500)), 10_000))
                .isEqualTo(new Sample(1, 0));
    }

    @Test
    void theRunsP99IsTakenOverTheSamples() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            samples.add(new Sample(i % 7, i <= 197 ? 100 : 5_000 + i));
        }
        ConsumerLag.Summary s = ConsumerLag.summarize("scheduling-service", samples);
        assertThat(s.samples()).isEqualTo(200);
        assertThat(s.p99AgeMillis()).isEqualTo(5_198); // the 198th of 200 sorted
        assertThat(s.maxAgeMillis()).isEqualTo(5_200);
        assertThat(s.maxEvents()).isEqualTo(6);
        assertThat(ConsumerLag.summarize("idle", List.of()).p99AgeMillis()).isZero();
    }
}
