package org.hearth.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis, shared by every gateway replica: one Lua script reads, refills and takes atomically on
 * the server, with the server's clock (replicas' clocks never disagree about a refill). The two keys carry
 * one hash tag so they live in the same Redis Cluster slot. Same algorithm as Spring Cloud Gateway's
 * {@code RedisRateLimiter}, plus the wait until the next token for {@code Retry-After}.
 */
final class RedisTokenBuckets implements TokenBuckets {

    private static final RedisScript<List<Long>> TAKE = RedisScript.of("""
            local rate = tonumber(ARGV[1])
            local capacity = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) + tonumber(time[2]) / 1000000
            local ttl = math.ceil(capacity / rate * 2) + 1
            local tokens = tonumber(redis.call('GET', KEYS[1])) or capacity
            local refreshed = tonumber(redis.call('GET', KEYS[2])) or now
            tokens = math.min(capacity, tokens + math.max(0, now - refreshed) * rate)
            local allowed = 0
            local wait_ms = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            else
              wait_ms = math.ceil((1 - tokens) / rate * 1000)
            end
            redis.call('SETEX', KEYS[1], ttl, tostring(tokens))
            redis.call('SETEX', KEYS[2], ttl, tostring(now))
            return { allowed, math.floor(tokens), wait_ms }
            """, (Class<List<Long>>) (Class<?>) List.class);

    private final ReactiveStringRedisTemplate redis;

    RedisTokenBuckets(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Decision> take(String key, RateLimitProperties.Limit limit) {
        String tag = "hearth:rate:{" + key + "}";
        return redis.execute(
                        TAKE,
                        List.of(tag + ":tokens", tag + ":at"),
                        List.of(Double.toString(limit.perSecond()), Integer.toString(limit.burst())))
                .next()
                .map(result -> new Decision(result.get(0) == 1L, result.get(1), Duration.ofMillis(result.get(2))));
    }
}
