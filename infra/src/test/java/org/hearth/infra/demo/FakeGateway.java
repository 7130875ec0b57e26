package org.hearth.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the gateway and Keycloak's token endpoint on a random port: handlers per method and path answer
 * in the services' shapes, and every request is recorded so tests can check what the loader sent.
 */
final class FakeGateway implements AutoCloseable {

    record Request(String method, String path, Map<String, String> headers, JsonNode body) {}

    record Answer(int status, Object body, String etag) {
        static Answer ok(Object body) {
            return new Answer(200, body, null);
        }
    }

    interface Handler {
        Answer handle(Request request);
    }

    private final HttpServer server;
    private final Map<String, Handler> handlers = new HashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                serve(exchange);
            } catch (RuntimeException e) { // a broken fake must fail the test loudly, not hang up silently
                byte[] error = String.valueOf(e).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, error.length);
                exchange.getResponseBody().write(error);
                exchange.close();
            }
        });
        server.start();
        // tokens whose sub is "sub-<username>", like Keycloak's password grant
        on(
                "POST",
                "/realms/hearth/protocol/openid-connect/token",
                request -> Answer.ok(Map.of(
                        "access_token",
                        jwt(Map.of("sub", "sub-" + request.headers().get("form-user"))))));
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    FakeGateway on(String method, String path, Handler handler) {
        handlers.put(method + " " + path, handler);
        return this;
    }

    List<Request> requests(String method, String path) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }

    List<Request> writes() {
        return requests.stream()
                .filter(r -> !r.method().equals("GET") && !r.path().startsWith("/realms/"))
                .toList();
    }

    static String jwt(Map<String, Object> claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        try {
            return encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + encoder.encodeToString(HearthApi.JSON.writeValueAsBytes(claims)) + ".";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
        JsonNode body = null;
        if (headers.getOrDefault("content-type", "").startsWith("application/x-www-form-urlencoded")) {
            headers.put("form-user", formValue(raw, raw.contains("username=") ? "username" : "client_id"));
        } else if (!raw.isBlank()) {
            body = HearthApi.JSON.readTree(raw);
        }
        String path = exchange.getRequestURI().getPath();
        Request request = new Request(exchange.getRequestMethod(), path, headers, body);
        requests.add(request);
        Handler handler = handlers.get(request.method() + " " + path);
        Answer answer = handler == null ? new Answer(404, Map.of("title", "Not Found"), null) : handler.handle(request);
        byte[] bytes = answer.body() == null ? new byte[0] : HearthApi.JSON.writeValueAsBytes(answer.body());
        if (answer.etag() != null) {
            exchange.getResponseHeaders().add("ETag", answer.etag());
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static String formValue(String form, String name) {
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    /** A paged list in the platform's PageResponse shape. */
    static Map<String, Object> page(List<?> items) {
        return Map.of(
                "items", new ArrayList<>(items), "page", 0, "size", 200, "totalItems", items.size(), "totalPages", 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
