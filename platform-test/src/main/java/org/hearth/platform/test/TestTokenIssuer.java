package org.hearth.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small OpenID provider for tests: it serves a real JWKS over HTTP on 127.0.0.1 and mints RS256
 * tokens shaped like Keycloak's (realm roles, organization claim with ids, audiences). Services under
 * test fetch and verify the keys exactly as they do against Keycloak, so no security code is bypassed.
 */
public final class TestTokenIssuer implements AutoCloseable {

    private static volatile TestTokenIssuer shared;

    private final HttpServer server;
    private final RSAKey signingKey;
    private final RSAKey strangerKey;
    private final AtomicInteger jwksRequests = new AtomicInteger();

    private TestTokenIssuer() {
        try {
            this.signingKey = new RSAKeyGenerator(2048)
                    .keyID("test-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            this.strangerKey = new RSAKeyGenerator(2048)
                    .keyID(signingKey.getKeyID())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate test keys", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String jwks = new JWKSet(signingKey.toPublicJWK()).toString();
        server.createContext("/realms/test/protocol/openid-connect/certs", exchange -> {
            jwksRequests.incrementAndGet();
            respond(exchange, jwks);
        });
        server.createContext(
                "/realms/test/.well-known/openid-configuration",
                exchange ->
                        respond(exchange, "{\"issuer\":\"" + issuerUri() + "\",\"jwks_uri\":\"" + jwkSetUri() + "\"}"));
        server.start();
    }

    /** Starts a new issuer on a free port; close it when done. */
    public static TestTokenIssuer start() {
        return new TestTokenIssuer();
    }

    /** One issuer for the whole test JVM, started on first use and stopped when the JVM exits. */
    public static TestTokenIssuer shared() {
        if (shared == null) {
            synchronized (TestTokenIssuer.class) {
                if (shared == null) {
                    TestTokenIssuer issuer = start();
                    Runtime.getRuntime().addShutdownHook(new Thread(issuer::close));
                    shared = issuer;
                }
            }
        }
        return shared;
    }

    public String issuerUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
    }

    public String jwkSetUri() {
        return issuerUri() + "/protocol/openid-connect/certs";
    }

    /** How often the JWKS endpoint was fetched: proves that services really download the keys. */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    /** A token for a member of {@code agencyAlias} whose organization id is {@code agencyId}. */
    public Token token() {
        return new Token();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Fluent description of one token; {@link #sign()} turns it into the compact JWT string. */
    public final class Token {
        private String subject = UUID.randomUUID().toString();
        private final Map<String, Map<String, Object>> organizations = new LinkedHashMap<>();
        private final List<String> roles = new ArrayList<>();
        private final List<String> audiences = new ArrayList<>();
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(5));
        private String issuer = issuerUri();
        private boolean signedByStranger;
        private String clientId = "hearth-test";
        private final List<String> scopes = new ArrayList<>();
        private final Map<String, Object> extraClaims = new LinkedHashMap<>();

        private Token() {}

        public Token subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** Membership in an agency (Keycloak organization), as the organization mapper writes it. */
        public Token agency(String alias, String organizationId) {
            organizations.put(alias, Map.of("id", organizationId));
            return this;
        }

        public Token roles(String... roles) {
            this.roles.addAll(List.of(roles));
            return this;
        }

        public Token audience(String... audiences) {
            this.audiences.addAll(List.of(audiences));
            return this;
        }

        /** OAuth scopes in the {@code scope} claim, as Keycloak puts a client's scopes (e.g. hearth.referrals). */
        public Token scopes(String... scopes) {
            this.scopes.addAll(List.of(scopes));
            return this;
        }

        public Token clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Token expiredSince(Duration ago) {
            this.expiresAt = Instant.now().minus(ago);
            return this;
        }

        public Token issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Signs with a key the JWKS does not publish (same key id), as a forger would. */
        /** Adds a claim such as {@code email} (Keycloak puts the user's email in access tokens by default). */
        public Token claim(String name, Object value) {
            this.extraClaims.put(name, value);
            return this;
        }

        public Token signedByStranger() {
            this.signedByStranger = true;
            return this;
        }

        public String sign() {
            Instant issuedAt = expiresAt.minus(Duration.ofMinutes(5));
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(subject)
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(expiresAt))
                    .claim("azp", clientId)
                    .claim("preferred_username", subject)
                    .claim("realm_access", Map.of("roles", List.copyOf(roles)));
            if (!audiences.isEmpty()) {
                claims.audience(List.copyOf(audiences));
            }
            if (!organizations.isEmpty()) {
                claims.claim("organization", organizations);
            }
            if (!scopes.isEmpty()) {
                claims.claim("scope", String.join(" ", scopes));
            }
            extraClaims.forEach(claims::claim);
            RSAKey key = signedByStranger ? strangerKey : signingKey;
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims.build());
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot sign test token", e);
            }
            return jwt.serialize();
        }
    }
}
