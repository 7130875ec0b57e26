package org.hearth.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {

    @Test
    void returnsTheFirstValueTheConditionAccepts() {
        AtomicInteger calls = new AtomicInteger();
        assertThat(Eventually.await(Duration.ofSeconds(5), calls::incrementAndGet, n -> n >= 3))
                .isEqualTo(3);
    }

    @Test
    void failsAtItsDeadlineNamingWhatWasAwaitedAndTheLastValue() {
        assertThatThrownBy(() -> Eventually.await(
                        "the visit", Duration.ofMillis(300), () -> "UNSCHEDULED", s -> s.equals("SCHEDULED")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the visit did not hold within 300 ms")
                .hasMessageContaining("UNSCHEDULED");
    }

    @Test
    void aLongLastValueIsShortenedInTheFailure() {
        String longValue = "x".repeat(2_000);
        assertThatThrownBy(() -> Eventually.await(Duration.ofMillis(100), () -> longValue, s -> false))
                .hasMessageEndingWith("…")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(700));
    }

    @Test
    void latestWithinWaitsOutTheTimeAndReturnsTheLastValueForAnAbsenceCheck() {
        AtomicInteger calls = new AtomicInteger();
        long started = System.nanoTime();
        int last = Eventually.latestWithin(Duration.ofMillis(300), calls::incrementAndGet, n -> n < 0);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(last).isEqualTo(calls.get()).isGreaterThan(1);
    }
}
