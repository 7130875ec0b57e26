package org.hearth.scheduling.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.MutableClock;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicWriter;
import org.hearth.platform.test.story.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Planning jobs that outlive an instance and are shared by replicas: a second "replica" is a second
 * {@link PlanningJobs} built by the same application context on the same MongoDB (its own pool, ticker and instance
 * id), as two pods of the service would be. Also the job's scope, and a sick-call repair timed end to end.
 */
@HearthServiceTest
@Import(MutableClock.Config.class)
class DurablePlanningJobsIT {

    static final String JOBS = "/api/scheduling/v1/planning-jobs";
    static final String VISITS = "/api/scheduling/v1/visits";
    static final LocalDate MONDAY = LocalDate.parse("2030-01-07");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    PlanningJobs replicaA;

    @Autowired
    ApplicationContext context;

    PlanningJobs replicaB;
    ApiClient api;
    TopicWriter kafka;
    final String agency = UUID.randomUUID().toString();
    final List<String> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2030-01-06T17:00:00Z")); // Sunday noon in New York
        api = ApiClient.onPort(port);
        kafka = new TopicWriter();
        replicaB = context.getAutowireCapableBeanFactory().createBean(PlanningJobs.class);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
        // nothing of this test keeps the shared planner thread busy for the next one
        TenantContext.runAs(TenantId.of(agency), () -> started.forEach(replicaA::stop));
        replicaB.close();
        TenantContext.runAs(
                TenantId.of(agency),
                () -> Eventually.await(
                        Duration.ofSeconds(20),
                        () -> started.stream()
                                .map(id -> replicaA.find(id)
                                        .map(j -> j.status().running())
                                        .orElse(false))
                                .toList(),
                        running -> !running.contains(true)));
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

    String clinician(String name, String discipline, double lat, double lon) {
        ApiClient.Response added = api.post("/api/scheduling/v1/clinicians", coordinator(), """
                {"subject":"%s","name":"%s","discipline":"%s","skills":[],"certifications":[],
                 "homeBase":{"latitude":%s,"longitude":%s},
                 "hours":[{"day":"MONDAY","start":"08:00","end":"17:00"}],
                 "maxVisitsPerDay":8,"timeOff":[],"active":true}""".formatted(
                        name.toLowerCase(), name, discipline, lat, lon));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().path("id").asString();
    }

    String visit(String patient, String discipline) {
        ApiClient.Response created = api.post(VISITS, coordinator(), """
                {"patientId":"%s","discipline":"%s","earliest":"2030-01-07","latest":"2030-01-07"}""".formatted(patient, discipline));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    void book(String visit, String clinician, String start, String end) {
        ApiClient.Response booked = api.send(api.request(VISITS + "/" + visit + "/booking", coordinator())
                .header("Content-Type", "application/json")
                .header(
                        "If-Match",
                        api.get(VISITS + "/" + visit, coordinator())
                                .header("ETag")
                                .orElseThrow())
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"clinicianId":"%s","start":"%s","end":"%s"}""".formatted(clinician, start, end))));
        assertThat(booked.status()).as(booked.body()).isEqualTo(200);
    }

    String startJob(String body) {
        ApiClient.Response answer = api.post(JOBS, coordinator(), body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        started.add(answer.json().path("id").asString());
        return answer.json().path("id").asString();
    }

    JsonNode awaitEnd(String id) {
        return Eventually.await(
                Duration.ofSeconds(30),
                () -> api.get(JOBS + "/" + id, coordinator()).json(),
                j -> !Set.of("QUEUED", "SOLVING").contains(j.path("status").asString()));
    }

    /** One unbooked visit to place, so that a search runs for its whole time limit instead of ending at once. */
    void somethingToPlan() {
        clinician("Nina Nurse", "RN", 39.78, -89.65);
        visit(admit(39.76, -89.63), "SN");
    }

    PlanningJobs.Request monday(int seconds) {
        return new PlanningJobs.Request(
                StoredJob.Mode.OPTIMIZE,
                MONDAY,
                MONDAY,
                Set.of(),
                Set.of(),
                Duration.ofSeconds(seconds),
                Set.of(),
                false);
    }

    @Test
    void twoReplicasClaimingTheSameRangeAtOnceStartOneJob() throws Exception {
        somethingToPlan();
        CountDownLatch go = new CountDownLatch(1);
        Map<String, PlanningJobs> replicas =
                Map.of("a-" + UUID.randomUUID(), replicaA, "b-" + UUID.randomUUID(), replicaB);
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        replicas.forEach((id, replica) -> outcomes.add(CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
                return TenantContext.callAs(TenantId.of(agency), () -> {
                    try {
                        String job = replica.start(id, monday(20), "carla").id();
                        started.add(job);
                        return "started " + job;
                    } catch (PlanningJobs.AlreadyRunning refused) {
                        return "refused, running " + refused.jobId;
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })));
        go.countDown();
        List<String> answers = outcomes.stream().map(CompletableFuture::join).toList();

        assertThat(answers).filteredOn(a -> a.startsWith("started ")).hasSize(1);
        String winner = answers.stream()
                .filter(a -> a.startsWith("started "))
                .findFirst()
                .orElseThrow()
                .substring(8);
        assertThat(answers).contains("refused, running " + winner);

        // through the API, on whichever replica: 409 naming the running job; another range is free
        ApiClient.Response second = api.post(JOBS, coordinator(), "{\"from\":\"2030-01-06\",\"to\":\"2030-01-08\"}");
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().path("runningJobId").asString()).isEqualTo(winner);
        assertThat(second.json().path("detail").asString()).contains(winner);
        startJob("{\"from\":\"2030-01-08\",\"to\":\"2030-01-08\",\"timeLimitSeconds\":1}");

        // the other replica reads the job, its progress, and stops it (the running replica picks the stop up)
        TenantContext.runAs(TenantId.of(agency), () -> {
            PlanningJobs other = replicas.get(winner) == replicaA ? replicaB : replicaA;
            Eventually.await(
                    Duration.ofSeconds(10),
                    () -> other.find(winner).orElseThrow(),
                    j -> j.status() == StoredJob.Status.SOLVING && !j.progress().isEmpty());
            other.stop(winner);
            StoredJob stopped = Eventually.await(
                    Duration.ofSeconds(10),
                    () -> other.find(winner).orElseThrow(),
                    j -> !j.status().running());
            assertThat(stopped.status()).isEqualTo(StoredJob.Status.STOPPED);
            assertThat(stopped.plan()).isNotNull();
        });
    }

    @Test
    void aJobOfAnInstanceThatDiedIsInterruptedAndItsRangeFreedWhileFinishedJobsSurvive() {
        somethingToPlan();
        String done = TenantContext.callAs(
                TenantId.of(agency),
                () -> replicaB.start(
                                "done-" + UUID.randomUUID(),
                                new PlanningJobs.Request(
                                        StoredJob.Mode.OPTIMIZE,
                                        MONDAY.plusDays(1),
                                        MONDAY.plusDays(1),
                                        Set.of(),
                                        Set.of(),
                                        Duration.ofSeconds(1),
                                        Set.of(),
                                        false),
                                "carla")
                        .id());
        awaitEnd(done);
        String dying = TenantContext.callAs(
                TenantId.of(agency),
                () -> replicaB.start("dying-" + UUID.randomUUID(), monday(60), "carla")
                        .id());
        Eventually.await(
                Duration.ofSeconds(10),
                () -> api.get(JOBS + "/" + dying, coordinator()).json(),
                j -> j.path("status").asString().equals("SOLVING"));

        replicaB.halt(); // the pod is killed: no more heartbeats, no result, no release
        assertThat(api.post(JOBS, coordinator(), "{\"from\":\"2030-01-07\",\"to\":\"2030-01-07\"}")
                        .status())
                .as("the range stays taken while the lease lasts")
                .isEqualTo(409);
        clock.advance(Duration.ofSeconds(31));

        JsonNode interrupted = api.get(JOBS + "/" + dying, coordinator()).json();
        assertThat(interrupted.path("status").asString()).isEqualTo("INTERRUPTED");
        assertThat(interrupted.path("failure").asString()).contains("run it again");
        assertThat(api.get(JOBS + "/" + dying + "/plan", coordinator()).status())
                .isEqualTo(409);
        String again = startJob("{\"from\":\"2030-01-07\",\"to\":\"2030-01-07\",\"timeLimitSeconds\":1}");
        assertThat(awaitEnd(again).path("status").asString()).isEqualTo("DONE");
        // the job replica B finished before it died is still there, plan included, read through replica A
        JsonNode plan = api.get(JOBS + "/" + done + "/plan", coordinator()).json();
        assertThat(plan.path("jobId").asString()).isEqualTo(done);
        assertThat(plan.path("zone").asString()).isEqualTo("America/New_York");
    }

    @Test
    void aScopeNamesKnownPatientsAndDisciplinesAndAJobPlansOnlyItAroundTheRest() {
        String nina = clinician("Nina Nurse", "RN", 39.78, -89.65);
        String jane = admit(39.76, -89.63);
        String other = admit(39.77, -89.64);
        String janes = visit(jane, "SN");
        String janesTherapy = visit(jane, "PT");
        String others = visit(other, "SN");
        book(others, nina, "2030-01-07T13:00:00Z", "2030-01-07T14:00:00Z"); // 08:00-09:00 in New York

        ApiClient.Response bad = api.post(JOBS, coordinator(), """
                {"from":"2030-01-07","to":"2030-01-07","patientIds":["%s"],"disciplines":["SN","XX"]}""".formatted(UUID.randomUUID()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("type").asString()).isEqualTo("/problems/validation-failed");
        assertThat(bad.json().path("errors").toString())
                .contains("XX is not a discipline")
                .contains("no patient");
        ApiClient.Response foreign = api.post(
                JOBS,
                TestTokenIssuer.shared()
                        .token()
                        .agency("a", UUID.randomUUID().toString())
                        .roles("coordinator")
                        .subject("x")
                        .audience("scheduling-service")
                        .sign(),
                """
                {"from":"2030-01-07","to":"2030-01-07","patientIds":["%s"]}""".formatted(jane));
        assertThat(foreign.status()).as("another agency's patient is unknown").isEqualTo(400);
        assertThat(api.post(
                                JOBS,
                                coordinator(),
                                "{\"from\":\"2030-01-07\",\"to\":\"2030-01-07\",\"disciplines\":[\"sn\"]}")
                        .status())
                .isEqualTo(400);

        String id = startJob("""
                {"from":"2030-01-07","to":"2030-01-07","timeLimitSeconds":1,"patientIds":["%s"],"disciplines":["SN"]}""".formatted(jane));
        JsonNode job = awaitEnd(id);
        assertThat(job.path("patientIds").toString()).contains(jane);
        assertThat(job.path("disciplines").toString()).isEqualTo("[\"SN\"]");
        JsonNode plan = api.get(JOBS + "/" + id + "/plan", coordinator()).json();
        assertThat(plan.path("assignments")
                        .valueStream()
                        .map(a -> a.path("visitId").asString())
                        .toList())
                .containsExactly(janes);
        assertThat(plan.toString()).doesNotContain(janesTherapy).doesNotContain(others);
        JsonNode planned = plan.path("assignments").get(0);
        Instant start = Instant.parse(planned.path("start").asString());
        assertThat(!start.isBefore(Instant.parse("2030-01-07T14:00:00Z")))
                .as("Nina's 08:00 visit elsewhere is kept and planned around: %s", start)
                .isTrue();
        assertThat(planned.path("explanation").path("drivers").toString()).contains("time: as early as");
        JsonNode achieves = plan.path("achieves");
        assertThat(achieves.path("scopedVisits").asInt()).isEqualTo(1);
        assertThat(achieves.path("plannedVisits").asInt()).isEqualTo(1);
        assertThat(achieves.path("bookedNow").asInt()).isZero();
        assertThat(achieves.path("continuityPercent").asInt()).isEqualTo(100);

        // apply only what the coordinator accepted: a visit outside the plan's changes is refused, then none is booked
        ApiClient.Response wrong =
                api.post(JOBS + "/" + id + "/application", coordinator(), "{\"visitIds\":[\"" + others + "\"]}");
        assertThat(wrong.status()).isEqualTo(400);
        JsonNode applied = api.post(JOBS + "/" + id + "/application", coordinator(), "{\"visitIds\":[]}")
                .json();
        assertThat(applied.path("booked")).isEmpty();
        assertThat(api.get(VISITS + "/" + janes, coordinator())
                                .json()
                                .path("booking")
                                .isMissingNode()
                        || api.get(VISITS + "/" + janes, coordinator())
                                .json()
                                .path("booking")
                                .isNull())
                .isTrue();
        assertThat(api.post(JOBS + "/" + id + "/application", coordinator(), "").status())
                .as("a plan is applied once")
                .isEqualTo(409);
    }

    @Test
    void aSickCallRepairAnswersWithinItsTwoSecondsEndToEnd() {
        String nina = clinician("Nina Nurse", "RN", 39.78, -89.65);
        String ron = clinician("Ron Nurse", "RN", 39.70, -89.60);
        clinician("Sue Nurse", "RN", 39.74, -89.70);
        List<String> nursing = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            nursing.add(visit(admit(39.68 + (i % 4) * 0.02, -89.70 + (i / 4) * 0.03), "SN"));
        }
        String planId = startJob("{\"from\":\"2030-01-07\",\"to\":\"2030-01-07\",\"timeLimitSeconds\":2}");
        assertThat(awaitEnd(planId).path("status").asString()).isEqualTo("DONE");
        JsonNode applied = api.post(JOBS + "/" + planId + "/application", coordinator(), "")
                .json();
        assertThat(applied.path("booked")).hasSize(12);
        Map<String, String> before = new HashMap<>();
        nursing.forEach(v -> before.put(
                v,
                api.get(VISITS + "/" + v, coordinator())
                        .json()
                        .path("booking")
                        .path("clinicianId")
                        .asString()));
        assertThat(before).containsValue(ron);

        JsonNode ronNow =
                api.get("/api/scheduling/v1/clinicians/" + ron, coordinator()).json();
        String sick = ronNow.toString()
                .replace("\"timeOff\":[]", "\"timeOff\":[{\"from\":\"2030-01-07\",\"to\":\"2030-01-07\"}]")
                .replaceAll("\"id\":\"[^\"]+\",", "");
        assertThat(api.send(api.request("/api/scheduling/v1/clinicians/" + ron, coordinator())
                                .header("Content-Type", "application/json")
                                .header("If-Match", "\"1\"")
                                .PUT(HttpRequest.BodyPublishers.ofString(sick)))
                        .status())
                .isEqualTo(200);

        // wall time as a client sees it: from sending the request to holding the repaired plan
        long t0 = System.nanoTime();
        ApiClient.Response answer =
                api.post(JOBS, coordinator(), "{\"from\":\"2030-01-07\",\"to\":\"2030-01-07\",\"mode\":\"REPAIR\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        String repair = answer.json().path("id").asString();
        started.add(repair);
        ApiClient.Response plan;
        do {
            plan = api.get(JOBS + "/" + repair + "/plan", coordinator());
            if (plan.status() != 200) {
                Thread.onSpinWait();
                sleep(20);
            }
        } while (plan.status() != 200
                && System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos());
        long wallMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(
                "REPAIR after a sick call: plan in hand %d ms after the request (limit 2000 ms), "
                        + "%d visits, searched %d ms%n",
                wallMillis,
                nursing.size(),
                api.get(JOBS + "/" + repair, coordinator())
                        .json()
                        .path("best")
                        .path("elapsedMillis")
                        .asLong());
        assertThat(plan.status()).isEqualTo(200);
        assertThat(wallMillis).isLessThan(2_000);
        JsonNode repaired = plan.json();
        assertThat(repaired.path("feasible").asBoolean())
                .as(repaired.toString())
                .isTrue();
        for (JsonNode a : repaired.path("assignments")) {
            assertThat(a.path("clinicianId").asString()).isNotEqualTo(ron);
            if (nina.equals(before.get(a.path("visitId").asString()))) {
                assertThat(a.path("clinicianId").asString()).isEqualTo(nina);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
