package org.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.platform.test.ApiClient;
import org.hearth.system.OpenApiOperations.Answer;
import org.hearth.system.OpenApiOperations.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 9's security system tests T1 (cross-agency matrix) and T6 (inventory), over every operation of every
 * service's OpenAPI document, through the gateway of the real stack, with real Keycloak tokens.
 */
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    static final Keycloak KEYCLOAK = new Keycloak(LocalStack.KEYCLOAK_PORT);
    static final ApiClient GATEWAY = ApiClient.onPort(LocalStack.GATEWAY_PORT);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static List<Operation> operations;

    @BeforeAll
    static void readTheDocuments() {
        operations = OpenApiOperations.load(GATEWAY);
        assertThat(operations).hasSizeGreaterThan(80);
    }

    @Test
    @Order(1)
    void t6TheGatewayExposesExactlyTheDocumentedOperations() {
        String carla = KEYCLOAK.userToken("carla.coordinator");
        List<String> hidden = new ArrayList<>();
        for (Operation operation : operations) {
            Answer answer = OpenApiOperations.call(operation.method(), operation.path(Map.of()), carla);
            if (refusedAsUndocumented(answer)) {
                hidden.add(operation.toString());
            }
        }

        Map<String, Set<String>> documented = new HashMap<>();
        operations.forEach(o ->
                documented.computeIfAbsent(o.template(), t -> new HashSet<>()).add(o.method()));
        List<String> probes = new ArrayList<>();
        documented.forEach((template, methods) -> OpenApiOperations.METHODS.stream()
                .filter(m -> !methods.contains(m))
                .forEach(m -> probes.add(m + " " + new Operation("", m, template).path(Map.of()))));
        for (String service : OpenApiOperations.SERVICES) {
            probes.add("GET /api/" + service + "/actuator/health");
            probes.add("GET /api/" + service + "/actuator/env");
            probes.add("GET /api/" + service + "/v2/anything");
            probes.add("GET /api/" + service + "/internal/outbox");
        }
        List<String> leaked = new ArrayList<>();
        for (String probe : probes) {
            String[] parts = probe.split(" ", 2);
            Answer answer = OpenApiOperations.call(parts[0], parts[1], carla);
            if (!refusedAsUndocumented(answer)) {
                leaked.add(probe + " → " + answer.status());
            }
        }
        List<String> gatewayOwn = new ArrayList<>();
        for (String path : List.of(
                "/actuator/env",
                "/actuator/gateway/routes",
                "/actuator/heapdump",
                "/actuator/loggers",
                "/api/nowhere/v1/things")) {
            Answer answer = OpenApiOperations.call("GET", path, carla);
            if (answer.status() != 404) {
                gatewayOwn.add(path + " → " + answer.status());
            }
        }
        // every port a request can reach: the gateway's and each service's own (cluster-internal) port serve no
        // actuator at all; metrics and probes answer only on the management port (service port + 1000, loopback)
        List<String> actuatorLeaks = new ArrayList<>();
        int actuatorProbes = 0;
        for (int port : List.of(18080, 18081, 18082, 18083, 18084, 18085)) {
            int publicPort = port + LocalStack.OFFSET;
            for (String path : List.of(
                    "/actuator/health", "/actuator/prometheus", "/actuator/env", "/actuator", "/actuator/heapdump")) {
                actuatorProbes++;
                ApiClient.Response answer = ApiClient.onPort(publicPort).get(path, null);
                if (answer.status() != 404 || !answer.contentType().startsWith("application/problem+json")) {
                    actuatorLeaks.add(publicPort + path + " → " + answer.status());
                }
            }
            ApiClient.Response metrics = ApiClient.onPort(publicPort + 1000).get("/actuator/prometheus", null);
            assertThat(metrics.body())
                    .as("metrics on the management port of " + publicPort)
                    .contains("jvm_");
        }
        System.out.printf(
                "T6 actuator: %d probes of actuator paths on the 6 public ports, %d answered 404%n",
                actuatorProbes, actuatorProbes - actuatorLeaks.size());
        assertThat(actuatorLeaks).as("actuator paths served on a public port").isEmpty();

        System.out.printf(
                "T6 inventory: %d documented operations, %d exposed through the gateway; %d undocumented "
                        + "method/path probes, %d refused; %d gateway-internal paths, %d not found%n",
                operations.size(),
                operations.size() - hidden.size(),
                probes.size(),
                probes.size() - leaked.size(),
                5,
                5 - gatewayOwn.size());
        assertThat(hidden).as("documented operations the gateway hides").isEmpty();
        assertThat(leaked)
                .as("undocumented operations that got past the gateway")
                .isEmpty();
        assertThat(gatewayOwn).as("gateway-internal endpoints reachable").isEmpty();
    }

    private static boolean refusedAsUndocumented(Answer answer) {
        return answer.status() == 404 && answer.body().contains("No such operation");
    }

    @Test
    @Order(2)
    void t1AnotherAgencyLearnsNothingFromAnyOperationOnRealIds() {
        String carla = KEYCLOAK.userToken("carla.coordinator");
        Map<String, List<String>> sunriseIds = discoverIds(carla);
        assertThat(sunriseIds.get("patients")).as("Sunrise has patients").isNotEmpty();
        Set<String> everySunriseId = new HashSet<>();
        sunriseIds.values().forEach(everySunriseId::addAll);

        String rita = KEYCLOAK.userToken("rita.coordinator");
        String rob = KEYCLOAK.userToken("rob.admin");
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> leaks = new ArrayList<>();
        int withIds = 0;
        int realSubstitutions = 0;
        int syntheticSubstitutions = 0;
        int collectionsChecked = 0;
        for (Operation operation : operations) {
            String foreigner = operation.template().contains("/agency/") ? rob : rita;
            if (operation.variables().isEmpty()) {
                if (operation.method().equals("GET") && !operation.isStream()) {
                    collectionsChecked++;
                    Answer list = OpenApiOperations.call("GET", operation.path(Map.of()), foreigner);
                    everySunriseId.stream()
                            .filter(list.body()::contains)
                            .findFirst()
                            .ifPresent(id -> leaks.add(operation + " lists Sunrise's " + id));
                }
                continue;
            }
            withIds++;
            Map<String, String> real = new LinkedHashMap<>();
            Map<String, String> ghost = new LinkedHashMap<>();
            for (String variable : operation.variables()) {
                List<String> known = sunriseIds.getOrDefault(operation.collectionOf(variable), List.of());
                if (known.isEmpty()) {
                    syntheticSubstitutions++;
                    real.put(variable, UUID.randomUUID().toString());
                } else {
                    realSubstitutions++;
                    real.put(variable, known.getFirst());
                }
                ghost.put(variable, UUID.randomUUID().toString());
            }
            Answer onReal = OpenApiOperations.call(operation.method(), operation.path(real), foreigner);
            Answer onGhost = OpenApiOperations.call(operation.method(), operation.path(ghost), foreigner);
            statuses.merge(onReal.status(), 1, Integer::sum);
            if (onReal.success()) {
                leaks.add(operation + " answered " + onReal.status() + " to the other agency");
            } else if (onReal.status() != onGhost.status()
                    || !normalized(onReal.body(), real).equals(normalized(onGhost.body(), ghost))) {
                leaks.add(operation + " told a real id (" + onReal.status() + ") from an unknown one ("
                        + onGhost.status() + ")");
            }
        }

        System.out.printf(
                "T1 cross-agency: %d operations with ids called by Riverbend on Sunrise's ids (%d real ids, "
                        + "%d synthetic where Sunrise has none), answers by status %s; %d collections read, "
                        + "%d leaks%n",
                withIds, realSubstitutions, syntheticSubstitutions, statuses, collectionsChecked, leaks.size());
        assertThat(leaks).isEmpty();
    }

    /** The body with the ids of the request and the per-request fields taken out: what could tell ids apart. */
    private static String normalized(String body, Map<String, String> ids) {
        String text = body;
        for (String id : ids.values()) {
            text = text.replace(id, "<id>");
        }
        try {
            JsonNode json = JSON.readTree(text);
            if (json instanceof ObjectNode object) {
                object.remove("correlationId");
                object.remove("instance");
                return object.toString();
            }
        } catch (RuntimeException notJson) {
            // compare the raw text
        }
        return text;
    }

    /**
     * Ids of Sunrise's resources, by collection name ({@code patients}, {@code visits}, {@code threads}, …):
     * read from every list the coordinator may read, then from the lists nested under what was found.
     */
    static Map<String, List<String>> discoverIds(String token) {
        Map<String, List<String>> ids = new ConcurrentHashMap<>();
        for (int pass = 0; pass < 2; pass++) {
            for (Operation operation : operations) {
                if (!operation.method().equals("GET")
                        || operation.isStream()
                        || operation.template().endsWith("}")) {
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                boolean complete = true;
                for (String variable : operation.variables()) {
                    List<String> known = ids.getOrDefault(operation.collectionOf(variable), List.of());
                    if (known.isEmpty()) {
                        complete = false;
                        break;
                    }
                    values.put(variable, known.getFirst());
                }
                if (!complete) {
                    continue;
                }
                Answer answer = OpenApiOperations.call("GET", operation.path(values), token);
                if (!answer.success()
                        || answer.body().isBlank()
                        || !answer.body().startsWith("{") && !answer.body().startsWith("[")) {
                    continue;
                }
                JsonNode json = JSON.readTree(answer.body());
                JsonNode items = json.isArray() ? json : json.path("items");
                String collection =
                        operation.template().substring(operation.template().lastIndexOf('/') + 1);
                List<String> found = new CopyOnWriteArrayList<>();
                for (JsonNode item : items) {
                    String id = item.path("id").asString(null);
                    if (id != null && !id.isBlank()) {
                        found.add(id);
                    }
                }
                if (!found.isEmpty()) {
                    ids.merge(collection, found, (a, b) -> {
                        List<String> merged = new ArrayList<>(a);
                        b.stream().filter(id -> !merged.contains(id)).forEach(merged::add);
                        return merged;
                    });
                }
            }
        }
        return ids;
    }
}
