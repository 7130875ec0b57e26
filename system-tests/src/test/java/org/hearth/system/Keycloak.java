package org.hearth.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real Keycloak of the stack: tokens through its token endpoint, and its admin API for test probes. */
final class Keycloak {

    static final String DEMO_PASSWORD = "Hearth-Demo-2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Keycloak(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Password grant of the local-only {@code hearth-cli} client (or another public client of the realm). */
    String passwordToken(String clientId, String username) {
        return token(
                "hearth",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        clientId,
                        "username",
                        username,
                        "password",
                        DEMO_PASSWORD));
    }

    String userToken(String username) {
        return passwordToken("hearth-cli", username);
    }

    private final java.util.Map<String, java.util.Map.Entry<java.time.Instant, String>> current =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The user's token, reissued once it is four minutes old: access tokens live five, and a test that walks every
     * operation of the API outlives one (a 401 there would say nothing about the operation).
     */
    String currentUserToken(String username) {
        return current("user " + username, () -> userToken(username));
    }

    /** A partner client's token, reissued once it is four minutes old (see {@link #currentUserToken}). */
    String currentPartnerToken(String clientId, String secret) {
        return current("client " + clientId, () -> partnerToken(clientId, secret));
    }

    private String current(String key, java.util.function.Supplier<String> issue) {
        java.time.Instant now = java.time.Instant.now();
        return current.compute(
                        key,
                        (k, held) -> held != null && held.getKey().isAfter(now.minus(Duration.ofMinutes(4)))
                                ? held
                                : java.util.Map.entry(now, issue.get()))
                .getValue();
    }

    /** Client credentials of a partner system. */
    String partnerToken(String clientId, String secret) {
        return token(
                "hearth", Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** Creates a client in realm {@code hearth} through the admin API, as an agency admin's tooling would. */
    void createClient(String adminPassword, String clientJson) {
        HttpResponse<String> response = admin(adminPassword, "POST", "/clients", clientJson);
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException(
                    "creating a client answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** One call of the admin API of realm {@code hearth} as the master realm's admin (test probes only). */
    HttpResponse<String> admin(String adminPassword, String method, String path, String json) {
        String admin = token(
                "master",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        "admin",
                        "password",
                        adminPassword));
        return send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/hearth" + path))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A user of realm {@code hearth} with a password, realm roles and, unless null, an organization. */
    String createUser(String adminPassword, String username, String role, String organizationAlias) {
        HttpResponse<String> created =
                admin(adminPassword, "POST", "/users", """
                {"username":"%s","enabled":true,"emailVerified":true,"firstName":"Probe","lastName":"User",
                 "email":"%s@probe.example","credentials":[{"type":"password","value":"%s","temporary":false}]}""".formatted(username, username, DEMO_PASSWORD));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating user " + username + " answered " + created.statusCode());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        String roleJson = admin(adminPassword, "GET", "/roles/" + role, null).body();
        admin(adminPassword, "POST", "/users/" + id + "/role-mappings/realm", "[" + roleJson + "]");
        if (organizationAlias != null) {
            String organizations = admin(adminPassword, "GET", "/organizations?search=" + organizationAlias, null)
                    .body();
            String orgId = JSON.readTree(organizations).get(0).path("id").asString();
            admin(adminPassword, "POST", "/organizations/" + orgId + "/members", "\"" + id + "\"");
        }
        return id;
    }

    void setPassword(String adminPassword, String userId) {
        HttpResponse<String> reset = admin(
                adminPassword,
                "PUT",
                "/users/" + userId + "/reset-password",
                "{\"type\":\"password\",\"value\":\"" + DEMO_PASSWORD + "\",\"temporary\":false}");
        if (reset.statusCode() != 204) {
            throw new IllegalStateException("reset-password answered " + reset.statusCode() + ": " + reset.body());
        }
        admin(adminPassword, "PUT", "/users/" + userId, "{\"requiredActions\":[],\"emailVerified\":true}");
    }

    /** Signs a session out as a client would (RP-initiated, with its refresh token); Keycloak then back-channels it. */
    HttpResponse<String> logout(String clientId, String refreshToken) {
        String body = "client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&refresh_token="
                + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + "/realms/hearth/protocol/openid-connect/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The token endpoint's whole answer, whatever its status (for refresh tokens and refusals). */
    HttpResponse<String> tokenResponse(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + "/realms/hearth/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    String realmPublicKeys() {
        return send(HttpRequest.newBuilder(URI.create(base + "/realms/hearth/protocol/openid-connect/certs"))
                        .GET())
                .body();
    }

    String masterRealmToken(String adminPassword) {
        return token(
                "master",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        "admin",
                        "password",
                        adminPassword));
    }

    /** The claims of a compact JWT (read only; the services verify signatures, not this test). */
    static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private String token(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(base + "/realms/" + realm + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
