package org.hearth.bench;

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

import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * S2: RS256 access-token validation as every service does it. {@code cachedKeys} is the production path
 * (one decoder, JWKS fetched once); {@code freshKeys} builds a decoder per token, i.e. fetches the JWKS
 * over HTTP every time: the ratio shows what the key cache buys.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenValidationBenchmark {

    TestTokenIssuer issuer;
    JwtDecoder cached;
    String token;

    @Setup
    public void setUp() {
        issuer = TestTokenIssuer.start();
        cached = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        token = issuer.token().agency("sunrise", UUID.randomUUID().toString()).roles("coordinator")
                .audience("patient-service").sign();
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
    public Jwt freshKeys() {
        return NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build().decode(token);
    }
}
