package org.hearth.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens from Keycloak's token endpoint: the password grant of the local-only {@code hearth-cli} client for
 * people, client credentials for partner systems. Tokens live 5 minutes, so each is reused for at most 4.
 */
final class Tokens {

    static final String DEMO_PASSWORD = "Hearth-Demo-2026";
    private static final Duration REUSE = Duration.ofMinutes(4);

    private record Issued(String token, Instant at) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI tokenEndpoint;
    private final Clock clock;
    private final Map<String, Issued> issued = new HashMap<>();

    Tokens(URI keycloak, Clock clock) {
        this.tokenEndpoint = keycloak.resolve("/realms/hearth/protocol/openid-connect/token");
        this.clock = clock;
    }

    /** A token of a demo user (password grant). */
    String of(String username) {
        return cached(
                "user:" + username,
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "hearth-cli",
                        "username",
                        username,
                        "password",
                        DEMO_PASSWORD));
    }

    /** A token of a partner system (client credentials). */
    String ofClient(String clientId, String secret) {
        return cached(
                "client:" + clientId,
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** The Keycloak {@code sub} of a demo user: what care teams, circles and the roster refer to. */
    String subjectOf(String username) {
        return claims(of(username)).path("sub").asText();
    }

    static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new DemoFailure("the token endpoint answered something that is not a JWT");
        }
        try {
            return HearthApi.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new DemoFailure("unreadable token claims: " + e.getMessage());
        }
    }

    private String cached(String key, Map<String, String> form) {
        Issued known = issued.get(key);
        if (known != null && known.at().plus(REUSE).isAfter(clock.instant())) {
            return known.token();
        }
        String token = request(form);
        issued.put(key, new Issued(token, clock.instant()));
        return token;
    }

    private String request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(tokenEndpoint)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new DemoFailure("token for " + form.getOrDefault("username", form.get("client_id"))
                        + " refused (" + response.statusCode() + "): " + response.body()
                        + " - is the realm current? ./hearth clean re-imports infra/keycloak/hearth-realm.json");
            }
            return HearthApi.JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new DemoFailure("token endpoint " + tokenEndpoint + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while asking for a token");
        }
    }
}
