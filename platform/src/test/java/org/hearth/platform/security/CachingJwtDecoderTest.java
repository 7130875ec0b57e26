package org.hearth.platform.security;

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
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class CachingJwtDecoderTest {

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
    JwtDecoder verifying() {
        NimbusJwtDecoder nimbus =
                NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        nimbus.setJwtValidator(timestamps);
        return token -> {
            verified.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    /** A fresh token, valid for 5 minutes; the clock moves to just after its signing (its nbf is in whole seconds). */
    String token() {
        String token = issuer.token()
                .subject(UUID.randomUUID().toString())
                .audience("patient-service")
                .sign();
        clock.set(Instant.now().plusSeconds(1));
        return token;
    }

    @Test
    void verifiesARepeatedTokenOnlyOnce() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying(), 100, clock);
        String token = token();

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(second.getSubject()).isEqualTo(first.getSubject());
        assertThat(verified).hasValue(1);
    }

    @Test
    void rejectsACachedTokenOnceItHasExpired() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying(), 100, clock);
        String token = token();
        Instant expiresAt = decoder.decode(token).getExpiresAt();

        clock.set(expiresAt.minusSeconds(1));
        assertThat(decoder.decode(token).getExpiresAt()).isEqualTo(expiresAt);
        assertThat(verified).as("served from the cache").hasValue(1);

        clock.set(expiresAt.plusSeconds(1));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThat(decoder.size()).isZero();
    }

    /** The decoder as production builds it (issuer, audience, the configured skew), on the test's clock. */
    JwtDecoder production(java.time.Duration skew) {
        NimbusJwtDecoder nimbus =
                NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        nimbus.setJwtValidator(HearthSecurityConfiguration.validator(
                new HearthSecurityProperties(issuer.issuerUri(), issuer.jwkSetUri(), "patient-service", skew), clock));
        return token -> {
            verified.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    @Test
    void theProductionDecoderRefusesATokenOnceTheDefaultSkewOfFiveSecondsHasPassed() {
        HearthSecurityProperties defaults =
                new HearthSecurityProperties(issuer.issuerUri(), null, "patient-service", null);
        assertThat(defaults.clockSkew()).isEqualTo(Duration.ofSeconds(5));
        CachingJwtDecoder decoder = new CachingJwtDecoder(production(defaults.clockSkew()), 100, clock);
        String token = token();
        Instant expiresAt = decoder.decode(token).getExpiresAt();

        clock.set(expiresAt.plusSeconds(4));
        assertThat(decoder.decode(token).getExpiresAt()).as("within the skew").isEqualTo(expiresAt);

        clock.set(expiresAt.plusSeconds(6));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void theProductionDecoderWithZeroSkewRefusesATokenOneSecondAfterExp() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(production(Duration.ZERO), 100, clock);
        String token = token();
        Instant expiresAt = decoder.decode(token).getExpiresAt();

        clock.set(expiresAt.plusSeconds(1));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void theProductionDecoderRefusesAnotherAudience() {
        JwtDecoder decoder = production(Duration.ZERO);
        String token = issuer.token().subject("x").audience("billing-service").sign();
        clock.set(Instant.now().plusSeconds(1));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void neverRemembersARejectedToken() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying(), 100, clock);
        String forged =
                issuer.token().audience("patient-service").signedByStranger().sign();

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(RuntimeException.class);

        assertThat(verified).hasValue(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void keepsNoMoreTokensThanItsMaximum() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying(), 3, clock);

        for (int i = 0; i < 20; i++) {
            decoder.decode(token());
        }

        assertThat(decoder.size()).isLessThanOrEqualTo(3);
    }
}
