package org.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.Eventually;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 9's T3 (bad tokens, brute force) and T4 (rate limits) against the real Keycloak and gateway. */
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokensAndLimitsIT {

    static final Keycloak KEYCLOAK = new Keycloak(LocalStack.KEYCLOAK_PORT);
    static final ApiClient GATEWAY = ApiClient.onPort(LocalStack.GATEWAY_PORT);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBE_PATH = "/api/patients/v1/patients";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String adminPassword;
    /** Genuine tokens that live one second, taken first so that their expiry passes during the other tests. */
    static String expiring;

    static String disabledUsersLastToken;
    static String disabledUserId;
    static String disabledUsername;
    static String disabledUsersRefreshToken;

    @BeforeAll
    static void probes() throws Exception {
        adminPassword = SharedStack.STACK.keycloakAdminPassword();
        KEYCLOAK.createClient(adminPassword, """
                {"clientId":"probe-short-lived-t3","publicClient":true,"directAccessGrantsEnabled":true,
                 "standardFlowEnabled":false,"attributes":{"access.token.lifespan":"1"},
                 "defaultClientScopes":["basic","roles","organization","hearth-audiences"]}""");
        expiring = KEYCLOAK.passwordToken("probe-short-lived-t3", "carla.coordinator");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        disabledUsername = "probe.disabled." + suffix;
        disabledUserId = KEYCLOAK.createUser(adminPassword, disabledUsername, "coordinator", "sunrise");
        disabledUsersLastToken = KEYCLOAK.passwordToken("probe-short-lived-t3", disabledUsername);
        HttpResponse<String> grant = KEYCLOAK.tokenResponse(Map.of(
                "grant_type",
                "password",
                "client_id",
                "hearth-cli",
                "username",
                disabledUsername,
                "password",
                Keycloak.DEMO_PASSWORD));
        disabledUsersRefreshToken =
                JSON.readTree(grant.body()).path("refresh_token").asString();
    }

    @Test
    @Order(1)
    void t4ACallerAboveItsRateGets429WithRetryAfterAndOthersAreUnaffected() throws Exception {
        // a partner whose contract (LocalStack) allows 5 requests/s with bursts of 10
        ApiClient.Response created = GATEWAY.post(
                "/api/patients/v1/agency/partner-clients",
                KEYCLOAK.userToken("alice.admin"),
                "{\"name\":\"metered\",\"scopes\":[\"observations:write\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String partner = KEYCLOAK.partnerToken(
                created.json().path("client").path("clientId").asString(),
                created.json().path("clientSecret").asString());
        String otherPartner = KEYCLOAK.partnerToken("sunrise-partner", "sunrise-partner-secret");
        String otherAgencyPartner = KEYCLOAK.partnerToken("riverbend-partner", "riverbend-partner-secret");
        String colleague = KEYCLOAK.userToken("carla.coordinator");
        String target = PROBE_PATH + "/" + UUID.randomUUID();
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger refusedWithoutRetryAfter = new AtomicInteger();
        AtomicInteger othersRefused = new AtomicInteger();
        AtomicInteger othersServed = new AtomicInteger();
        long seconds = 8;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService flood = Executors.newFixedThreadPool(5);
        for (int worker = 0; worker < 4; worker++) {
            flood.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpResponse<String> response = get(target, partner);
                    if (response.statusCode() == 429) {
                        refused.incrementAndGet();
                        if (response.headers().firstValue("Retry-After").isEmpty()) {
                            refusedWithoutRetryAfter.incrementAndGet();
                        }
                    } else {
                        allowed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        flood.submit(() -> {
            while (System.nanoTime() < end) {
                for (String token : new String[] {otherPartner, otherAgencyPartner, colleague}) {
                    int status = get(target, token).statusCode();
                    (status == 429 ? othersRefused : othersServed).incrementAndGet();
                }
                Thread.sleep(200);
            }
            return null;
        });
        flood.shutdown();
        assertThat(flood.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double heldRate = (allowed.get() - 10) / elapsed; // the bucket starts full: 10 at once, then 5 per second

        System.out.printf(
                "T4 rate limit: partner contract 5/s (burst 10); in %.1f s the flooding partner got %d allowed "
                        + "and %d refused (429, all with Retry-After: %s) → held rate %.2f/s (%.1f%% off 5/s); other "
                        + "callers: %d served, %d refused%n",
                elapsed,
                allowed.get(),
                refused.get(),
                refusedWithoutRetryAfter.get() == 0,
                heldRate,
                Math.abs(heldRate - 5) / 5 * 100,
                othersServed.get(),
                othersRefused.get());
        assertThat(refused.get()).as("the excess was refused").isGreaterThan(0);
        assertThat(heldRate).isBetween(4.5, 5.5);
        assertThat(refusedWithoutRetryAfter.get()).isZero();
        assertThat(othersRefused.get()).isZero();
        assertThat(othersServed.get()).isGreaterThan(10);
    }

    @Test
    @Order(2)
    void bruteForceLocksTheAccountAfterFiveWrongPasswords() {
        String username = "probe.bruteforce." + UUID.randomUUID().toString().substring(0, 8);
        String id = KEYCLOAK.createUser(adminPassword, username, "nurse", "sunrise");

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(KEYCLOAK.tokenResponse(Map.of(
                                    "grant_type",
                                    "password",
                                    "client_id",
                                    "hearth-cli",
                                    "username",
                                    username,
                                    "password",
                                    "wrong-" + attempt))
                            .statusCode())
                    .isIn(400, 401);
        }
        HttpResponse<String> rightPasswordNow = KEYCLOAK.tokenResponse(Map.of(
                "grant_type",
                "password",
                "client_id",
                "hearth-cli",
                "username",
                username,
                "password",
                Keycloak.DEMO_PASSWORD));
        JsonNode status =
                JSON.readTree(KEYCLOAK.admin(adminPassword, "GET", "/attack-detection/brute-force/users/" + id, null)
                        .body());

        System.out.printf(
                "T3 brute force: 5 wrong passwords → the right one answers %d; Keycloak reports disabled=%s, "
                        + "failures=%d%n",
                rightPasswordNow.statusCode(),
                status.path("disabled").asBoolean(),
                status.path("numFailures").asInt());
        assertThat(rightPasswordNow.statusCode()).isNotEqualTo(200);
        assertThat(status.path("disabled").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void t3NoBadTokenIsAccepted() throws Exception {
        String genuine = KEYCLOAK.userToken("carla.coordinator");
        assertThat(get(PROBE_PATH, genuine).statusCode())
                .as("the genuine token")
                .isEqualTo(200);
        String[] parts = genuine.split("\\.");
        JsonNode realKey =
                JSON.readTree(KEYCLOAK.realmPublicKeys()).path("keys").get(0);
        JWTClaimsSet claims =
                JWTClaimsSet.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        RSAKey stranger =
                new RSAKeyGenerator(2048).keyID(realKey.path("kid").asString()).generate();

        // a user disabled by the agency admin: the refresh token dies at once, the old token with its expiry
        String alice = KEYCLOAK.userToken("alice.admin");
        assertThat(GATEWAY.post("/api/patients/v1/agency/staff/" + disabledUserId + "/disable", alice, "")
                        .status())
                .isEqualTo(204);
        HttpResponse<String> refreshAfterDisable = KEYCLOAK.tokenResponse(Map.of(
                "grant_type", "refresh_token", "client_id", "hearth-cli", "refresh_token", disabledUsersRefreshToken));
        assertThat(refreshAfterDisable.statusCode())
                .as("refresh of a disabled user")
                .isIn(400, 401);

        String noOrganizationUser =
                "probe.noorg." + UUID.randomUUID().toString().substring(0, 8);
        KEYCLOAK.createUser(adminPassword, noOrganizationUser, "coordinator", null);

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("expired", afterExpiry(expiring));
        bad.put(
                "not yet valid",
                sign(stranger, claims, b -> b.notBeforeTime(new Date(System.currentTimeMillis() + 3_600_000))));
        bad.put("wrong issuer", sign(stranger, claims, b -> b.issuer("http://127.0.0.1:1/realms/hearth")));
        bad.put("wrong audience", KEYCLOAK.passwordToken(probeWithoutAudience(), "carla.coordinator"));
        bad.put("alg none", base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        bad.put("HS256 with the realm's public key", hs256WithPublicKey(realKey, claims));
        bad.put(
                "tampered payload",
                parts[0] + "."
                        + base64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                                .replace("\"coordinator\"", "\"agency-admin\""))
                        + "." + parts[2]);
        bad.put(
                "unknown kid",
                sign(new RSAKeyGenerator(2048).keyID("kid-" + UUID.randomUUID()).generate(), claims, b -> b));
        bad.put("other realm (master)", KEYCLOAK.masterRealmToken(adminPassword));
        bad.put("missing organization claim", KEYCLOAK.userToken(noOrganizationUser));
        bad.put("disabled user after expiry", afterExpiry(disabledUsersLastToken));
        bad.put("garbage", "not-a-jwt");
        bad.put("empty", "");
        bad.put("signed by a stranger, real kid", sign(stranger, claims, b -> b));

        Map<String, Integer> answers = new LinkedHashMap<>();
        bad.forEach((name, token) -> answers.put(name, get(PROBE_PATH, token).statusCode()));
        HttpResponse<String> newTokenForDisabled = KEYCLOAK.tokenResponse(Map.of(
                "grant_type",
                "password",
                "client_id",
                "hearth-cli",
                "username",
                disabledUsername,
                "password",
                Keycloak.DEMO_PASSWORD));
        long accepted = answers.values().stream().filter(s -> s < 400).count();

        System.out.printf("T3 bad tokens: %d classes, %d accepted; answers %s%n", answers.size(), accepted, answers);
        assertThat(answers).hasSizeGreaterThanOrEqualTo(12);
        assertThat(accepted).isZero();
        assertThat(answers.get("missing organization claim")).isEqualTo(403);
        answers.entrySet().stream()
                .filter(e -> !e.getKey().equals("missing organization claim"))
                .forEach(e -> assertThat(e.getValue()).as(e.getKey()).isEqualTo(401));
        assertThat(newTokenForDisabled.statusCode()).isNotEqualTo(200);
    }

    /**
     * Issue 20 point 3: a logged-out session's and a disabled account's access tokens are refused within seconds at
     * the gateway and at every service, not at their {@code exp} (5 minutes on). Keycloak posts the back-channel
     * logout token to the gateway, which publishes the revocation every instance reads; the agency admin's disable
     * publishes it from patient-service.
     */
    @Test
    @Order(4)
    void logoutAndDisableRefuseTheOldAccessTokenWithinSecondsEverywhere() {
        HttpResponse<String> grant = KEYCLOAK.tokenResponse(Map.of(
                "grant_type",
                "password",
                "client_id",
                "hearth-cli",
                "username",
                "carla.coordinator",
                "password",
                Keycloak.DEMO_PASSWORD));
        JsonNode tokens = JSON.readTree(grant.body());
        String access = tokens.path("access_token").asString();
        everywhereAccepted(access);
        long loggedOut = System.nanoTime();
        HttpResponse<String> logout =
                KEYCLOAK.logout("hearth-cli", tokens.path("refresh_token").asString());
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(204);
        Map<String, Double> logoutSeconds = secondsUntilRefusedEverywhere(access, loggedOut);

        String username = "probe.revoked." + UUID.randomUUID().toString().substring(0, 8);
        String userId = KEYCLOAK.createUser(adminPassword, username, "coordinator", "sunrise");
        String doomed = KEYCLOAK.userToken(username);
        everywhereAccepted(doomed);
        long disabled = System.nanoTime();
        assertThat(GATEWAY.post(
                                "/api/patients/v1/agency/staff/" + userId + "/disable",
                                KEYCLOAK.userToken("alice.admin"),
                                "")
                        .status())
                .isEqualTo(204);
        Map<String, Double> disableSeconds = secondsUntilRefusedEverywhere(doomed, disabled);

        System.out.printf(
                "Revocation: logout refused the old token after %s s; disable after %s s (token exp is "
                        + "%d s after issue)%n",
                logoutSeconds,
                disableSeconds,
                Keycloak.claims(access).path("exp").asLong()
                        - Keycloak.claims(access).path("iat").asLong());
        assertThat(logoutSeconds.values())
                .allSatisfy(seconds -> assertThat(seconds).isLessThanOrEqualTo(10.0));
        assertThat(disableSeconds.values())
                .allSatisfy(seconds -> assertThat(seconds).isLessThanOrEqualTo(10.0));
        assertThat(GATEWAY.get(PROBE_PATH, KEYCLOAK.userToken("carla.coordinator"))
                        .status())
                .as("a new sign-in of the logged-out user works")
                .isEqualTo(200);
    }

    /** A read every coordinator may do, at the gateway and straight at each service's own port. */
    private static final Map<String, String> READS = Map.of(
            "gateway", LocalStack.GATEWAY_PORT + PROBE_PATH,
            "patient-service", (18081 + LocalStack.OFFSET) + PROBE_PATH,
            "scheduling-service", (18082 + LocalStack.OFFSET) + "/api/scheduling/v1/clinicians",
            "messaging-service", (18083 + LocalStack.OFFSET) + "/api/messaging/v1/threads",
            "billing-service", (18084 + LocalStack.OFFSET) + "/api/billing/v1/authorizations");

    private static int read(String portAndPath, String token) {
        int slash = portAndPath.indexOf('/');
        return ApiClient.onPort(Integer.parseInt(portAndPath.substring(0, slash)))
                .get(portAndPath.substring(slash), token)
                .status();
    }

    private static void everywhereAccepted(String token) {
        READS.forEach((where, read) ->
                assertThat(read(read, token)).as("before: " + where).isNotEqualTo(401));
    }

    private static Map<String, Double> secondsUntilRefusedEverywhere(String token, long since) {
        Map<String, Double> seconds = new java.util.TreeMap<>();
        long deadline = since + Duration.ofSeconds(30).toNanos();
        while (seconds.size() < READS.size() && System.nanoTime() < deadline) {
            READS.forEach((where, read) -> {
                if (!seconds.containsKey(where) && read(read, token) == 401) {
                    seconds.put(where, Math.round((System.nanoTime() - since) / 1e7) / 100.0);
                }
            });
            sleep(100);
        }
        READS.keySet().forEach(where -> seconds.putIfAbsent(where, Double.POSITIVE_INFINITY));
        return seconds;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private interface ClaimsChange {
        JWTClaimsSet.Builder apply(JWTClaimsSet.Builder builder);
    }

    private static String sign(RSAKey key, JWTClaimsSet claims, ClaimsChange change) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                change.apply(new JWTClaimsSet.Builder(claims)).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The classic key-confusion attack: HMAC keyed with the PEM of the RSA public key. */
    private static String hs256WithPublicKey(JsonNode realKey, JWTClaimsSet claims) throws Exception {
        RSAKey publicKey = (RSAKey) JWKSet.parse(JSON.writeValueAsString(
                        Map.of("keys", java.util.List.of(JSON.convertValue(realKey, Map.class)))))
                .getKeys()
                .getFirst();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder()
                        .encodeToString(publicKey.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(realKey.path("kid").asString())
                        .build(),
                claims);
        jwt.sign(new MACSigner(pem.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String probeWithoutAudience() {
        KEYCLOAK.createClient(adminPassword, """
                {"clientId":"probe-no-audience-t3","publicClient":true,"directAccessGrantsEnabled":true,
                 "standardFlowEnabled":false,"defaultClientScopes":["basic","roles","organization"]}""");
        return "probe-no-audience-t3";
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String afterExpiry(String token) {
        long expiresAt = Keycloak.claims(token).path("exp").asLong();
        // validators allow 5 s of clock skew, so wait until the token is past it
        Eventually.await(Duration.ofSeconds(90), () -> System.currentTimeMillis() / 1000, now -> now > expiresAt + 6);
        return token;
    }

    private static HttpResponse<String> get(String path, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + LocalStack.GATEWAY_PORT + path))
                    .timeout(Duration.ofSeconds(10))
                    .GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
