package org.hearth.bench;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hearth.platform.security.CachingJwtDecoder;
import org.hearth.platform.test.TestTokenIssuer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * S2: RS256 access-token validation as every service does it. {@code cachedToken} is the production path: the
 * platform's {@link CachingJwtDecoder} in front of one Nimbus decoder, with a client repeating its token (the
 * signature is checked on the first call only). {@code cachedKeys} is that Nimbus decoder alone (JWKS fetched once,
 * every call verifies the RS256 signature); {@code freshKeys} builds a decoder per token, i.e. fetches the JWKS over
 * HTTP every time. The ratios show what each cache buys.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenValidationBenchmark {

    TestTokenIssuer issuer;
    JwtDecoder cached;
    JwtDecoder tokenCache;
    String token;

    @Setup
    public void setUp() {
        issuer = TestTokenIssuer.start();
        cached = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        tokenCache = new CachingJwtDecoder(
                NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build());
        token = issuer.token()
                .agency("sunrise", UUID.randomUUID().toString())
                .roles("coordinator")
                .audience("patient-service")
                .sign();
    }

    @TearDown
    public void tearDown() {
        issuer.close();
    }

    @Benchmark
    public Jwt cachedKeys() {
        return cached.decode(token);
    }

    @Benchmark
    public Jwt cachedToken() {
        return tokenCache.decode(token);
    }

    @Benchmark
    public Jwt freshKeys() {
        return NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build().decode(token);
    }
}
