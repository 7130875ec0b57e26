package org.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hearth.platform.test.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jane's admission followed by its trace id through the whole stack: the coordinator's request carries a W3C
 * {@code traceparent}; the gateway's span continues it, patient-service's span continues the gateway's, the outbox
 * relay publishes PatientAdmitted in the same trace, and scheduling, messaging and billing handle it in consumer spans
 * of that trace. The proof is in the services' own JSON (ECS) log files: one line each, with the trace id, written
 * inside the span that handled the request or the event (the stack runs with the request and event-handling lines
 * at DEBUG, see {@link LocalStack}).
 */
@ExtendWith(SharedStack.class)
class TraceIT {

    static final ApiClient GATEWAY = ApiClient.onPort(LocalStack.GATEWAY_PORT);
    static final Keycloak KEYCLOAK = new Keycloak(LocalStack.KEYCLOAK_PORT);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String REFERRALS = "/api/patients/v1/referrals";

    @Test
    void oneAdmissionsTraceIdIsInTheGatewayPatientServiceAndEveryConsumersLog() throws Exception {
        String partner = KEYCLOAK.partnerToken("sunrise-partner", "sunrise-partner-secret");
        String carla = KEYCLOAK.userToken("carla.coordinator");
        ApiClient.Response referral = send("POST", REFERRALS, partner, referralOfJane(), null);
        assertThat(referral.status()).as(referral.body()).isEqualTo(201);
        String referralId = referral.json().path("id").asString();
        assertThat(send("POST", REFERRALS + "/" + referralId + "/acceptance", carla, null, null)
                        .status())
                .isEqualTo(200);

        String traceId = HexFormat.of().formatHex(random(16));
        String callerSpan = HexFormat.of().formatHex(random(8));
        ApiClient.Response admitted = send(
                "POST",
                REFERRALS + "/" + referralId + "/admission",
                carla,
                null,
                "00-" + traceId + "-" + callerSpan + "-01");
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("gateway", "via route patients answered 200");
        expected.put("patient-service", "/admission answered 200");
        expected.put("scheduling-service", "org.hearth.patient.PatientAdmitted.v1");
        expected.put("messaging-service", "org.hearth.patient.PatientAdmitted.v1");
        expected.put("billing-service", "org.hearth.patient.PatientAdmitted.v1");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Map<String, JsonNode> found = new LinkedHashMap<>();
        while (found.size() < expected.size() && Instant.now().isBefore(deadline)) {
            for (Map.Entry<String, String> service : expected.entrySet()) {
                if (!found.containsKey(service.getKey())) {
                    lineOf(service.getKey(), traceId, service.getValue())
                            .ifPresent(l -> found.put(service.getKey(), l));
                }
            }
            Thread.sleep(500);
        }
        assertThat(found.keySet())
                .as("services whose log has a line of trace %s", traceId)
                .containsExactlyInAnyOrderElementsOf(expected.keySet()); // found in whatever order they were written
        for (Map.Entry<String, JsonNode> line : found.entrySet()) {
            System.out.println("[trace " + traceId + "] " + line.getKey() + ": "
                    + line.getValue().path("message").asString() + " (span " + id(line.getValue(), "span") + ")");
            // every service's line is in a span of its own, not the caller's
            assertThat(id(line.getValue(), "span"))
                    .as(line.getKey())
                    .hasSize(16)
                    .isNotEqualTo(callerSpan);
        }
        // the consumer's own line (DEBUG in the local stack) carries the trace, not only the handler's first line
        assertThat(lineOf("scheduling-service", traceId, "handled by consumer"))
                .as("scheduling's consumer line")
                .isPresent();
        assertThat(found.values().stream().map(l -> id(l, "span")).distinct().count())
                .as("one span per service")
                .isEqualTo(expected.size());
    }

    /** The first JSON line of a service's log with the trace id whose message contains {@code marker}. */
    private static java.util.Optional<JsonNode> lineOf(String service, String traceId, String marker)
            throws IOException {
        Path log = SharedStack.STACK.log(service);
        if (!Files.exists(log)) {
            return java.util.Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        try (var all = Files.lines(log)) {
            all.filter(l -> l.contains(traceId)).forEach(lines::add);
        }
        for (String line : lines) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode json = JSON.readTree(line);
            if (traceId.equals(id(json, "trace"))
                    && json.path("message").asString().contains(marker)) {
                return java.util.Optional.of(json);
            }
        }
        return java.util.Optional.empty();
    }

    /** {@code traceId} / {@code spanId} from the logging MDC (or ECS's own {@code trace.id} / {@code span.id}). */
    private static String id(JsonNode line, String kind) {
        JsonNode flat = line.path(kind + "Id");
        return flat.isMissingNode() ? line.path(kind).path("id").asString() : flat.asString();
    }

    private static ApiClient.Response send(String method, String path, String token, Object body, String traceparent) {
        HttpRequest.Builder request = GATEWAY.request(path, token);
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return GATEWAY.send(request);
    }

    private static Map<String, Object> referralOfJane() {
        return Map.of(
                "source",
                "HOSPITAL_DISCHARGE",
                "referringPhysician",
                Map.of("name", "Dr. Priya Patel", "npi", "1234567893"),
                "reason",
                "Home after heart failure",
                "diagnoses",
                List.of(Map.of("code", "I50.9", "description", "Heart failure, unspecified", "primary", true)),
                "requestedDisciplines",
                List.of("SN"),
                "dischargeDate",
                LocalDate.now().minusDays(1).toString(),
                "complexity",
                "HIGH",
                "patient",
                Map.of(
                        "givenName",
                        "Jane",
                        "familyName",
                        "Trace",
                        "birthDate",
                        "1947-05-02",
                        "address",
                        Map.of(
                                "line1",
                                "9 Trace Road",
                                "city",
                                "Springfield",
                                "state",
                                "IL",
                                "postalCode",
                                "62702",
                                "latitude",
                                39.81,
                                "longitude",
                                -89.66)));
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1;
        return bytes;
    }
}
