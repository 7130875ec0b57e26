package org.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.Eventually;
import org.hearth.system.OpenApiOperations.Answer;
import org.hearth.system.OpenApiOperations.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9's T2: the expected access of each persona to each documented operation lives in
 * {@code src/test/resources/access-matrix.md}, a table a product owner can read and review. Every cell is
 * called through the gateway with the persona's real token, on a patient whose care team and care circle this
 * test sets up; a changed answer or an undocumented operation fails the test and writes the observed table to
 * {@code target/access-matrix.observed.md} for review.
 */
@ExtendWith(SharedStack.class)
class AccessMatrixIT {

    static final Keycloak KEYCLOAK = new Keycloak(LocalStack.KEYCLOAK_PORT);
    static final ApiClient GATEWAY = ApiClient.onPort(LocalStack.GATEWAY_PORT);
    static final Path EXPECTED = Path.of("src/test/resources/access-matrix.md");
    static final Path OBSERVED = Path.of("target/access-matrix.observed.md");

    /**
     * FHIR endpoints (issue 23), which no OpenAPI document lists: their contract is the CapabilityStatement. The
     * gateway's own (metadata, SMART configuration, bulk export) and scheduling's and billing's resource types;
     * {@code {patientId}} is the fixture patient, other ids are unknown.
     */
    static final List<Operation> FHIR_OPERATIONS = List.of(
            new Operation("fhir", "GET", "/fhir/R4/metadata"),
            new Operation("fhir", "GET", "/.well-known/smart-configuration"),
            new Operation("fhir", "GET", "/fhir/R4/Appointment?patient={patientId}"),
            new Operation("fhir", "GET", "/fhir/R4/Appointment/{id}"),
            new Operation("fhir", "GET", "/fhir/R4/Practitioner"),
            new Operation("fhir", "GET", "/fhir/R4/PractitionerRole/{id}"),
            new Operation("fhir", "GET", "/fhir/R4/Coverage?patient={patientId}"),
            new Operation("fhir", "GET", "/fhir/R4/Claim?patient={patientId}"),
            new Operation("fhir", "GET", "/fhir/R4/ClaimResponse?patient={patientId}"),
            new Operation("fhir", "GET", "/fhir/R4/$export"),
            new Operation("fhir", "GET", "/fhir/R4/Patient/$export"),
            new Operation("fhir", "GET", "/fhir/R4/$export-status/{id}"),
            new Operation("fhir", "DELETE", "/fhir/R4/$export-status/{id}"),
            new Operation("fhir", "GET", "/fhir/R4/$export-files/{id}/{name}"),
            new Operation("fhir", "GET", "/fhir/R4/Medication"));

    /** Column title → current token (reissued while the walk outlives one); the titles say what makes each answer. */
    private static Map<String, java.util.function.Supplier<String>> personas() {
        Map<String, java.util.function.Supplier<String>> personas = new LinkedHashMap<>();
        personas.put("agency-admin", () -> KEYCLOAK.currentUserToken("alice.admin"));
        personas.put("coordinator", () -> KEYCLOAK.currentUserToken("carla.coordinator"));
        personas.put("physician (lead on team)", () -> KEYCLOAK.currentUserToken("dr.patel"));
        personas.put("nurse (on team)", () -> KEYCLOAK.currentUserToken("nina.nurse"));
        personas.put("therapist (not on team)", () -> KEYCLOAK.currentUserToken("pete.therapist"));
        personas.put("billing", () -> KEYCLOAK.currentUserToken("bill.billing"));
        personas.put("family (SCHEDULE, MESSAGES)", () -> KEYCLOAK.currentUserToken("fran.family"));
        personas.put(
                "partner (referrals, observations)",
                () -> KEYCLOAK.currentPartnerToken("sunrise-partner", "sunrise-partner-secret"));
        return personas;
    }

    @Test
    void everyPersonaGetsExactlyTheAccessTheMatrixStates() throws IOException {
        String patientId = patientWithTeamAndCircle();
        List<Operation> operations = new ArrayList<>(OpenApiOperations.load(GATEWAY));
        operations.addAll(FHIR_OPERATIONS);
        Map<String, java.util.function.Supplier<String>> personas = personas();

        StringBuilder observed = new StringBuilder("| operation | " + String.join(" | ", personas.keySet())
                + " |\n|---|" + "---|".repeat(personas.size()) + "\n");
        for (Operation operation : operations) {
            List<String> cells = new ArrayList<>();
            Map<String, String> ids = new LinkedHashMap<>();
            operation.variables().stream()
                    .filter(v ->
                            v.equals("patientId") || operation.collectionOf(v).equals("patients"))
                    .forEach(v -> ids.put(v, patientId));
            for (java.util.function.Supplier<String> token : personas.values()) {
                cells.add(cell(OpenApiOperations.call(operation.method(), operation.path(ids), token.get())));
            }
            observed.append("| ")
                    .append(operation)
                    .append(" | ")
                    .append(String.join(" | ", cells))
                    .append(" |\n");
        }
        Files.createDirectories(OBSERVED.getParent());
        Files.writeString(OBSERVED, observed);

        List<String> expectedRows = rows(Files.readString(EXPECTED));
        List<String> observedRows = rows(observed.toString());
        long cells = (long) operations.size() * personas.size();
        List<String> differences = new ArrayList<>(observedRows);
        differences.removeAll(expectedRows);
        List<String> missing = new ArrayList<>(expectedRows);
        missing.removeAll(observedRows);
        System.out.printf(
                "T2 access matrix: %d operations × %d personas = %d cells exercised; %d rows differ from %s%n",
                operations.size(), personas.size(), cells, differences.size(), EXPECTED);
        assertThat(differences)
                .as("rows observed that the matrix does not state (see %s)", OBSERVED.toAbsolutePath())
                .isEmpty();
        assertThat(missing).as("rows the matrix states that were not observed").isEmpty();
    }

    /**
     * ✓ the persona got past authorization; 403 forbidden; 404 the resource is hidden or does not exist. A server
     * error says nothing about access, so it is never a ✓: it shows as itself and fails the row.
     */
    private static String cell(Answer answer) {
        return switch (answer.status()) {
            case 401, 403 -> "403";
            case 404 -> "404";
            default -> answer.status() >= 500 ? "server error " + answer.status() : "✓";
        };
    }

    private static List<String> rows(String table) {
        return table.lines()
                .filter(l -> l.startsWith("| GET")
                        || l.startsWith("| POST")
                        || l.startsWith("| PUT")
                        || l.startsWith("| DELETE")
                        || l.startsWith("| PATCH"))
                .map(String::strip)
                .toList();
    }

    /** A patient with dr.patel as lead physician and nina on the team, and fran in the circle with two scopes. */
    static String patientWithTeamAndCircle() {
        String carla = KEYCLOAK.userToken("carla.coordinator");
        ApiClient.Response admitted = GATEWAY.post("/api/patients/v1/patients", carla, """
                {"givenName":"Matrix","familyName":"Fixture","birthDate":"1940-02-02","language":"en",
                 "address":{"line1":"9 Grid Road","city":"Springfield","state":"IL","postalCode":"62704",
                            "latitude":39.78,"longitude":-89.65}}""");
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
        String id = admitted.json().path("id").asString();
        String physician =
                Keycloak.claims(KEYCLOAK.userToken("dr.patel")).path("sub").asString();
        String nurse =
                Keycloak.claims(KEYCLOAK.userToken("nina.nurse")).path("sub").asString();
        String family =
                Keycloak.claims(KEYCLOAK.userToken("fran.family")).path("sub").asString();
        put("/api/patients/v1/patients/" + id + "/care-team", carla, """
                {"members":[{"subject":"%s","role":"PHYSICIAN","displayName":"Dr Patel","lead":true},
                            {"subject":"%s","role":"NURSE","displayName":"Nina Nurse","lead":false}]}""".formatted(physician, nurse));
        put("/api/patients/v1/patients/" + id + "/care-circle", carla, """
                {"members":[{"subject":"%s","displayName":"Fran Family","relationship":"daughter","pointOfContact":true,
                             "scopes":["SCHEDULE","MESSAGES"]}]}""".formatted(family));
        // the other services learn of the patient, its team and its circle from events
        Eventually.await(
                Duration.ofSeconds(60),
                () -> GATEWAY.get("/api/scheduling/v1/patients/" + id, KEYCLOAK.userToken("nina.nurse")),
                r -> r.status() == 200);
        Eventually.await(
                Duration.ofSeconds(60),
                () -> GATEWAY.get("/api/billing/v1/patients/" + id, carla),
                r -> r.status() == 200);
        Eventually.await(
                Duration.ofSeconds(60),
                () -> GATEWAY.get("/api/messaging/v1/threads?patientId=" + id, KEYCLOAK.userToken("fran.family")),
                r -> r.status() == 200 && r.body().contains(id));
        return id;
    }

    private static void put(String path, String token, String json) {
        String etag = GATEWAY.get(path, token).header("ETag").orElse("\"0\"");
        ApiClient.Response response = GATEWAY.send(GATEWAY.request(path, token)
                .header("Content-Type", "application/json")
                .header("If-Match", etag)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)));
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
    }
}
