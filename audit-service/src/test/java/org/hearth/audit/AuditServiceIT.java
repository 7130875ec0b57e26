package org.hearth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hearth.audit.chain.ChainStore;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.OpenApiContract;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit-service on a real broker: audit events of an agency become its chain, once each; the privacy officer asks
 * by patient, user and time, for refusals and unusual access, verifies and exports; the patient's point of contact
 * with the ACCESS_LOG consent sees who accessed the record; everyone else is refused or sees nothing of it.
 */
@HearthServiceTest
class AuditServiceIT {

    static final String API = "/api/audit/v1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ChainStore chain;

    ApiClient api;
    TopicWriter kafka;
    final String agency = UUID.randomUUID().toString();
    final String patient = UUID.randomUUID().toString();
    final String dr = "dr-" + UUID.randomUUID();
    final String nina = "nina-" + UUID.randomUUID();
    final String pete = "pete-" + UUID.randomUUID();
    final String fran = "fran-" + UUID.randomUUID();
    final String gus = "gus-" + UUID.randomUUID();
    final Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
    String ninasRead;

    @BeforeEach
    void anAgencyWithAPatientAndSomeAccesses() {
        api = ApiClient.onPort(port);
        kafka = new TopicWriter();
        patientEvent("org.hearth.patient.CareTeamChanged.v1", """
                {"patientId":"%s","changedAt":"%s","leadPhysician":"%s","members":[
                 {"subject":"%s","role":"PHYSICIAN"},{"subject":"%s","role":"NURSE"}]}""".formatted(patient, hourAgo, dr, dr, nina));
        patientEvent("org.hearth.patient.CareCircleChanged.v1", """
                {"patientId":"%s","changedAt":"%s","members":[
                 {"subject":"%s","pointOfContact":true,"scopes":["MESSAGES","ACCESS_LOG"]},
                 {"subject":"%s","pointOfContact":false,"scopes":["MESSAGES","ACCESS_LOG"]}]}""".formatted(patient, hourAgo, fran, gus));
        ninasRead = accessed(
                patient, nina, "Nina Nurse", "nurse", "GET /api/patients/v1/patients/{patientId}/care-plan", 200);
        accessed(patient, dr, "Dr Patel", "physician", "GET /api/patients/v1/patients/{patientId}/observations", 200);
        accessed(
                patient, dr, "Dr Patel", "physician", "PUT /api/patients/v1/patients/{patientId}/care-plan/draft", 200);
        // the refusal travels under its own key (as RefusalAudit sends it), so on another partition than the accesses:
        // it is sent once they are stored, to be the newest record as it is the latest request
        Eventually.await(
                Duration.ofSeconds(30),
                () -> api.get(API + "/records?patientId=" + patient, officer()),
                r -> r.status() == 200 && r.json().path("totalItems").asInt() >= 3);
        refused(patient, pete, "Pete Therapist", "/api/patients/v1/patients/" + patient + "/care-plan");
        // the same event delivered twice is stored once
        kafka.send(
                "hearth.audit",
                patient,
                TopicWriter.envelope(ninasRead, "org.hearth.audit.PatientDataAccessed.v1", patient, agency),
                body(
                        ninasRead,
                        patient,
                        nina,
                        "Nina Nurse",
                        "nurse",
                        "GET /api/patients/v1/patients/{patientId}/care-plan",
                        200));
        Eventually.await(
                Duration.ofSeconds(30),
                () -> api.get(API + "/records?patientId=" + patient, officer()),
                r -> r.status() == 200 && r.json().path("totalItems").asInt() >= 4);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void thePrivacyOfficerFindsTheAccessesByPatientUserAndTimeAndTheRefusals() {
        JsonNode byPatient =
                api.get(API + "/records?patientId=" + patient, officer()).json();
        assertThat(byPatient.path("totalItems").asInt())
                .as("the redelivered event is stored once")
                .isEqualTo(4);
        JsonNode newest = byPatient.path("items").get(0);
        assertThat(newest.path("refused").asBoolean()).isTrue();
        assertThat(newest.path("actorName").asString()).isEqualTo("Pete Therapist");
        assertThat(newest.path("kind").asString()).isEqualTo("care-plan");

        JsonNode byUser = api.get(API + "/records?actor=" + dr, officer()).json();
        assertThat(byUser.path("totalItems").asInt()).isEqualTo(2);
        assertThat(byUser.path("items")
                        .valueStream()
                        .map(i -> i.path("action").asString())
                        .toList())
                .containsExactlyInAnyOrder("R", "U");

        String later = Instant.now().plus(1, ChronoUnit.HOURS).toString();
        assertThat(api.get(
                                API + "/records?patientId=" + patient + "&from=" + later + "&to="
                                        + Instant.now().plus(2, ChronoUnit.HOURS),
                                officer())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isZero();

        JsonNode paged = api.get(API + "/records?patientId=" + patient + "&size=1&page=1", officer())
                .json();
        assertThat(paged.path("items").size()).isEqualTo(1);
        assertThat(paged.path("totalPages").asInt()).isEqualTo(4);

        JsonNode refusals = api.get(API + "/refusals", officer()).json();
        assertThat(refusals.path("totalItems").asInt()).isEqualTo(1);
        assertThat(refusals.path("items").get(0).path("actor").asString()).isEqualTo(pete);
        assertThat(refusals.path("items").get(0).path("status").asInt()).isEqualTo(403);
    }

    @Test
    void thePointOfContactWithTheConsentSeesWhoAccessedTheRecordByKindOfDataWithoutRefusals() {
        ApiClient.Response answer = api.get(API + "/patients/" + patient + "/record-accesses", token("family", fran));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode accesses = answer.json();
        assertThat(accesses.path("total").asInt()).isEqualTo(3);
        Map<String, JsonNode> byKind = new java.util.LinkedHashMap<>();
        accesses.path("byKind").forEach(k -> byKind.put(k.path("kind").asString(), k));
        assertThat(byKind).containsOnlyKeys("care-plan", "observations");
        JsonNode plan = byKind.get("care-plan").path("accesses");
        assertThat(plan.valueStream()
                        .map(a ->
                                a.path("who").asString() + " (" + a.path("role").asString() + ") "
                                        + a.path("action").asString())
                        .toList())
                .containsExactlyInAnyOrder("Nina Nurse (nurse) viewed", "Dr Patel (physician) changed");
        assertThat(plan.get(0).path("organization").asString()).isEqualTo("sunrise");
        assertThat(answer.body()).doesNotContain(pete).doesNotContain("Pete");
    }

    @Test
    void othersAreRefusedOrSeeNothingOfIt() {
        String path = API + "/patients/" + patient + "/record-accesses";
        assertThat(api.get(path, token("family", gus)).status())
                .as("in the circle, not the point of contact")
                .isEqualTo(403);
        assertThat(api.get(path, token("family", "stranger-" + UUID.randomUUID()))
                        .status())
                .isEqualTo(404);
        assertThat(api.get(path, token("nurse", nina)).status()).isEqualTo(403);
        assertThat(api.get(API + "/records", token("nurse", nina)).status()).isEqualTo(403);
        assertThat(api.get(API + "/records", null).status()).isEqualTo(401);

        String otherAgency = UUID.randomUUID().toString();
        String otherOfficer = TestTokenIssuer.shared()
                .token()
                .agency("riverbend", otherAgency)
                .roles("privacy-officer")
                .audience("audit-service")
                .sign();
        assertThat(api.get(path, otherOfficer).status()).isEqualTo(404);
        // the other agency's chain holds only its own officer's attempt (audited there), nothing of Sunrise's
        assertThat(api.get(API + "/records?patientId=" + patient, otherOfficer)
                        .json()
                        .path("items")
                        .valueStream()
                        .filter(r -> !r.path("source").asString().equals("/hearth/audit-service"))
                        .toList())
                .isEmpty();
        ApiClient.Response invalid = api.get(API + "/records?from=" + Instant.now() + "&to=" + hourAgo, officer());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theChainVerifiesAndExportsAsNdjsonWithFhirAuditEvents() {
        JsonNode verification = api.get(API + "/verification", officer()).json();
        assertThat(verification.path("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.path("firstSeq").asInt()).isEqualTo(1);

        ApiClient.Response chainExport = api.get(API + "/export", officer());
        assertThat(chainExport.contentType()).startsWith("application/x-ndjson");
        List<String> lines = chainExport.body().lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.path("seq").asInt()).isEqualTo(1);
        assertThat(first.path("prevHash").asString()).isEqualTo("0".repeat(64));
        assertThat(first.path("hash").asString()).hasSize(64);
        assertThat(lines.get(0))
                .as("canonical JSON: sorted keys, no whitespace between tokens, no token")
                .startsWith("{\"entry\":{\"action\":")
                .doesNotContain("\": ")
                .doesNotContain(", \"")
                .doesNotContain("eyJ");

        List<String> fhir =
                api.get(API + "/export?format=fhir", officer()).body().lines().toList();
        JsonNode event = JSON.readTree(fhir.get(0));
        assertThat(event.path("resourceType").asString()).isEqualTo("AuditEvent");
        assertThat(event.path("action").asString()).isEqualTo("R");
        assertThat(event.path("type").path("code").asString()).isEqualTo("rest");
        assertThat(event.path("agent")
                        .get(0)
                        .path("who")
                        .path("identifier")
                        .path("value")
                        .asString())
                .isEqualTo(nina);
        assertThat(event.path("entity").get(0).path("what").path("reference").asString())
                .isEqualTo("Patient/" + patient);
    }

    @Test
    void aUserReadingManyPatientsOutsideTheirCareTeamsIsUnusual() {
        for (int i = 0; i < 3; i++) {
            accessed(
                    UUID.randomUUID().toString(),
                    pete,
                    "Pete Therapist",
                    "therapist",
                    "GET /api/patients/v1/patients/{patientId}",
                    200);
        }
        Eventually.await(
                Duration.ofSeconds(30),
                () -> api.get(API + "/records?actor=" + pete, officer()),
                r -> r.json().path("totalItems").asInt() >= 4);

        JsonNode unusual =
                api.get(API + "/unusual-access?threshold=3", officer()).json();

        assertThat(unusual.path("items")
                        .valueStream()
                        .map(u -> u.path("actor").asString())
                        .toList())
                .as("nina and the doctor read only their own patient")
                .containsExactly(pete);
        assertThat(unusual.path("items").get(0).path("patientsOutsideCareTeams").asInt())
                .isEqualTo(3);
        assertThat(api.get(API + "/unusual-access?threshold=4", officer())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isZero();
    }

    @Test
    void aRefusalThatNamedNoAgencyIsKeptInItsOwnChain() {
        String id = UUID.randomUUID().toString();
        String body = """
                {"auditId":"%s","at":"%s","source":"/hearth/gateway","outcome":401,"reason":"no token","method":"GET",
                 "path":"/api/patients/v1/patients"}""".formatted(id, Instant.now());
        assertThat(EventContracts.violations("org.hearth.audit.AccessRefused.v1", body))
                .isEmpty();
        Map<String, String> headers = new java.util.LinkedHashMap<>(
                TopicWriter.envelope(id, "org.hearth.audit.AccessRefused.v1", id, agency));
        headers.remove("ce_tenantid");
        kafka.send("hearth.audit", id, headers, body);

        Eventually.await(
                Duration.ofSeconds(30),
                () -> chain.byEvent("00000000-0000-0000-0000-000000000000", id),
                java.util.Optional::isPresent);
    }

    private String officer() {
        return token("privacy-officer", "paula-" + agency);
    }

    private String token(String role, String subject) {
        return TestTokenIssuer.shared()
                .token()
                .agency("sunrise", agency)
                .roles(role)
                .subject(subject)
                .audience("audit-service")
                .sign();
    }

    private void patientEvent(String type, String body) {
        assertThat(EventContracts.violations(type, body)).as(body).isEmpty();
        kafka.send(
                "hearth.patient.events",
                patient,
                TopicWriter.envelope(UUID.randomUUID().toString(), type, patient, agency),
                body);
    }

    private String accessed(String patientId, String actor, String name, String role, String action, int outcome) {
        String id = UUID.randomUUID().toString();
        String body = body(id, patientId, actor, name, role, action, outcome);
        assertThat(EventContracts.violations("org.hearth.audit.PatientDataAccessed.v1", body))
                .as(body)
                .isEmpty();
        kafka.send(
                "hearth.audit",
                patientId,
                TopicWriter.envelope(id, "org.hearth.audit.PatientDataAccessed.v1", patientId, agency),
                body);
        return id;
    }

    private String body(
            String id, String patientId, String actor, String name, String role, String action, int outcome) {
        return """
                {"auditId":"%s","patientId":"%s","actor":"%s","actorName":"%s","roles":["%s"],"clientId":"hearth-console",
                 "organization":"sunrise","address":"10.0.0.7","action":"%s","outcome":%d,"correlationId":"%s",
                 "at":"%s"}""".formatted(id, patientId, actor, name, role, action, outcome, UUID.randomUUID(), Instant.now());
    }

    private void refused(String patientId, String actor, String name, String path) {
        String id = UUID.randomUUID().toString();
        String body = """
                {"auditId":"%s","at":"%s","source":"/hearth/patient-service","outcome":403,"reason":"no part in this patient's care",
                 "method":"GET","path":"%s","actor":"%s","actorName":"%s","clientId":"hearth-console","agency":"%s",
                 "organization":"sunrise","address":"10.0.0.8","correlationId":"%s"}""".formatted(id, Instant.now().plusMillis(5), path, actor, name, agency, UUID.randomUUID());
        assertThat(EventContracts.violations("org.hearth.audit.AccessRefused.v1", body))
                .as(body)
                .isEmpty();
        kafka.send(
                "hearth.audit",
                id,
                TopicWriter.envelope(id, "org.hearth.audit.AccessRefused.v1", patientId, agency),
                body);
    }

    @Test
    void theOpenApiDocumentServedIsTheOneCheckedInForTheConsole() {
        OpenApiContract.check(api, "/api/audit/v3/api-docs", "audit");
    }
}
