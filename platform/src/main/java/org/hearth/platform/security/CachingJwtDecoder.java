package org.hearth.platform.security;

import java.time.Clock;
import org.hearth.platform.core.tokens.AcceptedTokens;
import org.hearth.platform.core.tokens.RevocationList;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The servlet side of {@link AcceptedTokens}: one signature check per token, the time checks and the revocation
 * check on every request (the gateway's {@code CachingReactiveJwtDecoder} is the reactive side of the same policy).
 */
public final class CachingJwtDecoder implements JwtDecoder {

    public static final int DEFAULT_MAXIMUM_SIZE = AcceptedTokens.DEFAULT_MAXIMUM_SIZE;

    private final JwtDecoder delegate;
    private final AcceptedTokens accepted;

    public CachingJwtDecoder(JwtDecoder delegate) {
        this(delegate, DEFAULT_MAXIMUM_SIZE, Clock.systemUTC(), new RevocationList());
    }

    public CachingJwtDecoder(JwtDecoder delegate, RevocationList revocations) {
        this(delegate, DEFAULT_MAXIMUM_SIZE, Clock.systemUTC(), revocations);
    }

    /** @param clock the clock the delegate's timestamp validator uses (the system clock in production) */
    public CachingJwtDecoder(JwtDecoder delegate, int maximumSize, Clock clock) {
        this(delegate, maximumSize, clock, new RevocationList());
    }

    public CachingJwtDecoder(JwtDecoder delegate, int maximumSize, Clock clock, RevocationList revocations) {
        this.delegate = delegate;
        this.accepted = new AcceptedTokens(maximumSize, clock, revocations);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = accepted.recall(token);
        if (cached != null) {
            return accepted.notRevoked(token, cached);
        }
        Jwt jwt = accepted.notRevoked(token, delegate.decode(token));
        accepted.remember(token, jwt);
        return jwt;
    }

    /** Visible for the benchmark and tests: how many tokens are remembered now. */
    public long size() {
        return accepted.size();
    }
}
