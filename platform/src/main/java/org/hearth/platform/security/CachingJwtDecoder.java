package org.hearth.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;

/**
 * Remembers tokens the delegate already accepted, so a client that sends the same access token on every request
 * pays for the RS256 signature check once per token instead of once per request (S2 in docs/performance.md).
 * Keyed by the exact token string: a hit is a byte-for-byte copy of a token that passed every check, so it would
 * pass them again, except the time checks, which are re-done here. An entry never outlives the token's
 * {@code exp}: past it the cache steps aside and the delegate rejects the token. Rejected tokens are not cached,
 * tokens without {@code exp} neither. Trade-off: a signing key withdrawn from the JWKS stops new tokens at once,
 * but tokens already seen stay accepted until their expiry (Keycloak access tokens live 5 minutes).
 */
public final class CachingJwtDecoder implements JwtDecoder {

    /** About 10,000 tokens of ~1.5 KB each, some 15 MB at most: far more than a service's live callers. */
    public static final int DEFAULT_MAXIMUM_SIZE = 10_000;

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> accepted;

    public CachingJwtDecoder(JwtDecoder delegate) {
        this(delegate, DEFAULT_MAXIMUM_SIZE, Clock.systemUTC());
    }

    /** @param clock the clock the delegate's timestamp validator uses (the system clock in production) */
    public CachingJwtDecoder(JwtDecoder delegate, int maximumSize, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(untilExpiry(clock))
                .executor(Runnable::run) // evict on the caller's thread: no pool for a few map operations
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = token == null ? null : accepted.getIfPresent(token);
        if (cached != null && clock.instant().isBefore(cached.getExpiresAt())) {
            return cached;
        }
        if (cached != null) {
            accepted.invalidate(token);
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt())) {
            accepted.put(token, jwt);
        }
        return jwt;
    }

    /** Entries leave the cache at the token's exp (Caffeine's own ticker frees the memory; decode checks the clock). */
    static Expiry<String, Jwt> untilExpiry(Clock clock) {
        return Expiry.writing((token, jwt) -> {
            Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
            return left.isNegative() ? Duration.ZERO : left;
        });
    }

    /** Visible for the benchmark and tests: how many tokens are remembered now. */
    public long size() {
        accepted.cleanUp();
        return accepted.estimatedSize();
    }
}
