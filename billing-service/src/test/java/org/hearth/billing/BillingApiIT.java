package org.hearth.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.billing.patients.BillingFile;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.MutableClock;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.TopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Billing through its API on the real broker, with the payer simulator as a separate process: coverage and
 * eligibility, authorizations drafted from a signed plan and decided, units consumed once per completed visit under
 * redelivery, the billing trail and its report, access by role, bad input.
 */
@HearthServiceTest
@Import(MutableClock.Config.class)
class BillingApiIT {

    static final String API = "/api/billing/v1";
    static final Instant NOW = Instant.parse("2030-01-06T15:00:00Z");

    @DynamicPropertySource
    static void payer(DynamicPropertyRegistry registry) {
        registry.add(
                "hearth.billing.payer.url", () -> PayerSimulatorProcess.shared().url());
        registry.add("hearth.billing.payer.timeout", () -> "PT0.5S");
        registry.add("hearth.billing.payer.attempts", () -> "2");
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationContext context;

    ApiClient api;
    TopicWriter kafka;
    TopicReader published;
    final JsonMapper json = JsonMapper.builder().build();
    final String agency = UUID.randomUUID().toString();
    final String patient = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        clock.set(NOW);
        api = ApiClient.onPort(port);
        kafka = new TopicWriter();
        published = new TopicReader("hearth.billing.events");
    }

    @AfterEach
    void tearDown() {
        kafka.close();
        published.close();
    }

    String token(String role, String agencyId) {
        return TestTokenIssuer.shared()
                .token()
                .agency("a", agencyId)
                .roles(role)
                .subject(role + "-sub")
                .audience("billing-service")
                .sign();
    }

    String billing() {
        return token("billing", agency);
    }

    void publish(String topic, String type, String eventId, String body) {
        assertThat(EventContracts.violations(type, body)).as(body).isEmpty();
        kafka.send(topic, patient, TopicWriter.envelope(eventId, type, patient, agency), body);
    }

    ApiClient.Response put(String path, String etag, String body) {
        return api.send(api.request(path, billing())
                .header("Content-Type", "application/json")
                .header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonNode event(String type, String containing) {
        ConsumerRecord<String, String> record = published
                .await(
                        r -> type.equals(TopicReader.header(r, "ce_type"))
                                && r.value().contains(containing),
                        Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError(type));
        assertThat(EventContracts.violations(type, record.value()))
                .as(record.value())
                .isEmpty();
        return json.readTree(record.value());
    }

    /** Admits the patient, adds a payer that authorizes PT, gives the patient that coverage; returns the coverage id. */
    String patientCoveredBy(String memberId) {
        publish(
                "hearth.patient.events",
                "org.hearth.patient.PatientAdmitted.v1",
                UUID.randomUUID().toString(),
                """
                {"patientId":"%s","admittedAt":"2030-01-02T15:00:00Z","status":"ACTIVE"}""".formatted(patient));
        Eventually.await(
                Duration.ofSeconds(20), () -> api.get(API + "/patients/" + patient, billing()), r -> r.status() == 200);
        ApiClient.Response payer = api.post(API + "/payers", billing(), """
                {"name":"Medicaid %s","type":"MEDICAID","payerCode":"IL-MCD","priorAuthorization":["PT"],
                 "unit":"VISIT","timelyFilingDays":180}""".formatted(patient));
        assertThat(payer.status()).as(payer.body()).isEqualTo(201);
        ApiClient.Response covered = put(API + "/patients/" + patient + "/coverage", "\"1\"", """
                {"coverages":[{"payerId":"%s","memberId":"%s","plan":"Medicaid HCBS","priority":"PRIMARY",
                  "from":"2030-01-01"}]}""".formatted(
                        payer.json().path("id").asString(), memberId));
        assertThat(covered.status()).as(covered.body()).isEqualTo(200);
        return covered.json().path("coverages").get(0).path("id").asString();
    }

    void completed(String eventId, String visitId, String authorizationId, String day, int units) {
        publish("hearth.scheduling.events", "org.hearth.scheduling.VisitCompleted.v1", eventId, """
                {"visitId":"%s","patientId":"%s","discipline":"PT","type":"IN_HOME","clinicianId":"pete",
                 "checkedInAt":"%sT15:00:00Z","checkedOutAt":"%sT15:50:00Z","durationMinutes":50,"units":%d,
                 "authorizationId":%s}""".formatted(
                visitId, patient, day, day, units, authorizationId == null ? "null" : "\"" + authorizationId + "\""));
    }

    /** The event edge refuses an admission without patientId: no billing file with a generated id, and it is dead-lettered. */
    @Test
    void anAdmissionWithoutPatientIdOpensNoBillingFile() {
        String invalid = UUID.randomUUID().toString();
        kafka.send(
                "hearth.patient.events",
                patient,
                TopicWriter.envelope(invalid, "org.hearth.patient.PatientAdmitted.v1", patient, agency),
                "{\"admittedAt\":\"2030-01-02T15:00:00Z\",\"status\":\"ACTIVE\"}");
        publish(
                "hearth.patient.events",
                "org.hearth.patient.PatientAdmitted.v1",
                UUID.randomUUID().toString(),
                """
                {"patientId":"%s","admittedAt":"2030-01-02T15:00:00Z","status":"ACTIVE"}""".formatted(patient));

        Eventually.await(
                Duration.ofSeconds(20), () -> api.get(API + "/patients/" + patient, billing()), r -> r.status() == 200);
        try (TopicReader dlt = new TopicReader("hearth.patient.events.dlt")) {
            assertThat(dlt.await(r -> invalid.equals(TopicReader.header(r, "ce_id")), Duration.ofSeconds(20)))
                    .isPresent();
        }
        MongoOperations mongo = context.getBean(MongoOperations.class);
        assertThat(mongo.find(
                        Query.query(Criteria.where("tenantId").is(agency)),
                        org.bson.Document.class,
                        BillingFile.COLLECTION))
                .extracting(d -> d.get("_id"))
                .containsExactly(patient);
    }

    @Test
    void eligibilityAnswersEveryCaseFromThePayerProcessAndNeverHangs() {
        String coverage = patientCoveredBy("A100");
        ApiClient.Response active = api.post(
                API + "/patients/" + patient + "/eligibility-checks",
                billing(),
                "{\"coverageId\":\"" + coverage + "\"}");
        assertThat(active.status()).as(active.body()).isEqualTo(201);
        assertThat(active.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(event("org.hearth.billing.EligibilityChecked.v1", patient).toString())
                .doesNotContain("A100");

        String etag =
                api.get(API + "/patients/" + patient, billing()).header("ETag").orElseThrow();
        String slow = put(API + "/patients/" + patient + "/coverage", etag, """
                {"coverages":[{"payerId":"%s","memberId":"S100","priority":"PRIMARY","from":"2030-01-01"}]}""".formatted(
                                api.get(API + "/patients/" + patient, billing())
                                        .json()
                                        .path("coverages")
                                        .get(0)
                                        .path("payerId")
                                        .asString()))
                .json()
                .path("coverages")
                .get(0)
                .path("id")
                .asString();
        long started = System.nanoTime();
        ApiClient.Response timedOut = api.post(
                API + "/patients/" + patient + "/eligibility-checks", billing(), "{\"coverageId\":\"" + slow + "\"}");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(timedOut.json().path("status").asString()).isEqualTo("TIMEOUT");
        assertThat(timedOut.json().path("attempts").asInt()).isEqualTo(2);
        assertThat(api.get(API + "/patients/" + patient + "/eligibility-checks", token("coordinator", agency))
                        .json())
                .hasSize(2);
    }

    @Test
    void aSignedPlanDraftsAnAuthorizationWhoseUnitsCompletedVisitsConsumeExactlyOnce() {
        patientCoveredBy("A200");
        publish(
                "hearth.patient.events",
                "org.hearth.patient.CarePlanSigned.v1",
                UUID.randomUUID().toString(),
                """
                {"patientId":"%s","planVersion":1,"supersedesVersion":null,"signedAt":"2030-01-06T14:00:00Z",
                 "signedBy":"dr","frequencyOrders":[{"discipline":"PT","segments":[{"minPerWeek":2,"maxPerWeek":2,"weeks":3}],
                 "prnVisits":0},{"discipline":"SN","segments":[{"minPerWeek":1,"maxPerWeek":1,"weeks":2}],"prnVisits":0}]}""".formatted(patient));
        JsonNode drafts = Eventually.await(
                Duration.ofSeconds(20),
                () -> api.get(API + "/authorizations?patientId=" + patient, billing())
                        .json(),
                page -> page.path("totalItems").asInt() == 1);
        JsonNode draft = drafts.path("items").get(0);
        assertThat(draft.path("discipline").asString()).isEqualTo("PT"); // the payer does not authorize SN
        assertThat(draft.path("requestedUnits").asInt()).isEqualTo(6);
        String id = draft.path("id").asString();

        ApiClient.Response submitted =
                api.post(API + "/authorizations/" + id + "/submission", billing(), "{\"expedited\":false}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().path("decisionDueAt").asString()).isEqualTo("2030-01-13T15:00:00Z");
        assertThat(submitted.json().path("payerReference").asString()).startsWith("PA-");

        clock.set(Instant.parse("2030-01-13T15:00:01Z"));
        assertThat(context.getBean(org.hearth.billing.authorizations.AuthorizationWatch.class)
                        .watch())
                .isPositive();
        assertThat(event("org.hearth.billing.AuthorizationDecisionOverdue.v1", id)
                        .path("expedited")
                        .asBoolean())
                .isFalse();

        ApiClient.Response decided = api.post(API + "/authorizations/" + id + "/decision", billing(), """
                {"decision":"PARTIALLY_APPROVED","approvedUnits":5,"from":"2030-01-06","to":"2030-03-06"}""");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(event("org.hearth.billing.AuthorizationStatusChanged.v1", "PARTIALLY_APPROVED")
                        .path("approvedUnits")
                        .asInt())
                .isEqualTo(5);

        // A 15-minute payer would count 4 units for an hour; this event says 4, leaving 1 of 5 (20 %): low.
        String v1 = UUID.randomUUID().toString();
        String sameEvent = UUID.randomUUID().toString();
        completed(sameEvent, v1, id, "2030-01-07", 4);
        completed(sameEvent, v1, id, "2030-01-07", 4); // the broker redelivers
        completed(UUID.randomUUID().toString(), v1, id, "2030-01-07", 4); // the producer republishes
        assertThat(event("org.hearth.billing.BillableLineReady.v1", v1)
                        .path("hcpcs")
                        .asString())
                .isEqualTo("G0151");
        assertThat(event("org.hearth.billing.AuthorizationUnitsLow.v1", id)
                        .path("unitsRemaining")
                        .asInt())
                .isEqualTo(1);

        String v2 = UUID.randomUUID().toString();
        completed(UUID.randomUUID().toString(), v2, id, "2030-01-09", 1);
        assertThat(event("org.hearth.billing.AuthorizationUnitsExhausted.v1", id)
                        .path("unitsUsed")
                        .asInt())
                .isEqualTo(5);

        String v3 = UUID.randomUUID().toString();
        publish(
                "hearth.scheduling.events",
                "org.hearth.scheduling.EvvExceptionRecorded.v1",
                UUID.randomUUID().toString(),
                """
                {"visitId":"%s","patientId":"%s","stage":"CHECK_IN","code":"OUTSIDE_RADIUS","distanceMetres":900,
                 "at":"2030-01-10T15:00:00Z"}""".formatted(v3, patient));
        completed(UUID.randomUUID().toString(), v3, null, "2030-01-10", 1);
        assertThat(event("org.hearth.billing.BillableLineOnHold.v1", v3)
                        .path("reasons")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactlyInAnyOrder("AUTHORIZATION_EXHAUSTED", "EVV_EXCEPTION");

        JsonNode authorization =
                api.get(API + "/authorizations/" + id, billing()).json();
        assertThat(authorization.path("unitsUsed").asInt()).isEqualTo(6);
        assertThat(authorization.path("consumedVisitIds")).hasSize(3);

        JsonNode report = api.get(
                        API + "/reports/claim-readiness?from=2030-01-01&to=2030-01-31", token("coordinator", agency))
                .json();
        JsonNode payer = report.path("payers").get(0);
        assertThat(payer.path("readyLines").asInt()).isEqualTo(2);
        assertThat(payer.path("onHoldLines").asInt()).isEqualTo(1);
        assertThat(payer.path("onHoldByReason").path("EVV_EXCEPTION").asInt()).isEqualTo(1);
        assertThat(payer.path("earliestFilingDeadline").asString()).isEqualTo("2030-07-06");

        ApiClient.Response csv = api.get(API + "/billable-lines.csv?from=2030-01-01&to=2030-01-31", billing());
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().split("\r\n")).hasSize(4);
        assertThat(csv.body()).contains(v1 + "," + patient, "G0151", "AUTHORIZATION_EXHAUSTED;EVV_EXCEPTION");
        assertThat(csv.header("Content-Disposition").orElse(""))
                .contains("attachment", "billable-lines-2030-01-01-2030-01-31.csv");
        // the same filters as the paged lines: only what is on hold, only this patient, another patient's nothing
        ApiClient.Response held = api.get(
                API + "/billable-lines.csv?from=2030-01-01&to=2030-01-31&status=ON_HOLD&patientId=" + patient,
                billing());
        assertThat(held.body().split("\r\n")).hasSize(2);
        assertThat(held.body().split("\r\n")[0])
                .startsWith("visit_id,patient_id,payer_id,discipline,hcpcs,service_date");
        assertThat(held.body().split("\r\n")[1]).startsWith(v3 + "," + patient).contains("ON_HOLD");
        assertThat(api.get(
                                API + "/billable-lines.csv?from=2030-01-01&to=2030-01-31&patientId="
                                        + UUID.randomUUID(),
                                billing())
                        .body()
                        .split("\r\n"))
                .hasSize(1);
        assertThat(api.get(API + "/billable-lines.csv?from=2030-01-01&to=2030-01-31&status=MAYBE", billing())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void onlyBillingWritesCoordinatorsReadCliniciansAndFamilyHaveNoAccessAndOtherAgenciesSeeNothing() {
        patientCoveredBy("A300");
        String file = API + "/patients/" + patient;
        assertThat(api.get(file, token("coordinator", agency)).status()).isEqualTo(200);
        assertThat(api.get(file, token("nurse", agency)).status()).isEqualTo(403);
        assertThat(api.get(file, token("family", agency)).status()).isEqualTo(403);
        assertThat(api.get(file + "/medicare-checklist", token("therapist", agency))
                        .status())
                .isEqualTo(403);
        assertThat(api.get(API + "/billable-lines.csv?from=2030-01-01&to=2030-01-31", token("coordinator", agency))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(API + "/payers", token("coordinator", agency), """
                {"name":"Aetna","type":"COMMERCIAL","payerCode":"AETNA","priorAuthorization":[],"unit":"VISIT",
                 "timelyFilingDays":90}""").status())
                .isEqualTo(403);
        assertThat(api.get(file, token("billing", UUID.randomUUID().toString())).status())
                .isEqualTo(404);

        JsonNode checklist = api.get(file + "/medicare-checklist", token("coordinator", agency))
                .json();
        assertThat(checklist
                        .path("items")
                        .valueStream()
                        .map(i -> i.path("status").asString())
                        .toList())
                .containsOnly("MISSING");
    }

    @Test
    void badAuthorizationRequestsAreRefusedClearlyAndStoreNothing() {
        patientCoveredBy("A400");
        String payerId = api.get(API + "/patients/" + patient, billing())
                .json()
                .path("coverages")
                .get(0)
                .path("payerId")
                .asString();
        String valid = """
                {"patientId":"%s","payerId":"%s","discipline":"PT","requestedUnits":%d,"from":"%s","to":"%s"}""";

        assertThat(fields(api.post(
                        API + "/authorizations",
                        billing(),
                        valid.formatted(patient, payerId, -2, "2030-01-06", "2030-02-06"))))
                .containsExactly("requestedUnits");
        assertThat(fields(api.post(
                        API + "/authorizations",
                        billing(),
                        valid.formatted(patient, payerId, 4, "2030-02-06", "2030-01-06"))))
                .containsExactly("to");
        assertThat(fields(api.post(
                        API + "/authorizations",
                        billing(),
                        valid.formatted(patient, "no-such-payer", 4, "2030-01-06", "2030-02-06"))))
                .containsExactly("payerId");
        assertThat(api.get(API + "/authorizations?patientId=" + patient, billing())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isZero();

        assertThat(api.post(
                                API + "/authorizations",
                                billing(),
                                valid.formatted(patient, payerId, 4, "2030-01-06", "2030-02-06"))
                        .status())
                .isEqualTo(201);
        ApiClient.Response duplicate = api.post(
                API + "/authorizations", billing(), valid.formatted(patient, payerId, 2, "2030-02-01", "2030-03-01"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(api.get(API + "/authorizations?patientId=" + patient, billing())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void retriesWithTheSameIdempotencyKeyDraftOnceAndNeverAskThePayerTwice() {
        String coverage = patientCoveredBy("S300"); // the simulator answers S-members slowly: each ask times out
        String payerId = api.get(API + "/patients/" + patient, billing())
                .json()
                .path("coverages")
                .get(0)
                .path("payerId")
                .asString();
        String draft = """
                {"patientId":"%s","payerId":"%s","discipline":"PT","requestedUnits":4,"from":"2030-01-06","to":"2030-02-06"}""".formatted(patient, payerId);
        String key = "auth-" + UUID.randomUUID();
        ApiClient.Response first = postWithKey(API + "/authorizations", key, draft);
        ApiClient.Response retry = postWithKey(API + "/authorizations", key, draft);
        ApiClient.Response otherBody = postWithKey(
                API + "/authorizations", key, draft.replace("\"requestedUnits\":4", "\"requestedUnits\":5"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as("the retry is not refused as an overlap").isEqualTo(201);
        assertThat(retry.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().path("type").asString()).endsWith("/problems/idempotency-key-reused");
        assertThat(api.get(API + "/authorizations?patientId=" + patient, billing())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isEqualTo(1);

        String checkKey = "eligibility-" + UUID.randomUUID();
        String check = "{\"coverageId\":\"" + coverage + "\"}";
        String path = API + "/patients/" + patient + "/eligibility-checks";
        long started = System.nanoTime();
        ApiClient.Response asked = postWithKey(path, checkKey, check);
        Duration asking = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        ApiClient.Response answered = postWithKey(path, checkKey, check);
        Duration answering = Duration.ofNanos(System.nanoTime() - started);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().path("status").asString()).isEqualTo("TIMEOUT");
        assertThat(asking).isGreaterThanOrEqualTo(Duration.ofSeconds(1)); // two attempts of 0.5 s
        assertThat(answered.status()).isEqualTo(201);
        assertThat(answered.json()).isEqualTo(asked.json());
        assertThat(answered.header("Location")).isEqualTo(asked.header("Location"));
        assertThat(answering).as("the stored answer, the payer not asked again").isLessThan(Duration.ofMillis(500));
        assertThat(api.get(path, billing()).json()).hasSize(1);
        System.out.printf(
                "eligibility with Idempotency-Key: first %d ms (payer asked), retry %d ms (stored answer)%n",
                asking.toMillis(), answering.toMillis());
    }

    ApiClient.Response postWithKey(String path, String key, String body) {
        return api.send(api.request(path, billing())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static List<String> fields(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json()
                .path("errors")
                .valueStream()
                .map(e -> e.path("field").asString())
                .toList();
    }
}
