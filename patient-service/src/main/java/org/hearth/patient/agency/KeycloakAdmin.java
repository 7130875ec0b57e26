package org.hearth.patient.agency;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Keycloak's admin REST API with the service account's token (client credentials, renewed 30 s before it
 * expires). Keycloak's answers become problems: 409 stays a conflict, 404 a not-found, anything else 502 so
 * that a client can tell "Keycloak failed" from "your request was wrong". Nothing of a request body is logged.
 */
@Component
@EnableConfigurationProperties(KeycloakAdminProperties.class)
class KeycloakAdmin {

    private static final Logger log = LoggerFactory.getLogger(KeycloakAdmin.class);

    private final KeycloakAdminProperties properties;
    private final RestClient http;
    private volatile String token;
    private volatile Instant tokenRenewal = Instant.EPOCH;

    KeycloakAdmin(KeycloakAdminProperties properties) {
        this.properties = properties;
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(3));
        timeouts.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder()
                .requestFactory(timeouts)
                .baseUrl(properties.url().toString())
                .build();
    }

    /** {@code /admin/realms/<realm>} + {@code path}. */
    String admin(String path) {
        return "/admin/realms/" + properties.realm() + path;
    }

    JsonNode get(String path, Object... variables) {
        return call(() -> http.get()
                .uri(admin(path), variables)
                .headers(h -> h.setBearerAuth(token()))
                .retrieve()
                .body(JsonNode.class));
    }

    Optional<JsonNode> find(String path, Object... variables) {
        try {
            return Optional.ofNullable(get(path, variables));
        } catch (ApiException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** POSTs and answers the id at the end of {@code Location} (Keycloak's way of naming what it created). */
    String create(String path, Object body, Object... variables) {
        ResponseEntity<Void> created = call(() -> http.post()
                .uri(admin(path), variables)
                .headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity());
        URI location = created.getHeaders().getLocation();
        return location == null
                ? null
                : location.getPath().substring(location.getPath().lastIndexOf('/') + 1);
    }

    void post(String path, Object body, Object... variables) {
        call(() -> http.post()
                .uri(admin(path), variables)
                .headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity());
    }

    void put(String path, Object body, Object... variables) {
        call(() -> http.put()
                .uri(admin(path), variables)
                .headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity());
    }

    void delete(String path, Object... variables) {
        call(() -> http.delete()
                .uri(admin(path), variables)
                .headers(h -> h.setBearerAuth(token()))
                .retrieve()
                .toBodilessEntity());
    }

    private <T> T call(Supplier<T> request) {
        if (!properties.configured()) {
            throw new ApiException(
                    ProblemType.BUSY,
                    "Agency administration is not configured on this deployment "
                            + "(no Keycloak admin client secret).");
        }
        try {
            return request.get();
        } catch (HttpClientErrorException.Conflict e) {
            throw ApiException.conflict("Keycloak already has an account or client with this name or e-mail.");
        } catch (HttpClientErrorException.NotFound e) {
            throw ApiException.notFound("account");
        } catch (HttpClientErrorException e) {
            log.warn("Keycloak admin API refused a call: {}", e.getStatusCode());
            throw new ApiException(
                    ProblemType.UPSTREAM_FAILED,
                    "The identity provider refused the change ("
                            + e.getStatusCode().value() + ").");
        } catch (RestClientException e) {
            log.warn("Keycloak admin API failed: {}", e.getClass().getSimpleName());
            throw new ApiException(ProblemType.UPSTREAM_FAILED, "The identity provider is not reachable right now.");
        }
    }

    private String token() {
        if (token == null || Instant.now().isAfter(tokenRenewal)) {
            LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", properties.clientId());
            form.add("client_secret", properties.clientSecret());
            JsonNode answer = http.post()
                    .uri("/realms/" + properties.realm() + "/protocol/openid-connect/token")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw new RestClientException("token endpoint answered " + response.getStatusCode());
                    })
                    .body(JsonNode.class);
            token = answer.path("access_token").asString();
            tokenRenewal = Instant.now()
                    .plusSeconds(Math.max(5, answer.path("expires_in").asLong(60) - 30));
        }
        return token;
    }
}
