package org.hearth.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Buckets in this JVM: right for one gateway. With several replicas each would grant the full rate, so
 * production runs {@link RedisTokenBuckets}.
 */
final class InProcessTokenBuckets implements TokenBuckets {

    /** Above this many buckets, idle ones (full again) are dropped so that the map cannot grow without end. */
    private static final int PRUNE_ABOVE = 50_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    InProcessTokenBuckets(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<Decision> take(String key, RateLimitProperties.Limit limit) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
        return Mono.just(
                buckets.computeIfAbsent(key, k -> new Bucket(limit, now)).take(limit, now));
    }

    private static final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(RateLimitProperties.Limit limit, long now) {
            this.tokens = limit.burst();
            this.refilledAt = now;
        }

        synchronized Decision take(RateLimitProperties.Limit limit, long now) {
            tokens = Math.min(limit.burst(), tokens + (now - refilledAt) / 1e9 * limit.perSecond());
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, (long) tokens, Duration.ZERO);
            }
            long waitNanos = (long) Math.ceil((1 - tokens) / limit.perSecond() * 1e9);
            return new Decision(false, 0, Duration.ofNanos(waitNanos));
        }

        synchronized boolean isFullAt(long now) {
            return now - refilledAt > 60_000_000_000L;
        }
    }
}
