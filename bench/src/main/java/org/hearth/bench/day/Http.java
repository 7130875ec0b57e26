package org.hearth.bench.day;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * JSON over HTTP for the day: one keep-alive client (HTTP/1.1) shared by every virtual thread, the caller's bearer
 * token, and the answer's status, ETag, Location and body. A call that gets no answer reports status 0.
 */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One answer. */
    record Answer(int status, String etag, String location, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The created resource's id: the last segment of Location, else the body's id. */
        String createdId() {
            return location != null
                    ? location.substring(location.lastIndexOf('/') + 1)
                    : body.path("id").asString();
        }

        Answer expect(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + " answered " + status + ": " + body);
            }
            return this;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;

    Http(String base) {
        this.base = base;
    }

    Answer get(String token, String path) {
        return send("GET", path, token, null, null);
    }

    /** A form POST (Keycloak's token endpoint). */
    Answer sendForm(String path, String form) {
        return send("POST", path, null, new Form(form), null);
    }

    /** A body sent as {@code application/x-www-form-urlencoded}. */
    record Form(String encoded) {}

    Answer send(String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers != null) {
            headers.forEach(request::header);
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body instanceof Form form) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
            publisher = HttpRequest.BodyPublishers.ofString(form.encoded());
        } else if (body != null) {
            request.header("Content-Type", "application/json");
            publisher = HttpRequest.BodyPublishers.ofString(
                    body instanceof String text ? text : JSON.writeValueAsString(body));
        }
        try {
            HttpResponse<String> response =
                    client.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Location").orElse(null),
                    parse(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, null, MissingNode.getInstance());
        } catch (Exception e) {
            return new Answer(0, null, null, JSON.getNodeFactory().textNode(e.toString()));
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.getNodeFactory().textNode(body.length() > 300 ? body.substring(0, 300) : body);
        }
    }
}
