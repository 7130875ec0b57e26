package org.hearth.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.platform.test.MutableClock;
import org.hearth.platform.test.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class CachingReactiveJwtDecoderTest {

    static TestTokenIssuer issuer;
    final MutableClock clock = new MutableClock(Instant.now());
    final AtomicInteger verified = new AtomicInteger();

    @BeforeAll
    static void startIssuer() {
        issuer = TestTokenIssuer.start();
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    /** The real signature and time checks, on the test's clock with no skew, counting each full verification. */
    ReactiveJwtDecoder verifying() {
        NimbusReactiveJwtDecoder nimbus =
                NimbusReactiveJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        nimbus.setJwtValidator(timestamps);
        return token -> Mono.defer(() -> {
            verified.incrementAndGet();
            return nimbus.decode(token);
        });
    }

    /** A fresh token, valid for 5 minutes; the clock moves to just after its signing (its nbf is in whole seconds). */
    String token() {
        String token = issuer.token()
                .subject(UUID.randomUUID().toString())
                .audience("hearth-gateway")
                .sign();
        clock.set(Instant.now().plusSeconds(1));
        return token;
    }

    /** The decoder's checks exactly as the gateway builds them, on the test's clock. */
    ReactiveJwtDecoder production(GatewaySecurityProperties properties) {
        NimbusReactiveJwtDecoder nimbus =
                NimbusReactiveJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        nimbus.setJwtValidator(GatewaySecurityConfiguration.validator(properties, clock));
        return nimbus;
    }

    @Test
    void theGatewaysDecoderRefusesATokenOnceItsFiveSecondSkewHasPassed() {
        GatewaySecurityProperties properties = new GatewaySecurityProperties(
                issuer.issuerUri(), issuer.jwkSetUri(), "hearth-gateway", Duration.ofSeconds(5));
        CachingReactiveJwtDecoder decoder = new CachingReactiveJwtDecoder(production(properties), 100, clock);
        String token = token();
        Instant expiresAt = decoder.decode(token).block().getExpiresAt();

        clock.set(expiresAt.plusSeconds(4));
        assertThat(decoder.decode(token).block().getExpiresAt())
                .as("within the skew")
                .isEqualTo(expiresAt);

        clock.set(expiresAt.plusSeconds(6));
        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void verifiesARepeatedTokenOnlyOnce() {
        CachingReactiveJwtDecoder decoder = new CachingReactiveJwtDecoder(verifying(), 100, clock);
        String token = token();

        Jwt first = decoder.decode(token).block();
        Jwt second = decoder.decode(token).block();

        assertThat(second.getSubject()).isEqualTo(first.getSubject());
        assertThat(verified).hasValue(1);
    }

    @Test
    void rejectsACachedTokenOnceItHasExpired() {
        CachingReactiveJwtDecoder decoder = new CachingReactiveJwtDecoder(verifying(), 100, clock);
        String token = token();
        Instant expiresAt = decoder.decode(token).block().getExpiresAt();

        clock.set(expiresAt.minusSeconds(1));
        assertThat(decoder.decode(token).block().getExpiresAt()).isEqualTo(expiresAt);
        assertThat(verified).as("served from the cache").hasValue(1);

        clock.set(expiresAt.plusSeconds(1));
        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void neverRemembersARejectedToken() {
        CachingReactiveJwtDecoder decoder = new CachingReactiveJwtDecoder(verifying(), 100, clock);
        String forged =
                issuer.token().audience("hearth-gateway").signedByStranger().sign();

        assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(RuntimeException.class);

        assertThat(verified).hasValue(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void keepsNoMoreTokensThanItsMaximum() {
        CachingReactiveJwtDecoder decoder = new CachingReactiveJwtDecoder(verifying(), 3, clock);

        for (int i = 0; i < 20; i++) {
            decoder.decode(token()).block();
        }

        assertThat(decoder.size()).isLessThanOrEqualTo(3);
    }
}
