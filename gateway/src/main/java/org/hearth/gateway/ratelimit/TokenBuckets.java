package org.hearth.gateway.ratelimit;

import java.time.Duration;
import reactor.core.publisher.Mono;

/** Where the buckets live: in this process, or in Redis shared by every gateway replica. */
public interface TokenBuckets {

    /** Takes one token from the bucket {@code key}, refilled at {@code limit}. */
    Mono<Decision> take(String key, RateLimitProperties.Limit limit);

    /**
     * @param remaining  whole tokens left after this request
     * @param retryAfter when a refused caller may expect a token again (zero when allowed)
     */
    record Decision(boolean allowed, long remaining, Duration retryAfter) {}
}
