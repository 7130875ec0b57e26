package org.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.Eventually;
import org.hearth.system.OpenApiOperations.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Issue 24's coverage: every patient-data operation of the reviewed access matrix ({@code access-matrix.md}), called
 * once through the gateway by a persona the matrix names (the first one it lets past its role rules, else the first
 * one), leaves exactly one record in the audit-service, found by the request's own correlation id. Patient-data
 * operations are those whose path names the patient, or one of the patient's threads or visits (the test uses the
 * matrix patient's real thread and a visit it adds). Prints {@code audited operations / patient-data operations}.
 * Then {@code ./hearth audit-verify} walks the chains of the stack's database and finds them intact.
 */
@ExtendWith(SharedStack.class)
class AuditCoverageIT {

    static final Keycloak KEYCLOAK = new Keycloak(LocalStack.KEYCLOAK_PORT);
    static final ApiClient GATEWAY = ApiClient.onPort(LocalStack.GATEWAY_PORT);
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern THREAD = Pattern.compile("^/api/messaging/v1/threads/\\{(threadId|id)}.*");
    static final Pattern VISIT = Pattern.compile("^/api/scheduling/v1/visits/\\{id}.*");
    /** The matrix's column titles → the users behind them (the partner is a client, left out: it reads no records). */
    static final Map<String, String> USERS = Map.of(
            "agency-admin",
            "alice.admin",
            "coordinator",
            "carla.coordinator",
            "physician (lead on team)",
            "dr.patel",
            "nurse (on team)",
            "nina.nurse",
            "therapist (not on team)",
            "pete.therapist",
            "billing",
            "bill.billing",
            "family (SCHEDULE, MESSAGES)",
            "fran.family");

    @Test
    void everyPatientDataOperationLeavesExactlyOneAuditRecord() throws IOException, InterruptedException {
        java.time.Instant started = java.time.Instant.now().minusSeconds(5);
        String patientId = AccessMatrixIT.patientWithTeamAndCircle();
        String carla = KEYCLOAK.userToken("carla.coordinator");
        String threadId = Eventually.await(
                        Duration.ofSeconds(60),
                        () -> GATEWAY.get(
                                "/api/messaging/v1/threads?patientId=" + patientId, KEYCLOAK.userToken("nina.nurse")),
                        r -> r.status() == 200 && r.json().path("items").size() > 0)
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        ApiClient.Response visit = GATEWAY.post(
                "/api/scheduling/v1/visits", carla, """
                {"patientId":"%s","discipline":"SN","type":"IN_HOME","earliest":"%s","latest":"%s"}""".formatted(patientId, tomorrow, tomorrow.plusDays(6)));
        assertThat(visit.status()).as(visit.body()).isEqualTo(201);
        String visitId = visit.json().path("id").asString();

        Map<String, List<String>> matrix = matrix(Files.readString(Path.of("src/test/resources/access-matrix.md")));
        List<String> columns = matrix.remove("operation");
        Map<Operation, String> driven = new LinkedHashMap<>();
        List<String> notPatientData = new ArrayList<>();
        for (Operation operation : OpenApiOperations.load(GATEWAY)) {
            Map<String, String> ids = new LinkedHashMap<>();
            if (operation.template().contains("{patientId}")) {
                ids.put("patientId", patientId);
            } else if (THREAD.matcher(operation.template()).matches()) {
                ids.put(operation.variables().getFirst(), threadId);
            } else if (VISIT.matcher(operation.template()).matches()) {
                ids.put("id", visitId);
            } else {
                notPatientData.add(operation.toString());
                continue;
            }
            List<String> cells = matrix.get(operation.toString());
            assertThat(cells).as("the matrix states " + operation).isNotNull();
            String persona = persona(columns, cells);
            String token = KEYCLOAK.currentUserToken(USERS.get(persona));
            String correlationId = "coverage-" + UUID.randomUUID();
            int status = call(operation.method(), operation.path(ids), token, correlationId);
            driven.put(operation, correlationId);
            System.out.printf("  drove %-90s as %-28s -> %d%n", operation, persona, status);
        }

        String officer = "paula.privacy";
        String lastId = List.copyOf(driven.values()).getLast();
        Eventually.await(
                "the audit-service storing the walk's last request (it reads hearth.audit in order: a "
                        + "backlog from earlier tests delays it)",
                Duration.ofSeconds(180),
                () -> recordsSince(started, officer).getOrDefault(lastId, 0),
                n -> n > 0);
        Thread.sleep(3000); // a second record of a request would arrive about as late as the first
        // the agency's records since the walk began, read page by page (a query per request would scan the store
        // once per operation), counted by each request's correlation id
        Map<String, Integer> counts = recordsSince(started, officer);
        if (driven.values().stream().anyMatch(id -> !counts.containsKey(id))) { // a late one gets one more chance
            Thread.sleep(10_000);
            counts.putAll(recordsSince(started, officer));
        }
        List<String> faults = new ArrayList<>();
        int audited = 0;
        for (Map.Entry<Operation, String> entry : driven.entrySet()) {
            int count = counts.getOrDefault(entry.getValue(), 0);
            if (count == 1) {
                audited++;
            } else {
                faults.add(entry.getKey() + ": " + count + " records");
            }
        }
        System.out.printf(
                "audited operations / patient-data operations = %d/%d (%.1f %%)%n",
                audited, driven.size(), 100.0 * audited / driven.size());
        System.out.println(
                "operations naming no patient resource (lists, agency, payers, clinicians, planning, referrals"
                        + " before admission, authorizations, grants): " + notPatientData.size());
        assertThat(faults).as("operations that left other than one record").isEmpty();
        assertThat(driven).hasSizeGreaterThan(50);

        LocalStack.Outcome verified = SharedStack.STACK.call(180, Map.of(), "audit-verify");
        System.out.print(verified.output());
        assertThat(verified.output()).contains("intact").doesNotContain("BROKEN");
        assertThat(verified.exitCode()).isZero();
    }

    /** The first persona the matrix lets past the role rules (✓ or 404), else the first: the refusal is audited too. */
    private static String persona(List<String> columns, List<String> cells) {
        for (int i = 0; i < columns.size(); i++) {
            if (USERS.containsKey(columns.get(i)) && !cells.get(i).equals("403")) {
                return columns.get(i);
            }
        }
        return columns.getFirst();
    }

    /** Records of the officer's agency stored since {@code from}: how many each correlation id has (distinct records). */
    private static Map<String, Integer> recordsSince(java.time.Instant from, String officer) {
        Map<String, Set<Long>> seqs = new LinkedHashMap<>();
        for (int page = 0, pages = 1; page < pages && page < 100; page++) {
            ApiClient.Response found = GATEWAY.get(
                    "/api/audit/v1/records?size=200&page=" + page + "&from=" + from,
                    KEYCLOAK.currentUserToken(officer));
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            pages = found.json().path("totalPages").asInt();
            for (JsonNode record : found.json().path("items")) {
                seqs.computeIfAbsent(record.path("correlationId").asString(""), k -> new java.util.HashSet<>())
                        .add(record.path("seq").asLong());
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        seqs.forEach((id, records) -> counts.put(id, records.size()));
        return counts;
    }

    /** One call with its own correlation id; an empty JSON body on writes (a multipart file for an upload). */
    private static int call(String method, String path, String token, String correlationId)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + LocalStack.GATEWAY_PORT + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("X-Correlation-Id", correlationId)
                .header("If-Match", "\"1\"")
                .header("Accept", "application/json, application/problem+json, text/csv, text/calendar, */*;q=0.1");
        if (method.equals("POST") && path.endsWith("/attachments")) {
            String boundary = "coverage" + UUID.randomUUID().toString().replace("-", "");
            String body =
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"note.txt\"\r\n"
                            + "Content-Type: text/plain\r\n\r\nhello\r\n--" + boundary + "--\r\n";
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            boolean body = Set.of("POST", "PUT", "PATCH").contains(method);
            request.header("Content-Type", "application/json")
                    .method(
                            method,
                            body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        }
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 429 && attempt < 5) {
                    Thread.sleep(1000L
                            * Long.parseLong(
                                    response.headers().firstValue("Retry-After").orElse("1")));
                    continue;
                }
                return response.statusCode();
            } catch (IOException e) {
                throw new IllegalStateException(path + ": " + e, e);
            }
        }
    }

    /** Row title ("GET /api/…") → its cells; the header row under "operation" gives the column titles. */
    static Map<String, List<String>> matrix(String markdown) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : markdown.lines().toList()) {
            if (!line.startsWith("| ") || line.startsWith("|---")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|")) {
                cells.add(cell.strip());
            }
            rows.put(cells.getFirst(), new ArrayList<>(cells.subList(1, cells.size())));
        }
        return rows;
    }
}
