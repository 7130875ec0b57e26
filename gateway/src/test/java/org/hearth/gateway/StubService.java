package org.hearth.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server standing in for a Hearth service behind the gateway: it records what reached it
 * (path and headers) and answers with a small JSON naming itself.
 */
final class StubService implements AutoCloseable {

    record Received(String method, String path, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    /** How long {@code …/slow} takes to answer. */
    static final java.time.Duration SLOW = java.time.Duration.ofSeconds(8);

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    StubService(String name) {
        this(name, "{\"openapi\":\"3.1.0\",\"paths\":{}}");
    }

    /** @param openApi what the service answers at {@code /api/<name>/v3/api-docs}: the operations it documents */
    StubService(String name, String openApi) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders())));
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                try { // a service too busy to answer within the gateway's response timeout
                    Thread.sleep(SLOW.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (exchange.getRequestURI().getPath().endsWith("/hang-up")) {
                // a service that dies (or closes the connection) after reading the request: no answer at all
                throw new IllegalStateException("closing the connection without an answer");
            }
            byte[] body = (exchange.getRequestURI().getPath().endsWith("/v3/api-docs")
                            ? openApi
                            : "{\"service\":\"" + name + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
            if (correlationId != null) { // as every Hearth service does
                exchange.getResponseHeaders().add("X-Correlation-Id", correlationId);
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()); // a slow one blocks none
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return received;
    }

    /** What reached the service apart from the gateway reading its OpenAPI document. */
    List<Received> operations() {
        return received.stream().filter(r -> !r.path().contains("/v3/api-docs")).toList();
    }

    Received last() {
        return received.getLast();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
