package org.hearth.scheduling.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.MutableClock;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.TopicWriter;
import org.hearth.platform.test.story.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Visits through the public API on the real broker: generated from a signed plan, booked under the rules, checked
 * in and out, watched for misses (with a clock the test moves), shown to staff and family, revised, discharged.
 * The clock starts on Sunday 6 January 2030, so "not in the past" does not depend on the day the build runs.
 */
@HearthServiceTest
@Import(MutableClock.Config.class)
class VisitApiIT {

    static final String VISITS = "/api/scheduling/v1/visits";
    static final Instant SUNDAY_NOON = Instant.parse("2030-01-06T17:00:00Z");
    static final double LAT = 39.7817;
    static final double LON = -89.6501;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    MissedVisitWatch watch;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    ApiClient api;
    TopicWriter kafka;
    TopicReader published;
    final String agency = UUID.randomUUID().toString();
    final String patient = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        clock.set(SUNDAY_NOON);
        api = ApiClient.onPort(port);
        kafka = new TopicWriter();
        published = new TopicReader("hearth.scheduling.events");
    }

    @AfterEach
    void tearDown() {
        kafka.close();
        published.close();
    }

    String token(String role, String subject, String agencyId) {
        return TestTokenIssuer.shared()
                .token()
                .agency("a", agencyId)
                .roles(role)
                .subject(subject)
                .audience("scheduling-service")
                .sign();
    }

    String coordinator() {
        return Tokens.coordinator(agency)
                .subject("carla-sub")
                .audience("scheduling-service")
                .sign();
    }

    void publish(String topic, String type, String patientId, String body) {
        assertThat(EventContracts.violations(type, body)).as(body).isEmpty();
        kafka.send(topic, patientId, TopicWriter.envelope(UUID.randomUUID().toString(), type, patientId, agency), body);
    }

    void admit(String patientId) {
        publish("hearth.patient.events", "org.hearth.patient.PatientAdmitted.v1", patientId, """
                {"patientId":"%s","admittedAt":"2030-01-02T15:00:00Z","status":"ACTIVE","language":"en",
                 "postalCode":"62701","latitude":%s,"longitude":%s}""".formatted(
                        patientId, LAT, LON));
        publish("hearth.patient.events", "org.hearth.patient.CareTeamChanged.v1", patientId, """
                {"patientId":"%s","changedAt":"2030-01-02T16:00:00Z","leadPhysician":"dr-sub",
                 "members":[{"subject":"dr-sub","role":"PHYSICIAN"},{"subject":"nina-sub","role":"NURSE"}]}""".formatted(patientId));
        publish("hearth.patient.events", "org.hearth.patient.CareCircleChanged.v1", patientId, """
                {"patientId":"%s","changedAt":"2030-01-02T16:10:00Z",
                 "members":[{"subject":"fran-sub","scopes":["SCHEDULE","MESSAGES"]},{"subject":"sam-sub","scopes":["VITALS"]}]}""".formatted(
                        patientId));
    }

    void sign(String patientId, int version, String signedAt, String discipline, int perWeek, int weeks) {
        publish("hearth.patient.events", "org.hearth.patient.CarePlanSigned.v1", patientId, """
                {"patientId":"%s","planVersion":%d,"supersedesVersion":%s,"signedAt":"%s","signedBy":"dr-sub",
                 "frequencyOrders":[{"discipline":"%s","segments":[{"minPerWeek":%d,"maxPerWeek":%d,"weeks":%d}],"prnVisits":0}]}""".formatted(
                        patientId,
                        version,
                        version > 1 ? String.valueOf(version - 1) : "null",
                        signedAt,
                        discipline,
                        perWeek,
                        perWeek,
                        weeks));
    }

    String clinician(String agencyId, String subject, String name, String discipline) {
        ApiClient.Response added =
                api.post("/api/scheduling/v1/clinicians", token("coordinator", "carla-sub", agencyId), """
                {"subject":"%s","name":"%s","discipline":"%s","skills":["wound-care"],
                 "certifications":[{"name":"BLS","expiresOn":"2031-03-31"}],
                 "homeBase":{"latitude":39.80,"longitude":-89.65},
                 "hours":[{"day":"MONDAY","start":"08:00","end":"16:00"},{"day":"TUESDAY","start":"08:00","end":"16:00"},
                          {"day":"WEDNESDAY","start":"08:00","end":"16:00"}],
                 "maxVisitsPerDay":5,"timeOff":[],"active":true}""".formatted(
                                subject, name, discipline));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().path("id").asString();
    }

    List<JsonNode> visitsOf(String patientId, String status, int expected) {
        JsonNode page = Eventually.await(
                        Duration.ofSeconds(20),
                        () -> api.get(VISITS + "?patientId=" + patientId + "&status=" + status, coordinator()),
                        r -> r.status() == 200 && r.json().path("totalItems").asInt() == expected)
                .json();
        return page.path("items").valueStream().toList();
    }

    ApiClient.Response book(String visitId, String etag, String body) {
        HttpRequest.Builder request = api.request(VISITS + "/" + visitId + "/booking", coordinator())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return api.send(request);
    }

    static String booking(String clinicianId, String start, String end) {
        return """
                {"clinicianId":"%s","start":"%s","end":"%s"}""".formatted(clinicianId, start, end);
    }

    JsonNode event(String type, String visitId) {
        ConsumerRecord<String, String> record = published
                .await(
                        r -> type.equals(TopicReader.header(r, "ce_type"))
                                && r.value().contains(visitId),
                        Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError(type));
        assertThat(EventContracts.violations(type, record.value()))
                .as(record.value())
                .isEmpty();
        assertThat(record.key()).isEqualTo(patient);
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(record.value());
    }

    @Test
    void aSignedPlanBecomesVisitsThatAreBookedCheckedInAndCompletedWithEvents() {
        admit(patient);
        sign(patient, 1, "2030-01-06T15:00:00Z", "SN", 2, 2);
        List<JsonNode> open = visitsOf(patient, "UNSCHEDULED", 4);
        assertThat(open).extracting(v -> v.path("earliest").asString()).containsOnly("2030-01-06", "2030-01-13");
        String nina = clinician(agency, "nina-sub", "Nina Nurse", "RN");
        String first = open.get(0).path("id").asString();

        assertThat(book(first, null, booking(nina, "2030-01-07T15:00:00Z", "2030-01-07T16:00:00Z"))
                        .status())
                .isEqualTo(428);
        ApiClient.Response booked = book(first, "\"1\"", booking(nina, "2030-01-07T15:00:00Z", "2030-01-07T16:00:00Z"));
        assertThat(booked.status()).as(booked.body()).isEqualTo(200);
        assertThat(booked.header("ETag")).contains("\"2\"");
        assertThat(booked.json().path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(event("org.hearth.scheduling.VisitScheduled.v1", first)
                        .path("clinicianId")
                        .asString())
                .isEqualTo(nina);

        // EVV: 1.2 km away from the home at check-in is recorded, not refused; at the door for check-out.
        clock.set(Instant.parse("2030-01-07T15:04:00Z"));
        assertThat(api.post(
                                VISITS + "/" + first + "/check-in",
                                token("nurse", "ron-sub", agency),
                                "{\"latitude\":39.79,\"longitude\":-89.65}")
                        .status())
                .isEqualTo(403);
        ApiClient.Response in = api.post(
                VISITS + "/" + first + "/check-in",
                token("nurse", "nina-sub", agency),
                "{\"latitude\":39.7925,\"longitude\":-89.6501}");
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        assertThat(in.json().path("evvExceptions").get(0).path("code").asString())
                .isEqualTo("OUTSIDE_RADIUS");
        assertThat(in.json().path("evvExceptions").get(0).path("distanceMetres").asDouble())
                .isBetween(1150.0, 1250.0);
        assertThat(event("org.hearth.scheduling.VisitCheckedIn.v1", first)
                        .path("locationVerified")
                        .asBoolean())
                .isFalse();
        assertThat(event("org.hearth.scheduling.EvvExceptionRecorded.v1", first)
                        .path("code")
                        .asString())
                .isEqualTo("OUTSIDE_RADIUS");

        clock.set(Instant.parse("2030-01-07T15:54:00Z"));
        ApiClient.Response out = api.post(
                VISITS + "/" + first + "/check-out",
                token("nurse", "nina-sub", agency),
                "{\"latitude\":39.7818,\"longitude\":-89.6502}");
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        JsonNode visit = out.json();
        assertThat(visit.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(visit.path("evvExceptions")).hasSize(1);
        assertThat(visit.path("checkIn").path("at").asString()).isEqualTo("2030-01-07T15:04:00Z");
        JsonNode completed = event("org.hearth.scheduling.VisitCompleted.v1", first);
        assertThat(completed.path("durationMinutes").asInt()).isEqualTo(50);
        assertThat(completed.path("units").asInt()).isEqualTo(1);
        assertThat(api.post(VISITS + "/" + first + "/cancellation", coordinator(), "{\"reason\":\"AGENCY\"}")
                        .status())
                .isEqualTo(409);

        // Revised on Tuesday to SN 1W1 from the next week: next week's two visits become one; Monday's stays done.
        sign(patient, 2, "2030-01-08T15:00:00Z", "SN", 1, 1);
        List<JsonNode> regenerated = Eventually.await(
                Duration.ofSeconds(20),
                () -> visitsOf(patient, "UNSCHEDULED", 2),
                list -> list.stream().anyMatch(v -> v.path("planVersion").asInt() == 2));
        assertThat(regenerated)
                .extracting(v -> v.path("earliest").asString() + "/v"
                        + v.path("planVersion").asInt())
                .containsExactlyInAnyOrder("2030-01-06/v1", "2030-01-13/v2");
        assertThat(visitsOf(patient, "COMPLETED", 1).get(0).path("id").asString())
                .isEqualTo(first);
    }

    @Test
    void oneProblemListsEveryBrokenRuleAndBadInputIsRefusedWithNothingStored() {
        admit(patient);
        sign(patient, 1, "2030-01-06T15:00:00Z", "SN", 1, 1);
        String visit = visitsOf(patient, "UNSCHEDULED", 1).get(0).path("id").asString();
        String pete = clinician(agency, "pete-sub", "Pete Therapist", "PT");
        String elsewhere = clinician(UUID.randomUUID().toString(), "other-sub", "Olga Other", "RN");

        // A therapist, on a Saturday he does not work: two rules, one answer.
        ApiClient.Response refused =
                book(visit, "\"1\"", booking(pete, "2030-01-12T15:00:00Z", "2030-01-12T16:00:00Z"));
        for (String rule : List.of("DISCIPLINE_MISMATCH", "CLINICIAN_UNAVAILABLE")) {
            assertThat(meters.get("hearth.bookings.refused")
                            .tag("rule", rule)
                            .tag("agency", agency)
                            .counter()
                            .count())
                    .as("refusals by %s", rule)
                    .isEqualTo(1);
        }
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("/problems/rules-violated");
        assertThat(refused.json()
                        .path("violations")
                        .valueStream()
                        .map(v -> v.path("rule").asString())
                        .toList())
                .containsExactlyInAnyOrder("DISCIPLINE_MISMATCH", "CLINICIAN_UNAVAILABLE");

        assertThat(fieldsOf(book(visit, "\"1\"", booking(pete, "2030-01-05T15:00:00Z", "2030-01-05T16:00:00Z"))))
                .contains("start");
        assertThat(fieldsOf(book(visit, "\"1\"", booking(pete, "2030-01-07T16:00:00Z", "2030-01-07T15:00:00Z"))))
                .contains("end");
        assertThat(fieldsOf(book(
                        visit, "\"1\"", booking("no-such-clinician", "2030-01-07T15:00:00Z", "2030-01-07T16:00:00Z"))))
                .containsExactly("clinicianId");
        assertThat(fieldsOf(book(visit, "\"1\"", booking(elsewhere, "2030-01-07T15:00:00Z", "2030-01-07T16:00:00Z"))))
                .containsExactly("clinicianId");
        assertThat(book(
                                visit,
                                "\"1\"",
                                "{\"clinicianId\":\"" + pete + "\",\"start\":\"2030-01-07T15:00:00Z\","
                                        + "\"end\":\"2030-01-07T16:00:00Z\",\"priority\":\"HIGH\"}")
                        .status())
                .isEqualTo(400);

        ApiClient.Response unchanged = api.get(VISITS + "/" + visit, coordinator());
        assertThat(unchanged.json().path("status").asString()).isEqualTo("UNSCHEDULED");
        assertThat(unchanged.json().path("history")).isEmpty();
        assertThat(unchanged.header("ETag")).contains("\"1\"");
        assertThat(api.get(
                                VISITS + "/" + visit,
                                token("coordinator", "x", UUID.randomUUID().toString()))
                        .status())
                .isEqualTo(404);
    }

    static List<String> fieldsOf(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json()
                .path("errors")
                .valueStream()
                .map(e -> e.path("field").asString())
                .toList();
    }

    @Test
    void aVisitNobodyCheckedIntoRaisesOneRiskThenIsMarkedMissedForTheFamilyAndPhysician() {
        admit(patient);
        sign(patient, 1, "2030-01-06T15:00:00Z", "SN", 1, 1);
        String visit = visitsOf(patient, "UNSCHEDULED", 1).get(0).path("id").asString();
        String nina = clinician(agency, "nina-sub", "Nina Nurse", "RN");
        assertThat(book(visit, "\"1\"", booking(nina, "2030-01-08T15:00:00Z", "2030-01-08T16:00:00Z"))
                        .status())
                .isEqualTo(200);

        // The watch covers every agency, so other tests' visits may be flagged too; this visit is what is checked.
        clock.set(Instant.parse("2030-01-08T15:29:00Z"));
        watch.raiseRisks();
        assertThat(api.get(VISITS + "/" + visit, coordinator())
                        .json()
                        .path("missedRiskRaisedAt")
                        .isNull())
                .isTrue();
        clock.set(Instant.parse("2030-01-08T15:31:00Z"));
        assertThat(watch.raiseRisks()).isPositive();
        assertThat(api.get(VISITS + "/" + visit, coordinator())
                        .json()
                        .path("missedRiskRaisedAt")
                        .asString())
                .isEqualTo("2030-01-08T15:31:00Z");
        assertThat(watch.raiseRisks()).isZero();
        assertThat(event("org.hearth.scheduling.MissedVisitRisk.v1", visit)
                        .path("minutesLate")
                        .asInt())
                .isEqualTo(31);

        ApiClient.Response missed =
                api.post(VISITS + "/" + visit + "/missed", coordinator(), "{\"reason\":\"PATIENT_NOT_HOME\"}");
        assertThat(missed.status()).as(missed.body()).isEqualTo(200);
        assertThat(event("org.hearth.scheduling.VisitMissed.v1", visit)
                        .path("reason")
                        .asString())
                .isEqualTo("PATIENT_NOT_HOME");
        assertThat(api.post(VISITS + "/" + visit + "/missed", coordinator(), "{\"reason\":\"SNOW\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aTelehealthVisitMovedWithoutItsLinkKeepsTheLinkItWasBookedWith() {
        admit(patient);
        sign(patient, 1, "2030-01-06T15:00:00Z", "SN", 1, 1);
        String visit = visitsOf(patient, "UNSCHEDULED", 1).get(0).path("id").asString();
        String nina = clinician(agency, "nina-sub", "Nina Nurse", "RN");
        ApiClient.Response booked = book(visit, "\"1\"", """
                {"clinicianId":"%s","start":"2030-01-07T15:00:00Z","end":"2030-01-07T16:00:00Z","type":"TELEHEALTH",
                 "telehealthLink":"https://meet.example.org/jane"}""".formatted(nina));
        assertThat(booked.status()).as(booked.body()).isEqualTo(200);

        // a move as the optimizer's plan makes it: clinician and times only
        ApiClient.Response moved = book(visit, "\"2\"", booking(nina, "2030-01-08T15:00:00Z", "2030-01-08T16:00:00Z"));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("type").asString()).isEqualTo("TELEHEALTH");
        assertThat(moved.json().path("booking").path("telehealthLink").asString())
                .isEqualTo("https://meet.example.org/jane");
        assertThat(moved.json().path("booking").path("start").asString()).isEqualTo("2030-01-08T15:00:00Z");
    }

    @Test
    void aClinicianWhoBrokeTheGlassSeesTheVisitsUntilTheGrantExpiresOrIsRevokedEachReadAuditedAsBreakGlass() {
        admit(patient);
        sign(patient, 1, "2030-01-06T15:00:00Z", "SN", 1, 1);
        String visit = visitsOf(patient, "UNSCHEDULED", 1).get(0).path("id").asString();
        String path = "/api/scheduling/v1/patients/" + patient + "/visits?from=2030-01-06";
        String ron = token("nurse", "ron-sub", agency);
        assertThat(api.get(path, ron).status()).as("not on the care team").isEqualTo(404);

        String grant = UUID.randomUUID().toString();
        breakGlass(grant, "ron-sub", SUNDAY_NOON.minusSeconds(60), SUNDAY_NOON.plus(Duration.ofHours(4)));
        try (TopicReader audit = new TopicReader("hearth.audit")) {
            ApiClient.Response seen = Eventually.await(
                    "the break-glass grant reaching scheduling",
                    Duration.ofSeconds(20),
                    () -> api.get(path, ron),
                    r -> r.status() == 200);
            assertThat(seen.json().path("visits").get(0).path("id").asString()).isEqualTo(visit);
            JsonNode record = tools.jackson.databind.json.JsonMapper.builder()
                    .build()
                    .readTree(audit.await(r -> r.value().contains(grant), Duration.ofSeconds(20))
                            .orElseThrow()
                            .value());
            assertThat(record.path("purposeOfUse").asString()).isEqualTo("breakGlass");
            assertThat(record.path("actor").asString()).isEqualTo("ron-sub");
            assertThat(record.path("patientId").asString()).isEqualTo(patient);
        }
        assertThat(api.get(path, token("nurse", "rex-sub", agency)).status())
                .as("the grant is Ron's alone")
                .isEqualTo(404);
        assertThat(api.get(path, token("nurse", "ron-sub", UUID.randomUUID().toString()))
                        .status())
                .as("another agency's Ron")
                .isEqualTo(404);

        clock.set(SUNDAY_NOON.plus(Duration.ofHours(4)));
        assertThat(api.get(path, ron).status()).as("expired").isEqualTo(404);
        clock.set(SUNDAY_NOON);

        publish("hearth.patient.events", "org.hearth.patient.BreakGlassRevoked.v1", patient, """
                {"patientId":"%s","grantId":"%s","clinician":"ron-sub","revokedAt":"%s"}""".formatted(
                        patient, grant, SUNDAY_NOON));
        Eventually.await(
                "the revocation reaching scheduling",
                Duration.ofSeconds(20),
                () -> api.get(path, ron).status(),
                status -> status == 404);
    }

    void breakGlass(String grant, String clinician, Instant openedAt, Instant expiresAt) {
        publish("hearth.patient.events", "org.hearth.patient.BreakGlassOpened.v1", patient, """
                {"patientId":"%s","grantId":"%s","clinician":"%s","openedAt":"%s","expiresAt":"%s",
                 "leadPhysician":"dr-sub","recipients":["paula-sub","dr-sub"]}""".formatted(
                        patient, grant, clinician, openedAt, expiresAt));
    }

    @Test
    void familyWithTheScheduleConsentSeesOnlyTimeDisciplineAndFirstName() {
        admit(patient);
        sign(patient, 1, "2030-01-06T15:00:00Z", "SN", 1, 1);
        String visit = visitsOf(patient, "UNSCHEDULED", 1).get(0).path("id").asString();
        String nina = clinician(agency, "nina-sub", "Nina Nurse", "RN");
        assertThat(book(visit, "\"1\"", booking(nina, "2030-01-09T14:00:00Z", "2030-01-09T15:00:00Z"))
                        .status())
                .isEqualTo(200);
        ApiClient.Response moved = book(visit, "\"2\"", booking(nina, "2030-01-09T15:00:00Z", "2030-01-09T16:00:00Z"));
        assertThat(moved.json()
                        .path("history")
                        .valueStream()
                        .map(h -> h.path("action").asString())
                        .toList())
                .containsExactly("SCHEDULED", "RESCHEDULED");
        assertThat(event("org.hearth.scheduling.VisitRescheduled.v1", visit)
                        .path("previousStart")
                        .asString())
                .isEqualTo("2030-01-09T14:00:00Z");
        String path = "/api/scheduling/v1/patients/" + patient + "/visits?from=2030-01-06";

        JsonNode family = api.get(path, token("family", "fran-sub", agency)).json();
        assertThat(family.path("visits").isNull()).isTrue();
        assertThat(family.path("familyView")).hasSize(1);
        JsonNode seen = family.path("familyView").get(0);
        assertThat(seen.propertyNames()).containsExactlyInAnyOrder("start", "end", "discipline", "clinicianFirstName");
        assertThat(seen.path("clinicianFirstName").asString()).isEqualTo("Nina");
        assertThat(family.toString()).doesNotContain(nina, "Nurse", "39.78");

        assertThat(api.get(path, token("family", "sam-sub", agency)).status()).isEqualTo(404);
        assertThat(api.get(path, token("nurse", "ron-sub", agency)).status()).isEqualTo(404);
        assertThat(api.get(path, token("nurse", "nina-sub", agency))
                        .json()
                        .path("visits")
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo(visit);

        JsonNode day = api.get(
                        "/api/scheduling/v1/clinicians/" + nina + "/day?date=2030-01-09",
                        token("nurse", "nina-sub", agency))
                .json();
        assertThat(day.path("stops")).hasSize(1);
        assertThat(day.path("stops").get(0).path("kilometresFromPrevious").asDouble())
                .isBetween(1.9, 2.2);
        assertThat(day.path("totalTravelMinutes").asLong()).isPositive();
        // the day says its zone and when each stop's check-in opens and closes (the rule check-in itself applies)
        assertThat(day.path("zone").asString()).isNotBlank();
        java.time.Instant start =
                java.time.Instant.parse(day.path("stops").get(0).path("start").asString());
        assertThat(java.time.Instant.parse(
                        day.path("stops").get(0).path("checkInOpensAt").asString()))
                .isEqualTo(start.minus(java.time.Duration.ofHours(2)));
        assertThat(java.time.LocalDate.ofInstant(
                        java.time.Instant.parse(
                                day.path("stops").get(0).path("checkInClosesAt").asString()),
                        java.time.ZoneId.of(day.path("zone").asString())))
                .isEqualTo(java.time.LocalDate.parse("2030-01-10"));
        assertThat(api.get(
                                "/api/scheduling/v1/clinicians/" + nina + "/day?date=2030-01-09",
                                token("nurse", "ron-sub", agency))
                        .status())
                .isEqualTo(404);

        ApiClient.Response ics = api.get(
                "/api/scheduling/v1/clinicians/" + nina + "/calendar.ics?from=2030-01-06",
                token("nurse", "nina-sub", agency));
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        assertThat(ics.body())
                .startsWith("BEGIN:VCALENDAR\r\n")
                .contains("UID:" + visit + "@hearth", "DTSTART:20300109T150000Z", "SUMMARY:SN visit")
                .doesNotContain(patient);

        JsonNode board = api.get("/api/scheduling/v1/board?week=2030-01-08", coordinator())
                .json();
        assertThat(board.path("weekStart").asString()).isEqualTo("2030-01-06");
        assertThat(board.path("booked").path("2030-01-09")).hasSize(1);
    }

    @Test
    void authorizedUnitsLimitBookingsAndADischargeCancelsWhatIsLeft() {
        admit(patient);
        sign(patient, 1, "2030-01-06T15:00:00Z", "PT", 2, 1);
        List<JsonNode> open = visitsOf(patient, "UNSCHEDULED", 2);
        String pete = clinician(agency, "pete-sub", "Pete Therapist", "PT");
        publish("hearth.billing.events", "org.hearth.billing.AuthorizationStatusChanged.v1", patient, """
                {"authorizationId":"%s","patientId":"%s","discipline":"PT","status":"APPROVED","unit":"VISIT",
                 "approvedUnits":1,"from":"2030-01-01","to":"2030-03-01","payerId":"medicaid","changedAt":"2030-01-05T10:00:00Z"}""".formatted(
                        patient, patient));
        String first = open.get(0).path("id").asString();
        String second = open.get(1).path("id").asString();
        Eventually.await(
                Duration.ofSeconds(20),
                () -> api.get("/api/scheduling/v1/patients/" + patient + "/authorizations", coordinator())
                        .json(),
                list -> list.size() == 1);
        ApiClient.Response firstBooked =
                book(first, "\"1\"", booking(pete, "2030-01-07T15:00:00Z", "2030-01-07T16:00:00Z"));
        assertThat(firstBooked.status()).as(firstBooked.body()).isEqualTo(200);
        assertThat(firstBooked.json().path("booking").path("authorizationId").asString())
                .isEqualTo(patient);

        JsonNode units = api.get("/api/scheduling/v1/patients/" + patient + "/authorizations", coordinator())
                .json();
        assertThat(units.get(0).path("unitsRemaining").asInt()).isZero();
        assertThat(units.get(0).path("unitsBookedOrUsed").asInt()).isEqualTo(1);

        ApiClient.Response over = book(second, "\"1\"", booking(pete, "2030-01-09T15:00:00Z", "2030-01-09T16:00:00Z"));
        assertThat(over.status()).as(over.body()).isEqualTo(422);
        assertThat(over.json().path("violations").get(0).path("rule").asString())
                .isEqualTo("AUTHORIZED_UNITS_EXHAUSTED");

        publish("hearth.patient.events", "org.hearth.patient.PatientDischarged.v1", patient, """
                {"patientId":"%s","dischargedOn":"2030-01-06","reason":"PATIENT_REQUEST","recordedAt":"2030-01-06T18:00:00Z"}""".formatted(patient));
        assertThat(visitsOf(patient, "CANCELLED", 2))
                .extracting(v -> v.path("reason").asString())
                .containsOnly("PATIENT_DISCHARGED");
        assertThat(event("org.hearth.scheduling.VisitCancelled.v1", first)
                        .path("clinicianId")
                        .asString())
                .isEqualTo(pete);
    }
}
