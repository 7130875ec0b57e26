package org.hearth.patient.alerts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak's admin REST API as far as the escalator reads it, over real HTTP on 127.0.0.1: the client-credentials
 * token endpoint, an organization's members and a realm role's users (with Keycloak's paths, JSON shapes and bearer
 * check), so patient-service's {@code KeycloakAdmin} and {@code AgencyDirectory} run unchanged. It can be switched
 * down (503, as a Keycloak restarting answers) and counts the admin reads, so caching and outages are observable.
 */
public final class KeycloakStandIn implements AutoCloseable {

    public static final String SECRET = "stand-in-secret";
    private static final String TOKEN = "stand-in-token";
    private static final Pattern MEMBERS = Pattern.compile("/admin/realms/hearth/organizations/([^/]+)/members");
    private static final Pattern ROLE_USERS = Pattern.compile("/admin/realms/hearth/roles/([^/]+)/users");

    private record User(String id, boolean enabled, Set<String> roles) {}

    private final HttpServer server;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> organizations = new ConcurrentHashMap<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger adminReads = new AtomicInteger();
    private final Map<String, AtomicInteger> memberReads = new ConcurrentHashMap<>();

    public KeycloakStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/realms/hearth/protocol/openid-connect/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (down.get()) {
                respond(exchange, 503, "{}");
            } else if (!form.contains("client_secret=" + SECRET)) {
                respond(exchange, 401, "{\"error\":\"unauthorized_client\"}");
            } else {
                respond(exchange, 200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":300}");
            }
        });
        server.createContext("/admin/realms/hearth/", this::admin);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A staff account of {@code organization} (null: of no agency) holding realm {@code roles}. */
    public KeycloakStandIn user(String id, String organization, boolean enabled, String... roles) {
        users.put(id, new User(id, enabled, Set.of(roles)));
        if (organization != null) {
            organizations
                    .computeIfAbsent(organization, o -> ConcurrentHashMap.newKeySet())
                    .add(id);
        }
        return this;
    }

    void down(boolean isDown) {
        down.set(isDown);
    }

    int adminReads() {
        return adminReads.get();
    }

    /** How often an organization's members were asked for, also while down. */
    int memberReads(String organization) {
        return memberReads.getOrDefault(organization, new AtomicInteger()).get();
    }

    private void admin(HttpExchange exchange) throws IOException {
        Matcher asked = MEMBERS.matcher(exchange.getRequestURI().getPath());
        if (asked.matches()) {
            memberReads
                    .computeIfAbsent(asked.group(1), o -> new AtomicInteger())
                    .incrementAndGet();
        }
        if (down.get()) {
            respond(exchange, 503, "{}");
            return;
        }
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{}");
            return;
        }
        adminReads.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        Matcher members = MEMBERS.matcher(path);
        Matcher roleUsers = ROLE_USERS.matcher(path);
        List<User> answer = new ArrayList<>();
        if (members.matches()) {
            organizations.getOrDefault(members.group(1), Set.of()).forEach(id -> answer.add(users.get(id)));
        } else if (roleUsers.matches()) {
            users.values().stream()
                    .filter(u -> u.roles().contains(roleUsers.group(1)))
                    .forEach(answer::add);
        } else {
            respond(exchange, 404, "{\"error\":\"not found\"}");
            return;
        }
        respond(
                exchange,
                200,
                answer.stream()
                        .map(u -> "{\"id\":\"" + u.id() + "\",\"username\":\"user-" + u.id() + "\",\"enabled\":"
                                + u.enabled() + "}")
                        .reduce((a, b) -> a + "," + b)
                        .map(s -> "[" + s + "]")
                        .orElse("[]"));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
