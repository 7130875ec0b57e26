package org.hearth.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * Remembers tokens the delegate already accepted, so a client repeating its access token costs one RS256 signature
 * check per token rather than per request. The gateway's twin of the platform's {@code CachingJwtDecoder} (the
 * gateway is WebFlux and cannot use the servlet platform library). Keyed by the exact token string; an entry never
 * outlives the token's {@code exp}: past it the cache steps aside and the delegate rejects the token. Rejected
 * tokens and tokens without {@code exp} are never cached. A key withdrawn from the JWKS stops new tokens at once;
 * tokens already seen stay accepted until their expiry (Keycloak access tokens live 5 minutes).
 */
public final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    /** About 10,000 tokens of ~1.5 KB each, some 15 MB at most. */
    public static final int DEFAULT_MAXIMUM_SIZE = 10_000;

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> accepted;

    public CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate) {
        this(delegate, DEFAULT_MAXIMUM_SIZE, Clock.systemUTC());
    }

    /** @param clock the clock the delegate's timestamp validator uses (the system clock in production) */
    public CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate, int maximumSize, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder().maximumSize(maximumSize)
                .expireAfter(Expiry.<String, Jwt>writing((token, jwt) -> {
                    Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
                    return left.isNegative() ? Duration.ZERO : left;
                }))
                .executor(Runnable::run) // evict on the caller's thread: never block or hop an event loop for this
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return Mono.defer(() -> {
            Jwt cached = token == null ? null : accepted.getIfPresent(token);
            if (cached != null && clock.instant().isBefore(cached.getExpiresAt())) {
                return Mono.just(cached);
            }
            if (cached != null) {
                accepted.invalidate(token);
            }
            return delegate.decode(token).doOnNext(jwt -> {
                if (jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt())) {
                    accepted.put(token, jwt);
                }
            });
        });
    }

    /** Visible for tests: how many tokens are remembered now. */
    long size() {
        accepted.cleanUp();
        return accepted.estimatedSize();
    }
}
