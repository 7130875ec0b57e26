package org.hearth.scheduling.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
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
 * The optimizer through the API: a Monday of visits planned, explained and applied (each booking an event), a
 * double-staffed visit on two clinicians at once, and a repair after a clinician calls in sick that moves only
 * that clinician's visits.
 */
@HearthServiceTest
@Import(MutableClock.Config.class)
class PlanningApiIT {

    static final String JOBS = "/api/scheduling/v1/planning-jobs";
    static final String VISITS = "/api/scheduling/v1/visits";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    PlanningJobs jobs;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    ApiClient api;
    TopicWriter kafka;
    final String agency = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2030-01-06T17:00:00Z")); // Sunday noon in New York
        api = ApiClient.onPort(port);
        kafka = new TopicWriter();
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    String coordinator() {
        return Tokens.coordinator(agency, "scheduling-service");
    }

    String admit(double lat, double lon) {
        String patient = UUID.randomUUID().toString();
        String body = """
                {"patientId":"%s","admittedAt":"2030-01-02T15:00:00Z","status":"ACTIVE","latitude":%s,"longitude":%s}""".formatted(patient, lat, lon);
        assertThat(EventContracts.violations("org.hearth.patient.PatientAdmitted.v1", body))
                .isEmpty();
        kafka.send(
                "hearth.patient.events",
                patient,
                TopicWriter.envelope(
                        UUID.randomUUID().toString(), "org.hearth.patient.PatientAdmitted.v1", patient, agency),
                body);
        Eventually.await(
                Duration.ofSeconds(20),
                () -> api.get("/api/scheduling/v1/patients/" + patient, coordinator()),
                r -> r.status() == 200);
        return patient;
    }

    /** Hours 08:00-17:30: after a sick call one nurse does seven one-hour visits, the drives and a lunch break. */
    String clinician(String name, String discipline, double lat, double lon) {
        ApiClient.Response added = api.post("/api/scheduling/v1/clinicians", coordinator(), """
                {"subject":"%s","name":"%s","discipline":"%s","skills":[],"certifications":[],
                 "homeBase":{"latitude":%s,"longitude":%s},
                 "hours":[{"day":"MONDAY","start":"08:00","end":"17:30"}],
                 "maxVisitsPerDay":8,"timeOff":[],"active":true}""".formatted(
                        name.toLowerCase(), name, discipline, lat, lon));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().path("id").asString();
    }

    String visit(String patient, String discipline, String extra) {
        ApiClient.Response created = api.post(VISITS, coordinator(), """
                {"patientId":"%s","discipline":"%s","earliest":"2030-01-07","latest":"2030-01-07"%s}""".formatted(patient, discipline, extra));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    long jobsDone() {
        return meters.find("hearth.planning.jobs").tag("result", "done").tag("agency", agency).timers().stream()
                .mapToLong(t -> t.count())
                .sum();
    }

    JsonNode run(String body) {
        long doneBefore = jobsDone();
        ApiClient.Response started = api.post(JOBS, coordinator(), body);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("id").asString();
        JsonNode done = Eventually.await(
                Duration.ofSeconds(30),
                () -> api.get(JOBS + "/" + id, coordinator()).json(),
                j -> j.path("status").asString().equals("DONE"));
        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("progress")).isNotEmpty();
        // counted just after the job's end is stored, which the poll above may see first
        assertThat(Eventually.await(Duration.ofSeconds(5), this::jobsDone, n -> n == doneBefore + 1))
                .isEqualTo(doneBefore + 1);
        return done;
    }

    @Test
    void aDayIsPlannedExplainedAndAppliedAndASickClinicianIsRepairedAround() {
        String nina = clinician("Nina Nurse", "RN", 39.78, -89.65);
        String ron = clinician("Ron Nurse", "RN", 39.70, -89.60);
        String pete = clinician("Pete Therapist", "PT", 39.75, -89.62);
        List<String> nursing = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            nursing.add(visit(admit(39.70 + i * 0.02, -89.66 + i * 0.01), "SN", ""));
        }
        String shared = admit(39.76, -89.63);
        String lead = visit(
                shared,
                "SN",
                ",\"doubleStaffed\":{\"partnerDiscipline\":\"PT\",\"minGapMinutes\":0,\"maxGapMinutes\":0}");
        String partner = api.get(VISITS + "/" + lead, coordinator())
                .json()
                .path("pairing")
                .path("partnerVisitId")
                .asString();

        JsonNode job = run("""
                {"from":"2030-01-07","to":"2030-01-07","timeLimitSeconds":2}""");
        JsonNode plan = api.get(JOBS + "/" + job.path("id").asString() + "/plan", coordinator())
                .json();
        assertThat(plan.path("feasible").asBoolean()).as(plan.toString()).isTrue();
        assertThat(plan.path("unassigned")).isEmpty();
        assertThat(plan.path("breakdown").path("hard")).as("no rule broken").isEmpty();
        assertThat(plan.path("breakdown").path("soft").path("travel").asDouble())
                .isPositive();
        Map<String, JsonNode> byVisit = plan.path("assignments")
                .valueStream()
                .collect(Collectors.toMap(a -> a.path("visitId").asString(), a -> a));
        assertThat(byVisit).containsKeys(nursing.toArray(String[]::new)).containsKeys(lead, partner);
        assertThat(byVisit.get(lead).path("clinicianId").asString()).isIn(nina, ron);
        assertThat(byVisit.get(partner).path("clinicianId").asString()).isEqualTo(pete);
        assertThat(byVisit.get(lead).path("start").asString())
                .isEqualTo(byVisit.get(partner).path("start").asString());
        assertThat(byVisit.get(lead).path("explanation").path("drivers").toString())
                .contains("double-staffed");
        assertThat(byVisit.get(nursing.get(0)).path("change").asString()).isEqualTo("NEW");

        TopicReader events = new TopicReader("hearth.scheduling.events");
        JsonNode applied = api.post(JOBS + "/" + job.path("id").asString() + "/application", coordinator(), "")
                .json();
        assertThat(applied.path("refused")).as(applied.toString()).isEmpty();
        assertThat(applied.path("booked")).hasSize(8);
        for (String v : nursing) {
            assertThat(events.await(
                            r -> r.value().contains(v)
                                    && "org.hearth.scheduling.VisitScheduled.v1"
                                            .equals(TopicReader.header(r, "ce_type")),
                            Duration.ofSeconds(20)))
                    .isPresent();
        }
        events.close();
        assertThat(api.post(JOBS + "/" + job.path("id").asString() + "/application", coordinator(), "")
                        .status())
                .isEqualTo(409);

        // Ron calls in sick for Monday: a repair moves his visits and leaves everyone else's where they are.
        JsonNode ronBefore =
                api.get("/api/scheduling/v1/clinicians/" + ron, coordinator()).json();
        String sick = ronBefore
                .toString()
                .replace("\"timeOff\":[]", "\"timeOff\":[{\"from\":\"2030-01-07\",\"to\":\"2030-01-07\"}]")
                .replaceAll("\"id\":\"[^\"]+\",", "");
        ApiClient.Response off = api.send(api.request("/api/scheduling/v1/clinicians/" + ron, coordinator())
                .header("Content-Type", "application/json")
                .header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString(sick)));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        Map<String, String> bookedBefore = new java.util.HashMap<>();
        for (String v : java.util.stream.Stream.concat(nursing.stream(), java.util.stream.Stream.of(lead))
                .toList()) {
            bookedBefore.put(
                    v,
                    api.get(VISITS + "/" + v, coordinator())
                            .json()
                            .path("booking")
                            .path("clinicianId")
                            .asString());
        }

        JsonNode repair = run("""
                {"from":"2030-01-07","to":"2030-01-07","mode":"REPAIR"}""");
        JsonNode repaired = api.get(JOBS + "/" + repair.path("id").asString() + "/plan", coordinator())
                .json();
        for (JsonNode a : repaired.path("assignments")) {
            String v = a.path("visitId").asString();
            if (nina.equals(bookedBefore.get(v))) {
                assertThat(a.path("clinicianId").asString())
                        .as("Nina keeps her visits")
                        .isEqualTo(nina);
            }
            assertThat(a.path("clinicianId").asString()).isNotEqualTo(ron);
        }
        assertThat(repaired.path("feasible").asBoolean())
                .as(repaired.toString())
                .isTrue();
        long ronsVisits = bookedBefore.values().stream().filter(ron::equals).count();
        assertThat(ronsVisits).isPositive();
        assertThat(repaired.path("assignments")
                        .valueStream()
                        .filter(a -> bookedBefore.containsKey(a.path("visitId").asString())
                                && !a.path("clinicianId")
                                        .asString()
                                        .equals(bookedBefore.get(
                                                a.path("visitId").asString())))
                        .count())
                .as("only Ron's visits change clinician")
                .isEqualTo(ronsVisits);
    }

    @Test
    void visitsBeyondTheAuthorizedUnitsAreLeftOutWithTheReason() {
        clinician("Pete Therapist", "PT", 39.75, -89.62);
        String patient = admit(39.76, -89.63);
        String body = """
                {"authorizationId":"%s","patientId":"%s","discipline":"PT","status":"APPROVED","unit":"VISIT",
                 "approvedUnits":1,"from":"2030-01-01","to":"2030-03-01","changedAt":"2030-01-05T10:00:00Z"}""".formatted(patient, patient);
        assertThat(EventContracts.violations("org.hearth.billing.AuthorizationStatusChanged.v1", body))
                .isEmpty();
        kafka.send(
                "hearth.billing.events",
                patient,
                TopicWriter.envelope(
                        UUID.randomUUID().toString(),
                        "org.hearth.billing.AuthorizationStatusChanged.v1",
                        patient,
                        agency),
                body);
        Eventually.await(
                Duration.ofSeconds(20),
                () -> api.get("/api/scheduling/v1/patients/" + patient + "/authorizations", coordinator())
                        .json(),
                list -> list.size() == 1);
        String first = visit(patient, "PT", "");
        String second = visit(patient, "PT", "");

        JsonNode job = run("{\"from\":\"2030-01-07\",\"to\":\"2030-01-07\",\"timeLimitSeconds\":1}");
        JsonNode plan = api.get(JOBS + "/" + job.path("id").asString() + "/plan", coordinator())
                .json();
        List<String> planned = plan.path("assignments")
                .valueStream()
                .map(a -> a.path("visitId").asString())
                .toList();
        List<JsonNode> left = plan.path("unassigned").valueStream().toList();
        assertThat(planned).filteredOn(v -> v.equals(first) || v.equals(second)).hasSize(1);
        assertThat(left).singleElement().satisfies(u -> {
            assertThat(u.path("visitId").asString()).isIn(first, second).isNotIn(planned);
            assertThat(u.path("reason").asString()).contains("no units left");
        });
    }

    @Test
    void anUnbookedTelehealthVisitIsLeftOutBecauseItsBookingNeedsTheVideoLink() {
        clinician("Nina Nurse", "RN", 39.75, -89.62);
        String patient = admit(39.76, -89.63);
        String video = visit(patient, "SN", ",\"type\":\"TELEHEALTH\"");
        String home = visit(admit(39.77, -89.64), "SN", ""); // another patient: one SN visit a day each

        JsonNode job = run("{\"from\":\"2030-01-07\",\"to\":\"2030-01-07\",\"timeLimitSeconds\":1}");
        JsonNode plan = api.get(JOBS + "/" + job.path("id").asString() + "/plan", coordinator())
                .json();
        assertThat(plan.path("assignments")
                        .valueStream()
                        .map(a -> a.path("visitId").asString()))
                .contains(home)
                .doesNotContain(video);
        assertThat(plan.path("unassigned")
                        .valueStream()
                        .filter(u -> u.path("visitId").asString().equals(video)))
                .singleElement()
                .satisfies(u -> assertThat(u.path("reason").asString()).contains("video link"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameJobAndStartsNoSecond() {
        String range = "{\"from\":\"2030-01-07\",\"to\":\"2030-01-07\",\"timeLimitSeconds\":1}";
        String key = "plan-" + UUID.randomUUID();
        ApiClient.Response first = startWithKey(key, range);
        ApiClient.Response retry = startWithKey(key, range);
        ApiClient.Response otherBody =
                startWithKey(key, range.replace("\"timeLimitSeconds\":1", "\"timeLimitSeconds\":2"));

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().path("type").asString()).endsWith("/problems/idempotency-key-reused");
        TenantContext.runAs(TenantId.of(agency), () -> assertThat(jobs.count()).isEqualTo(1));
    }

    ApiClient.Response startWithKey(String key, String body) {
        return api.send(api.request(JOBS, coordinator())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aVisitBookedByHandIsPinnedUnlessTheJobMayMoveBookings() {
        String nina = clinician("Nina Nurse", "RN", 39.95, -89.90); // far from the patient
        String ron = clinician("Ron Nurse", "RN", 39.76, -89.63); // next door: moving the visit to Ron saves travel
        String patient = admit(39.76, -89.63);
        String visit = visit(patient, "SN", "");
        ApiClient.Response booked = api.send(api.request(VISITS + "/" + visit + "/booking", coordinator())
                .header("Content-Type", "application/json")
                .header(
                        "If-Match",
                        api.get(VISITS + "/" + visit, coordinator())
                                .header("ETag")
                                .orElseThrow())
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"clinicianId":"%s","start":"2030-01-07T15:00:00Z","end":"2030-01-07T16:00:00Z"}""".formatted(nina))));
        assertThat(booked.status()).as(booked.body()).isEqualTo(200);

        JsonNode kept =
                assignment(run("{\"from\":\"2030-01-07\",\"to\":\"2030-01-07\",\"timeLimitSeconds\":1}"), visit);
        assertThat(kept.path("clinicianId").asString()).isEqualTo(nina);
        assertThat(kept.path("start").asString()).isEqualTo("2030-01-07T15:00:00Z");
        assertThat(kept.path("change").asString()).isEqualTo("PINNED");

        JsonNode moved = assignment(run("""
                {"from":"2030-01-07","to":"2030-01-07","timeLimitSeconds":1,"moveBookedVisits":true}"""), visit);
        assertThat(moved.path("clinicianId").asString())
                .as("a job that may move bookings does")
                .isEqualTo(ron);
        assertThat(moved.path("change").asString()).isEqualTo("MOVED");
    }

    JsonNode assignment(JsonNode job, String visitId) {
        JsonNode plan = api.get(JOBS + "/" + job.path("id").asString() + "/plan", coordinator())
                .json();
        return plan.path("assignments")
                .valueStream()
                .filter(a -> a.path("visitId").asString().equals(visitId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not planned: " + plan));
    }

    @Test
    void badRangesAreRefusedAndAnotherAgencysJobIsUnknown() {
        assertThat(api.post(JOBS, coordinator(), "{\"from\":\"2030-01-08\",\"to\":\"2030-01-07\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(JOBS, coordinator(), "{\"from\":\"2030-01-07\",\"to\":\"2030-02-07\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(JOBS, coordinator(), "{\"from\":\"2029-12-31\",\"to\":\"2030-01-02\"}")
                        .status())
                .isEqualTo(400);
        JsonNode job = run("{\"from\":\"2030-01-07\",\"to\":\"2030-01-07\",\"timeLimitSeconds\":1}");
        String other = TestTokenIssuer.shared()
                .token()
                .agency("a", UUID.randomUUID().toString())
                .roles("coordinator")
                .subject("x")
                .audience("scheduling-service")
                .sign();
        assertThat(api.get(JOBS + "/" + job.path("id").asString(), other).status())
                .isEqualTo(404);
        String nurse = TestTokenIssuer.shared()
                .token()
                .agency("a", agency)
                .roles("nurse")
                .subject("n")
                .audience("scheduling-service")
                .sign();
        assertThat(api.get(JOBS + "/" + job.path("id").asString(), nurse).status())
                .isEqualTo(403);
    }
}
