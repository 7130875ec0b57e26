package org.hearth.patient.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provisioning a staff account with Idempotency-Key against a stand-in for Keycloak's admin API (the module's tests
 * run without Keycloak): a retry whose first answer was lost answers the same account and creates no second one.
 */
@HearthServiceTest
class StaffIdempotencyIT {

    static final String API = "/api/patients/v1/agency/staff";
    static final FakeKeycloak KEYCLOAK = FakeKeycloak.start();

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("hearth.keycloak-admin.url", KEYCLOAK::url);
        registry.add("hearth.keycloak-admin.client-secret", () -> "test-secret");
    }

    @AfterAll
    static void stop() {
        KEYCLOAK.server.stop(0);
    }

    @LocalServerPort
    int port;

    ApiClient api;
    final String agency = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
    }

    String admin() {
        return TestTokenIssuer.shared()
                .token()
                .subject("admin-" + agency)
                .agency("a", agency)
                .roles("agency-admin")
                .audience("patient-service")
                .sign();
    }

    @Test
    void aRetriedProvisioningAnswersTheSameAccountAndCreatesNoSecondOne() {
        String username = "nina-" + agency.substring(0, 8);
        String nina = """
                {"username":"%s","email":"%s@example.org","givenName":"Nina","familyName":"Park","roles":["nurse"]}""".formatted(username, username);
        String key = "staff-" + UUID.randomUUID();
        int before = KEYCLOAK.usersCreated.get();

        ApiClient.Response first = provision(key, nina);
        ApiClient.Response retry = provision(key, nina);
        ApiClient.Response otherBody = provision(key, nina.replace("\"Park\"", "\"Parker\""));
        ApiClient.Response withoutKey = provision(null, nina);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.json().path("roles").get(0).asString()).isEqualTo("nurse");
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().path("type").asString()).endsWith("/problems/idempotency-key-reused");
        assertThat(withoutKey.status())
                .as("without a key, a second create is refused as before")
                .isEqualTo(409);
        assertThat(KEYCLOAK.usersCreated.get() - before)
                .as("Keycloak users created")
                .isEqualTo(1);
    }

    @Test
    void aCoordinatorListsTheAgencysCaringStaffByNameAndRolesOnly() {
        String suffix = agency.substring(0, 8);
        String nurse = """
                {"username":"nora-%s","email":"nora-%s@example.org","givenName":"Nora","familyName":"Nurse","roles":["nurse"]}""".formatted(suffix, suffix);
        String biller = """
                {"username":"bea-%s","email":"bea-%s@example.org","givenName":"Bea","familyName":"Biller","roles":["billing"]}""".formatted(suffix, suffix);
        assertThat(provision(null, nurse).status()).isEqualTo(201);
        assertThat(provision(null, biller).status()).isEqualTo(201);
        String coordinator = TestTokenIssuer.shared()
                .token()
                .subject("carla-" + agency)
                .agency("a", agency)
                .roles("coordinator")
                .audience("patient-service")
                .sign();

        ApiClient.Response staff = api.get("/api/patients/v1/agency/care-staff", coordinator);

        assertThat(staff.status()).as(staff.body()).isEqualTo(200);
        assertThat(staff.json()).hasSize(1);
        assertThat(staff.json().get(0).path("name").asString()).isEqualTo("Nora Nurse");
        assertThat(staff.json().get(0).path("roles").get(0).asString()).isEqualTo("nurse");
        assertThat(staff.body()).doesNotContain("example.org").doesNotContain("nora-");
        String nurseToken = TestTokenIssuer.shared()
                .token()
                .subject("n-" + agency)
                .agency("a", agency)
                .roles("nurse")
                .audience("patient-service")
                .sign();
        assertThat(api.get("/api/patients/v1/agency/care-staff", nurseToken).status())
                .isEqualTo(403);
    }

    ApiClient.Response provision(String key, String body) {
        HttpRequest.Builder request = api.request(API, admin()).header("Content-Type", "application/json");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return api.send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Just enough of Keycloak's admin API for provisioning: users, organization members, realm roles. */
    static final class FakeKeycloak {

        final HttpServer server;
        final JsonMapper json = JsonMapper.builder().build();
        final Map<String, Map<String, Object>> users = new ConcurrentHashMap<>();
        final Map<String, List<String>> roles = new ConcurrentHashMap<>();
        final Set<String> members = ConcurrentHashMap.newKeySet(); // org|user
        final AtomicInteger usersCreated = new AtomicInteger();

        private FakeKeycloak(HttpServer server) {
            this.server = server;
        }

        static FakeKeycloak start() {
            try {
                FakeKeycloak fake = new FakeKeycloak(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
                fake.server.createContext("/", exchange -> {
                    try (exchange) {
                        fake.handle(exchange);
                    }
                });
                fake.server.start();
                return fake;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private synchronized void handle(HttpExchange exchange) throws IOException {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.endsWith("/protocol/openid-connect/token")) {
                answer(exchange, 200, Map.of("access_token", "admin-token", "expires_in", 300));
                return;
            }
            String[] p = path.replaceFirst("^/admin/realms/hearth", "").split("/");
            if (method.equals("POST") && path.endsWith("/users")) {
                JsonNode user = json.readTree(body);
                String username = user.path("username").asString();
                if (users.values().stream().anyMatch(u -> username.equals(u.get("username")))) {
                    answer(exchange, 409, Map.of("errorMessage", "User exists with same username"));
                    return;
                }
                String id = UUID.randomUUID().toString();
                Map<String, Object> stored = new LinkedHashMap<>();
                stored.put("id", id);
                stored.put("username", username);
                stored.put("email", user.path("email").asString());
                stored.put("firstName", user.path("firstName").asString());
                stored.put("lastName", user.path("lastName").asString());
                stored.put("enabled", true);
                users.put(id, stored);
                usersCreated.incrementAndGet();
                exchange.getResponseHeaders().add("Location", url() + path + "/" + id);
                exchange.sendResponseHeaders(201, -1);
            } else if (method.equals("GET") && path.endsWith("/users")) {
                String username = query(exchange, "username");
                answer(
                        exchange,
                        200,
                        users.values().stream()
                                .filter(u -> u.get("username").equals(username))
                                .toList());
            } else if (p.length == 3 && p[1].equals("users") && method.equals("GET")) {
                Map<String, Object> user = users.get(p[2]);
                answer(exchange, user == null ? 404 : 200, user == null ? Map.of() : user);
            } else if (p.length == 3 && p[1].equals("users") && method.equals("DELETE")) {
                users.remove(p[2]);
                exchange.sendResponseHeaders(204, -1);
            } else if (p.length == 4 && p[1].equals("organizations") && method.equals("POST")) {
                members.add(p[2] + "|" + json.readTree(body).asString());
                exchange.sendResponseHeaders(201, -1);
            } else if (p.length == 4 && p[1].equals("organizations") && method.equals("GET")) {
                answer(
                        exchange,
                        200,
                        users.values().stream()
                                .filter(u -> members.contains(p[2] + "|" + u.get("id")))
                                .toList());
            } else if (p.length == 5 && p[1].equals("organizations") && method.equals("GET")) {
                boolean member = members.contains(p[2] + "|" + p[4]);
                answer(exchange, member ? 200 : 404, member ? users.get(p[4]) : Map.of());
            } else if (p.length == 3 && p[1].equals("roles")) {
                answer(exchange, 200, Map.of("id", p[2], "name", p[2]));
            } else if (p.length == 5 && p[3].equals("role-mappings") && method.equals("POST")) {
                List<String> names = new ArrayList<>();
                json.readTree(body).forEach(r -> names.add(r.path("name").asString()));
                roles.put(p[2], names);
                exchange.sendResponseHeaders(204, -1);
            } else if (p.length == 5 && p[3].equals("role-mappings")) {
                answer(
                        exchange,
                        200,
                        roles.getOrDefault(p[2], List.of()).stream()
                                .map(n -> Map.of("name", n))
                                .toList());
            } else if (p.length == 4 && p[3].equals("execute-actions-email")) {
                answer(exchange, 500, Map.of("errorMessage", "no SMTP")); // like a realm without e-mail
            } else {
                answer(exchange, 404, Map.of("error", "not faked: " + method + " " + path));
            }
        }

        private static String query(HttpExchange exchange, String name) {
            String query = exchange.getRequestURI().getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals(name) && kv.length == 2) {
                    return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        private void answer(HttpExchange exchange, int status, Object body) throws IOException {
            byte[] bytes = json.writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
