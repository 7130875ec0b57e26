package org.hearth.gateway.security;

import java.time.Clock;
import org.hearth.platform.core.tokens.AcceptedTokens;
import org.hearth.platform.core.tokens.RevocationList;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The reactive side of {@link AcceptedTokens} (the services' {@code CachingJwtDecoder} is the servlet side): one
 * signature check per token, the time checks and the revocation check on every request.
 */
public final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    public static final int DEFAULT_MAXIMUM_SIZE = AcceptedTokens.DEFAULT_MAXIMUM_SIZE;

    private final ReactiveJwtDecoder delegate;
    private final AcceptedTokens accepted;

    public CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate) {
        this(delegate, DEFAULT_MAXIMUM_SIZE, Clock.systemUTC(), new RevocationList());
    }

    public CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate, int maximumSize, Clock clock) {
        this(delegate, maximumSize, clock, new RevocationList());
    }

    public CachingReactiveJwtDecoder(
            ReactiveJwtDecoder delegate, int maximumSize, Clock clock, RevocationList revocations) {
        this.delegate = delegate;
        this.accepted = new AcceptedTokens(maximumSize, clock, revocations);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return Mono.defer(() -> {
            Jwt cached = accepted.recall(token);
            if (cached != null) {
                return Mono.fromCallable(() -> accepted.notRevoked(token, cached));
            }
            return delegate.decode(token).map(jwt -> {
                Jwt valid = accepted.notRevoked(token, jwt);
                accepted.remember(token, valid);
                return valid;
            });
        });
    }

    /** Visible for tests: how many tokens are remembered now. */
    long size() {
        return accepted.size();
    }
}
