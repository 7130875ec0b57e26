package org.hearth.billing.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.billing.PayerSimulatorProcess;
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
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Visits and patient facts travel on different topics, so billing may read a completed visit before the plan,
 * the admission or the coverage its line needs. Such a line is held, and becomes ready, publishing
 * {@code BillableLineReady} exactly once, as soon as the missing fact arrives, also when that fact is
 * redelivered; a line held for a business reason (an EVV exception) stays held.
 */
@HearthServiceTest
@Import(MutableClock.Config.class)
class HeldLineReevaluationIT {

    static final String API = "/api/billing/v1";
    static final String READY = "org.hearth.billing.BillableLineReady.v1";
    static final String ON_HOLD = "org.hearth.billing.BillableLineOnHold.v1";
    /** How long to wait for a second event that must not come. */
    static final Duration NO_MORE = Duration.ofSeconds(4);

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
    org.springframework.data.mongodb.core.MongoOperations mongo;

    ApiClient api;
    TopicWriter kafka;
    TopicReader published;
    final JsonMapper json = JsonMapper.builder().build();
    final String agency = UUID.randomUUID().toString();
    final String patient = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2030-01-06T15:00:00Z"));
        api = ApiClient.onPort(port);
        kafka = new TopicWriter();
        published = new TopicReader("hearth.billing.events");
    }

    @AfterEach
    void tearDown() {
        kafka.close();
        published.close();
    }

    @Test
    void aVisitReadBeforeThePlanIsHeldThenReadyOnceWhenThePlanArrivesEvenRedelivered() {
        admitted();
        covered(payer("[]"));
        String visit = UUID.randomUUID().toString();
        completed(visit, "2030-01-07");
        assertThat(reasons(awaitEvent(ON_HOLD, visit))).containsExactly("UNSIGNED_PLAN");

        String signature = UUID.randomUUID().toString();
        planSigned(signature, 1);
        JsonNode ready = awaitEvent(READY, visit);
        assertThat(ready.path("hcpcs").asString()).isEqualTo("G0151");
        assertThat(line(visit).path("status").asString()).isEqualTo("READY");

        planSigned(signature, 1); // the broker redelivers the signature
        planSigned(UUID.randomUUID().toString(), 2); // a new version is signed
        completed(visit, "2030-01-07"); // and the visit is redelivered
        barrierOnPatientEvents();
        assertThat(published.await(r -> isEvent(r, READY, visit), NO_MORE))
                .as("a second BillableLineReady")
                .isEmpty();
        assertThat(published.await(r -> isEvent(r, ON_HOLD, visit), NO_MORE)).isEmpty();
    }

    @Test
    void aVisitReadBeforeTheAdmissionWaitsForEveryMissingFactAndTheClerksCoverage() {
        String payerId = payer("[]");
        String visit = UUID.randomUUID().toString();
        completed(visit, "2030-01-07");
        assertThat(reasons(awaitEvent(ON_HOLD, visit))).containsExactly("NO_COVERAGE", "UNSIGNED_PLAN");

        admitted();
        planSigned(UUID.randomUUID().toString(), 1);
        assertThat(reasons(awaitEvent(ON_HOLD, visit))).containsExactly("NO_COVERAGE"); // the plan lifted its hold
        assertThat(line(visit).path("status").asString()).isEqualTo("ON_HOLD");

        covered(payerId); // the clerk records the coverage through the API
        JsonNode ready = awaitEvent(READY, visit);
        assertThat(ready.path("payerId").asString()).isEqualTo(payerId);
        JsonNode line = line(visit);
        assertThat(line.path("status").asString()).isEqualTo("READY");
        assertThat(line.path("filingDeadline").asString()).isEqualTo("2030-07-06");
        assertThat(published.await(r -> isEvent(r, READY, visit), NO_MORE)).isEmpty();
    }

    @Test
    void anAuthorizationApprovedAfterTheVisitReleasesItsLineAndCountsItsUnitsOnce() {
        admitted();
        planSigned(UUID.randomUUID().toString(), 1);
        String payerId = payer("[\"PT\"]");
        covered(payerId);
        String visit = UUID.randomUUID().toString();
        completed(visit, "2030-01-07");
        assertThat(reasons(awaitEvent(ON_HOLD, visit))).containsExactly("AUTHORIZATION_MISSING");

        ApiClient.Response requested = api.post(API + "/authorizations", billing(), """
                {"patientId":"%s","payerId":"%s","discipline":"PT","requestedUnits":6,"from":"2030-01-01",
                 "to":"2030-02-28"}""".formatted(patient, payerId));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String id = requested.json().path("id").asString();
        assertThat(api.post(API + "/authorizations/" + id + "/submission", billing(), "{\"expedited\":false}")
                        .status())
                .isEqualTo(200);
        assertThat(line(visit).path("status").asString()).isEqualTo("ON_HOLD"); // pending is not approved
        ApiClient.Response approved = api.post(
                API + "/authorizations/" + id + "/decision",
                billing(),
                "{\"decision\":\"APPROVED\",\"approvedUnits\":6}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        assertThat(awaitEvent(READY, visit).path("authorizationId").asString()).isEqualTo(id);
        planSigned(UUID.randomUUID().toString(), 2); // another re-evaluation of the patient's lines changes nothing
        barrierOnPatientEvents();
        JsonNode authorization =
                api.get(API + "/authorizations/" + id, billing()).json();
        assertThat(authorization.path("unitsUsed").asInt()).isEqualTo(1);
        assertThat(authorization.path("consumedVisitIds")).hasSize(1);
        assertThat(published.await(r -> isEvent(r, READY, visit), NO_MORE)).isEmpty();
    }

    @Test
    void aLineUnderAnEvvExceptionStaysHeldWhenTheFactsItAlsoLackedArrive() {
        admitted();
        covered(payer("[]"));
        String visit = UUID.randomUUID().toString();
        publish(
                "hearth.scheduling.events",
                "org.hearth.scheduling.EvvExceptionRecorded.v1",
                UUID.randomUUID().toString(),
                """
                {"visitId":"%s","patientId":"%s","stage":"CHECK_IN","code":"OUTSIDE_RADIUS","distanceMetres":900,
                 "at":"2030-01-07T15:00:00Z"}""".formatted(visit, patient));
        completed(visit, "2030-01-07");
        assertThat(reasons(awaitEvent(ON_HOLD, visit))).containsExactly("UNSIGNED_PLAN", "EVV_EXCEPTION");

        planSigned(UUID.randomUUID().toString(), 1);
        assertThat(reasons(awaitEvent(ON_HOLD, visit))).containsExactly("EVV_EXCEPTION");
        barrierOnPatientEvents();
        assertThat(line(visit).path("status").asString()).isEqualTo("ON_HOLD");
        assertThat(published.await(r -> isEvent(r, READY, visit), NO_MORE)).isEmpty();
    }

    @Test
    void aLineStoredBeforeLinesHadVersionsIsReleasedToo() {
        admitted();
        covered(payer("[]"));
        String visit = UUID.randomUUID().toString();
        completed(visit, "2030-01-07");
        assertThat(reasons(awaitEvent(ON_HOLD, visit))).containsExactly("UNSIGNED_PLAN");
        // as billing stored held lines before this change: no version, no booked authorization
        assertThat(mongo.getCollection("billable_lines")
                        .updateOne(
                                new org.bson.Document("_id", visit),
                                new org.bson.Document(
                                        "$unset",
                                        new org.bson.Document("version", "").append("bookedAuthorizationId", "")))
                        .getModifiedCount())
                .isEqualTo(1);
        assertThat(mongo.getCollection("billable_lines")
                        .find(new org.bson.Document("_id", visit))
                        .first())
                .doesNotContainKey("version");
        assertThat(line(visit).path("status").asString()).isEqualTo("ON_HOLD");

        planSigned(UUID.randomUUID().toString(), 1);
        assertThat(awaitEvent(READY, visit).path("serviceDate").asString()).isEqualTo("2030-01-07");
        assertThat(line(visit).path("status").asString()).isEqualTo("READY");
    }

    // --- helpers

    String billing() {
        return TestTokenIssuer.shared()
                .token()
                .agency("a", agency)
                .roles("billing")
                .subject("billing-sub")
                .audience("billing-service")
                .sign();
    }

    void publish(String topic, String type, String eventId, String body) {
        assertThat(EventContracts.violations(type, body)).as(body).isEmpty();
        kafka.send(topic, patient, TopicWriter.envelope(eventId, type, patient, agency), body);
    }

    void admitted() {
        publish(
                "hearth.patient.events",
                "org.hearth.patient.PatientAdmitted.v1",
                UUID.randomUUID().toString(),
                """
                {"patientId":"%s","admittedAt":"2030-01-02T15:00:00Z","status":"ACTIVE"}""".formatted(patient));
        Eventually.await(
                Duration.ofSeconds(20), () -> api.get(API + "/patients/" + patient, billing()), r -> r.status() == 200);
    }

    void planSigned(String eventId, int version) {
        publish("hearth.patient.events", "org.hearth.patient.CarePlanSigned.v1", eventId, """
                {"patientId":"%s","planVersion":%d,"supersedesVersion":null,"signedAt":"2030-01-06T14:00:00Z",
                 "signedBy":"dr","frequencyOrders":[{"discipline":"PT","segments":[{"minPerWeek":2,"maxPerWeek":2,
                 "weeks":3}],"prnVisits":0}]}""".formatted(
                        patient, version));
    }

    /** A payer authorizing the given disciplines (a JSON array), billed per visit; returns its id. */
    String payer(String priorAuthorization) {
        ApiClient.Response payer = api.post(API + "/payers", billing(), """
                {"name":"Medicaid %s","type":"MEDICAID","payerCode":"IL-MCD","priorAuthorization":%s,
                 "unit":"VISIT","timelyFilingDays":180}""".formatted(patient, priorAuthorization));
        assertThat(payer.status()).as(payer.body()).isEqualTo(201);
        return payer.json().path("id").asString();
    }

    void covered(String payerId) {
        String etag =
                api.get(API + "/patients/" + patient, billing()).header("ETag").orElseThrow();
        ApiClient.Response covered = api.send(api.request(API + "/patients/" + patient + "/coverage", billing())
                .header("Content-Type", "application/json")
                .header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"coverages":[{"payerId":"%s","memberId":"A900","plan":"Medicaid HCBS","priority":"PRIMARY",
                          "from":"2030-01-01"}]}""".formatted(payerId))));
        assertThat(covered.status()).as(covered.body()).isEqualTo(200);
    }

    void completed(String visitId, String day) {
        String eventId =
                UUID.nameUUIDFromBytes(("completed-" + visitId).getBytes()).toString(); // same on redelivery
        publish("hearth.scheduling.events", "org.hearth.scheduling.VisitCompleted.v1", eventId, """
                {"visitId":"%s","patientId":"%s","discipline":"PT","type":"IN_HOME","clinicianId":"pete",
                 "checkedInAt":"%sT15:00:00Z","checkedOutAt":"%sT15:50:00Z","durationMinutes":50,"units":1,
                 "authorizationId":null}""".formatted(
                        visitId, patient, day, day));
    }

    /**
     * Waits until billing has read every patient event published so far: an admission of another patient on the
     * same key (so the same partition, read after them) opens that patient's file only once they are applied.
     */
    void barrierOnPatientEvents() {
        String marker = UUID.randomUUID().toString();
        kafka.send(
                "hearth.patient.events",
                patient,
                TopicWriter.envelope(
                        UUID.randomUUID().toString(), "org.hearth.patient.PatientAdmitted.v1", marker, agency),
                """
                {"patientId":"%s","admittedAt":"2030-01-02T15:00:00Z","status":"ACTIVE"}""".formatted(marker));
        Eventually.await(
                Duration.ofSeconds(20), () -> api.get(API + "/patients/" + marker, billing()), r -> r.status() == 200);
    }

    JsonNode line(String visitId) {
        JsonNode page = api.get(API + "/billable-lines?from=2030-01-01&to=2030-01-31&patientId=" + patient, billing())
                .json();
        return page.path("items")
                .valueStream()
                .filter(l -> visitId.equals(l.path("visitId").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for visit " + visitId + ": " + page));
    }

    static boolean isEvent(ConsumerRecord<String, String> record, String type, String visitId) {
        return type.equals(TopicReader.header(record, "ce_type"))
                && record.value().contains(visitId);
    }

    JsonNode awaitEvent(String type, String visitId) {
        Optional<ConsumerRecord<String, String>> record =
                published.await(r -> isEvent(r, type, visitId), Duration.ofSeconds(20));
        assertThat(record).as(type + " of visit " + visitId).isPresent();
        assertThat(EventContracts.violations(type, record.get().value()))
                .as(record.get().value())
                .isEmpty();
        return json.readTree(record.get().value());
    }

    static List<String> reasons(JsonNode onHold) {
        return onHold.path("reasons").valueStream().map(JsonNode::asString).toList();
    }
}
