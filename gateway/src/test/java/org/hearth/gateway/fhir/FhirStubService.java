package org.hearth.gateway.fhir;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A real HTTP server standing in for a service's FHIR API: it records what reached it (path with query, headers) and
 * answers what {@code answer} gives for the path and query (fhir+json, 200), or a 404 OperationOutcome.
 */
final class FhirStubService implements AutoCloseable {

    record Received(String method, String path, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    FhirStubService(Function<String, String> answer) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().toString();
            received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders())));
            exchange.getRequestBody().readAllBytes();
            String body = answer.apply(path);
            int status = 200;
            if (body == null) {
                status = 404;
                body =
                        "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"not-found\"}]}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return received;
    }

    List<Received> searches() {
        return received.stream().filter(r -> !r.path().endsWith("/metadata")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String statement(String... types) {
        StringBuilder resources = new StringBuilder();
        for (String type : types) {
            resources
                    .append(resources.isEmpty() ? "" : ",")
                    .append("{\"type\":\"")
                    .append(type)
                    .append("\",\"interaction\":[{\"code\":\"read\"},{\"code\":\"search-type\"}],"
                            + "\"searchParam\":[{\"name\":\"patient\",\"type\":\"reference\"}]}");
        }
        return "{\"resourceType\":\"CapabilityStatement\",\"status\":\"active\",\"date\":\"2026-12-03\",\"kind\":\"instance\","
                + "\"fhirVersion\":\"4.0.1\",\"format\":[\"json\"],\"rest\":[{\"mode\":\"server\",\"resource\":["
                + resources + "]}]}";
    }

    static String bundle(String next, String... resources) {
        StringBuilder entries = new StringBuilder();
        for (String resource : resources) {
            entries.append(entries.isEmpty() ? "" : ",")
                    .append("{\"resource\":")
                    .append(resource)
                    .append(",\"search\":{\"mode\":\"match\"}}");
        }
        return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":" + resources.length + ",\"link\":["
                + "{\"relation\":\"self\",\"url\":\"http://public.example/fhir/R4/x\"}"
                + (next == null ? "" : ",{\"relation\":\"next\",\"url\":\"" + next + "\"}")
                + "],\"entry\":[" + entries + "]}";
    }
}
