package org.hearth.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InProcessTokenBucketsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final InProcessTokenBuckets buckets = new InProcessTokenBuckets(nanos::get);
    private final RateLimitProperties.Limit fivePerSecondBurstTen = new RateLimitProperties.Limit(5, 10);

    private boolean take(String key) {
        return buckets.take(key, fivePerSecondBurstTen).block().allowed();
    }

    @Test
    void aFullBucketGrantsItsBurstThenTheRate() {
        int burst = 0;
        while (take("a")) {
            burst++;
        }
        assertThat(burst).isEqualTo(10);

        int overTenSeconds = 0;
        for (int tick = 0; tick < 1000; tick++) { // a request every 10 ms for 10 s
            nanos.addAndGet(10_000_000L);
            overTenSeconds += take("a") ? 1 : 0;
        }
        assertThat(overTenSeconds).isEqualTo(50);
    }

    @Test
    void aRefusalSaysWhenTheNextTokenComes() {
        for (int i = 0; i < 10; i++) {
            take("b");
        }
        TokenBuckets.Decision refused = buckets.take("b", fivePerSecondBurstTen).block();

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(200));
        nanos.addAndGet(200_000_000L);
        assertThat(take("b")).isTrue();
    }

    @Test
    void bucketsAreIndependent() {
        for (int i = 0; i < 10; i++) {
            take("c");
        }
        assertThat(take("c")).isFalse();
        assertThat(take("d")).isTrue();
    }
}
