package org.hearth.platform.core.tokens;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The validated-token cache's policy, one for the servlet services and the reactive gateway. A client that sends the
 * same access token on every request pays for the RS256 signature check once per token instead of once per request
 * (S2 in docs/performance.md). Keyed by the exact token string: a hit is a byte-for-byte copy of a token that passed
 * every check, so it would pass them again, except the time checks, which are re-done here, and revocation, which
 * is checked on every request, hit or miss: a logged-out session or a disabled account is refused as soon as
 * {@link RevocationList} knows it, not at the token's {@code exp}. An entry never outlives its token's {@code exp};
 * rejected tokens and tokens without {@code exp} are never remembered.
 */
public final class AcceptedTokens {

    /** About 10,000 tokens of ~1.5 KB each, some 15 MB at most: far more than a service's live callers. */
    public static final int DEFAULT_MAXIMUM_SIZE = 10_000;

    private final Clock clock;
    private final RevocationList revocations;
    private final Cache<String, Jwt> accepted;

    /** @param clock the clock the delegate's timestamp validator uses (the system clock in production) */
    public AcceptedTokens(int maximumSize, Clock clock, RevocationList revocations) {
        this.clock = clock;
        this.revocations = revocations;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.<String, Jwt>writing((token, jwt) -> {
                    Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
                    return left.isNegative() ? Duration.ZERO : left;
                }))
                .executor(Runnable::run) // evict on the caller's thread: no pool, never hop an event loop for this
                .build();
    }

    /** A token accepted before and still within its lifetime, or null (then the caller validates it in full). */
    public Jwt recall(String token) {
        Jwt cached = token == null ? null : accepted.getIfPresent(token);
        if (cached != null && clock.instant().isBefore(cached.getExpiresAt())) {
            return cached;
        }
        if (cached != null) {
            accepted.invalidate(token);
        }
        return null;
    }

    /** Remembers a token that just passed full validation, if it has a lifetime left. */
    public void remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt())) {
            accepted.put(token, jwt);
        }
    }

    /** The token, unless its session, account or client was revoked since it was issued. */
    public Jwt notRevoked(String token, Jwt jwt) {
        if (revocations.refuses(jwt)) {
            accepted.invalidate(token);
            throw new BadJwtException("The token was revoked");
        }
        return jwt;
    }

    /** Visible for the benchmark and tests: how many tokens are remembered now. */
    public long size() {
        accepted.cleanUp();
        return accepted.estimatedSize();
    }
}
