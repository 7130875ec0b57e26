package org.hearth.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The gateway as a JSON client sees it. Every call carries a bearer token of the acting person, so the services
 * apply their real rules (roles, care-team relationships, agency) to the demo data as to anyone's.
 */
final class HearthApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI gateway;

    HearthApi(URI gateway) {
        this.gateway = gateway;
    }

    ApiResponse get(String token, String path) {
        return send("GET", path, token, null, null, null);
    }

    ApiResponse post(String token, String path, Object body) {
        return send("POST", path, token, body, null, null);
    }

    /** A POST a retry may repeat safely: the service answers the first result for the same key. */
    ApiResponse postIdempotent(String token, String path, String idempotencyKey, Object body) {
        return send("POST", path, token, body, null, idempotencyKey);
    }

    /** A write of a versioned resource with the ETag last read; 412 when someone changed it meanwhile. */
    ApiResponse write(String method, String token, String path, String etag, Object body) {
        return send(method, path, token, body, etag, null);
    }

    /**
     * A read answered 503 (the gateway has not read a just-started service's OpenAPI inventory yet, which on a loaded
     * machine takes longer than its 5 s) is asked again, a few times, before the demo gives up: a read is safe to repeat.
     */
    private ApiResponse send(String method, String path, String token, Object body, String ifMatch, String key) {
        ApiResponse answer = sendOnce(method, path, token, body, ifMatch, key);
        for (int attempt = 1; "GET".equals(method) && answer.status() == 503 && attempt <= 10; attempt++) {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure(method + " " + path + " was interrupted");
            }
            answer = sendOnce(method, path, token, body, ifMatch, key);
        }
        return answer;
    }

    private ApiResponse sendOnce(String method, String path, String token, Object body, String ifMatch, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(
                    request.method(
                                    method,
                                    body == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = parse(response.body());
            return new ApiResponse(
                    method,
                    path,
                    response.statusCode(),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Location").orElse(null),
                    json);
        } catch (IOException e) {
            throw new DemoFailure(method + " " + path + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure(method + " " + path + " was interrupted");
        }
    }

    /** JSON when it is JSON; an error page from a proxy is kept as text so the failure can show it. */
    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(body.length() > 300 ? body.substring(0, 300) : body);
        }
    }
}
