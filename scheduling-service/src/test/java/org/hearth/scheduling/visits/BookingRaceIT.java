package org.hearth.scheduling.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.MutableClock;
import org.hearth.platform.test.TopicWriter;
import org.hearth.platform.test.story.Tokens;
import org.hearth.scheduling.SchedulingServiceApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Coordinators racing for the same clinician's time through the public API: two bookings of different visits at
 * the same minute, released together, on one replica and on two replicas sharing one database; more bookings than
 * the daily limit at once; the patient's last authorized unit booked at once with two different clinicians; and time
 * freed by a cancellation or a reschedule taken again.
 */
@HearthServiceTest
@Import(MutableClock.Config.class)
class BookingRaceIT {

    static final String VISITS = "/api/scheduling/v1/visits";
    static final Instant SUNDAY_NOON = Instant.parse("2030-01-06T17:00:00Z");
    static final int TRIALS = 20;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Environment environment;

    @Autowired
    MongoOperations mongo;

    ApiClient api;
    TopicWriter kafka;
    final String agency = UUID.randomUUID().toString();
    final String patient = UUID.randomUUID().toString();
    final ExecutorService threads = Executors.newFixedThreadPool(8);

    @BeforeEach
    void setUp() {
        clock.set(SUNDAY_NOON);
        api = ApiClient.onPort(port);
        kafka = new TopicWriter();
        admit(patient);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
        threads.shutdownNow();
    }

    @Test
    void twoCoordinatorsBookingOneClinicianAtTheSameMinuteGetOneBooking() throws Exception {
        int doubleBookings = race(api, api);
        System.out.printf("double bookings (one replica): %d of %d trials%n", doubleBookings, TRIALS);
        assertThat(doubleBookings).isZero();
    }

    @Test
    void twoReplicasSharingOneDatabaseGiveOneBooking() throws Exception {
        MutableClock secondClock;
        try (ConfigurableApplicationContext second = secondReplica()) {
            secondClock = second.getBean(MutableClock.class);
            secondClock.set(SUNDAY_NOON);
            int replicaPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            int doubleBookings = race(api, ApiClient.onPort(replicaPort));
            System.out.printf("double bookings (two replicas): %d of %d trials%n", doubleBookings, TRIALS);
            assertThat(doubleBookings).isZero();
        }
    }

    @Test
    void moreBookingsThanTheDailyLimitAtOnceLeaveExactlyTheLimit() throws Exception {
        int limit = 3;
        int overbooked = 0;
        for (int trial = 0; trial < 5; trial++) {
            String clinician = clinician(limit);
            List<String> open = new ArrayList<>();
            for (int i = 0; i <= limit; i++) {
                open.add(addVisit());
            }
            CyclicBarrier start = new CyclicBarrier(limit + 1);
            List<Future<ApiClient.Response>> answers = new ArrayList<>();
            for (int i = 0; i <= limit; i++) {
                String visit = open.get(i);
                // 09:00, 11:00, 13:00, 15:00 in New York: apart enough for travel, only the limit can refuse one
                String from = "2030-01-07T%02d:00:00Z".formatted(14 + 2 * i);
                String to = "2030-01-07T%02d:30:00Z".formatted(14 + 2 * i);
                String token = coordinator("coord-" + i);
                answers.add(threads.submit(() -> {
                    start.await();
                    return book(api, visit, token, clinician, from, to);
                }));
            }
            int ok = 0;
            for (Future<ApiClient.Response> answer : answers) {
                ApiClient.Response response = answer.get();
                if (response.status() == 200) {
                    ok++;
                } else {
                    assertThat(response.status()).as(response.body()).isIn(409, 422);
                    if (response.status() == 422) {
                        assertThat(response.body()).contains("DAILY_LIMIT");
                    }
                }
            }
            int stored = scheduledOf(clinician);
            overbooked += stored > limit ? 1 : 0;
            assertThat(ok).as("answered 200").isEqualTo(stored);
            assertThat(stored)
                    .as("one refused by the limit, none for a lost race")
                    .isEqualTo(limit);
        }
        System.out.printf("daily limit exceeded: %d of 5 trials%n", overbooked);
    }

    @Test
    void theLastAuthorizedUnitBookedAtOnceWithTwoCliniciansIsBookedOnce() throws Exception {
        int overUsed = 0;
        int exhausted = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            String patientId = UUID.randomUUID().toString();
            admit(patientId);
            approveUnits(patientId, "SN", 1);
            String first = addVisit(patientId);
            String second = addVisit(patientId);
            String nina = clinician(5);
            String noah = clinician(5);
            CyclicBarrier start = new CyclicBarrier(2);
            String carla = coordinator("carla-sub");
            String cora = coordinator("cora-sub");
            // different clinicians, so their days never meet: only the authorization's units can refuse one
            Future<ApiClient.Response> a = threads.submit(() -> {
                start.await();
                return book(api, first, carla, nina, "2030-01-07T15:00:00Z", "2030-01-07T16:00:00Z");
            });
            Future<ApiClient.Response> b = threads.submit(() -> {
                start.await();
                return book(api, second, cora, noah, "2030-01-08T15:00:00Z", "2030-01-08T16:00:00Z");
            });
            List<ApiClient.Response> answers = List.of(a.get(), b.get());
            int stored = api.get(VISITS + "?patientId=" + patientId + "&status=SCHEDULED", carla)
                    .json()
                    .path("totalItems")
                    .asInt();
            if (stored > 1) {
                overUsed++;
                continue;
            }
            assertThat(answers.stream().filter(r -> r.status() == 200).count())
                    .as(answers.toString())
                    .isEqualTo(1);
            ApiClient.Response refused =
                    answers.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
            assertThat(refused.status()).as(refused.body()).isIn(409, 422);
            if (refused.status() == 422) {
                assertThat(refused.body()).contains("AUTHORIZED_UNITS_EXHAUSTED");
                exhausted++;
            }
            assertThat(stored).isEqualTo(1);
        }
        System.out.printf(
                "authorization used beyond its units: %d of %d trials (losers answered 422 units exhausted: %d)%n",
                overUsed, TRIALS, exhausted);
        assertThat(overUsed).isZero();
    }

    @Test
    void timeFreedByACancellationOrARescheduleCanBeBookedAgain() {
        String nina = clinician(5);
        String first = addVisit();
        String second = addVisit();
        String third = addVisit();
        String ten = "2030-01-07T15:00:00Z";
        String eleven = "2030-01-07T16:00:00Z";
        assertThat(book(api, first, coordinator("a"), nina, ten, eleven).status())
                .isEqualTo(200);
        ApiClient.Response taken = book(api, second, coordinator("b"), nina, ten, eleven);
        assertThat(taken.status()).as(taken.body()).isEqualTo(422);
        assertThat(taken.json().path("type").asString()).isEqualTo("/problems/rules-violated");
        assertThat(taken.body()).contains("OVERLAP");

        assertThat(api.post(VISITS + "/" + first + "/cancellation", coordinator("a"), "{\"reason\":\"AGENCY\"}")
                        .status())
                .isEqualTo(200);
        ApiClient.Response afterCancel = book(api, second, coordinator("b"), nina, ten, eleven);
        assertThat(afterCancel.status()).as(afterCancel.body()).isEqualTo(200);

        // Moving the second visit to Tuesday frees Monday 10:00 for the third; Tuesday's slot is then taken.
        ApiClient.Response moved =
                bookAt(api, second, "\"2\"", coordinator("b"), nina, "2030-01-08T15:00:00Z", "2030-01-08T16:00:00Z");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        ApiClient.Response afterMove = book(api, third, coordinator("c"), nina, ten, eleven);
        assertThat(afterMove.status()).as(afterMove.body()).isEqualTo(200);
        String fourth = addVisit();
        ApiClient.Response tuesday =
                book(api, fourth, coordinator("c"), nina, "2030-01-08T15:30:00Z", "2030-01-08T16:30:00Z");
        assertThat(tuesday.status()).as(tuesday.body()).isEqualTo(422);

        // A reschedule within the day frees the earlier time and takes the new one.
        ApiClient.Response later =
                bookAt(api, third, "\"2\"", coordinator("c"), nina, "2030-01-07T18:00:00Z", "2030-01-07T19:00:00Z");
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(book(api, fourth, coordinator("c"), nina, ten, eleven).status())
                .isEqualTo(200);

        // A missed visit gives its time back too.
        String fifth = addVisit();
        assertThat(api.post(VISITS + "/" + fourth + "/missed", coordinator("c"), "{\"reason\":\"WEATHER\"}")
                        .status())
                .isEqualTo(200);
        assertThat(book(api, fifth, coordinator("c"), nina, ten, eleven).status())
                .isEqualTo(200);
        assertThat(scheduledOf(nina)).isEqualTo(3);
    }

    @Test
    void aBookingThatLosesItsVisitToAnotherTakesItsClaimBack() throws Exception {
        for (int trial = 0; trial < 5; trial++) {
            String nina = clinician(5);
            String contested = addVisit();
            CyclicBarrier start = new CyclicBarrier(2);
            String ten = "2030-01-07T15:00:00Z";
            String noon = "2030-01-07T17:00:00Z";
            Future<ApiClient.Response> a = threads.submit(() -> {
                start.await();
                return book(api, contested, coordinator("carla-sub"), nina, ten, "2030-01-07T16:00:00Z");
            });
            Future<ApiClient.Response> b = threads.submit(() -> {
                start.await();
                return book(api, contested, coordinator("cora-sub"), nina, noon, "2030-01-07T18:00:00Z");
            });
            ApiClient.Response first = a.get();
            ApiClient.Response second = b.get();
            assertThat(List.of(first.status(), second.status()))
                    .as(first.body() + second.body())
                    .contains(200);
            // Whichever time lost the visit is free again at once, not after the claim's grace.
            boolean tenWon = first.status() == 200;
            ApiClient.Response other = book(
                    api,
                    addVisit(),
                    coordinator("dan-sub"),
                    nina,
                    tenWon ? noon : ten,
                    tenWon ? "2030-01-07T18:00:00Z" : "2030-01-07T16:00:00Z");
            assertThat(other.status()).as(other.body()).isEqualTo(200);
            assertThat(scheduledOf(nina)).isEqualTo(2);
        }
    }

    @Test
    void visitsBookedBeforeClinicianDaysWereKeptStillHoldTheirTime() {
        String nina = clinician(2);
        assertThat(book(api, addVisit(), coordinator("a"), nina, "2030-01-07T15:00:00Z", "2030-01-07T16:00:00Z")
                        .status())
                .isEqualTo(200);
        assertThat(book(api, addVisit(), coordinator("a"), nina, "2030-01-07T18:00:00Z", "2030-01-07T19:00:00Z")
                        .status())
                .isEqualTo(200);
        mongo.dropCollection(ClinicianDayDocument.class);

        ApiClient.Response overlap =
                book(api, addVisit(), coordinator("b"), nina, "2030-01-07T15:30:00Z", "2030-01-07T16:30:00Z");
        assertThat(overlap.status()).as(overlap.body()).isEqualTo(422);
        assertThat(overlap.body()).contains("OVERLAP", "DAILY_LIMIT");
    }

    /** Runs the trials: each books two visits for one clinician at one minute, from two threads released together. */
    int race(ApiClient one, ApiClient other) throws Exception {
        int doubleBookings = 0;
        int overlaps = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            String clinician = clinician(5);
            String first = addVisit();
            String second = addVisit();
            CyclicBarrier start = new CyclicBarrier(2);
            String carla = coordinator("carla-sub");
            String cora = coordinator("cora-sub");
            Future<ApiClient.Response> a = threads.submit(() -> {
                start.await();
                return book(one, first, carla, clinician, "2030-01-07T15:00:00Z", "2030-01-07T16:00:00Z");
            });
            Future<ApiClient.Response> b = threads.submit(() -> {
                start.await();
                return book(other, second, cora, clinician, "2030-01-07T15:00:00Z", "2030-01-07T16:00:00Z");
            });
            List<ApiClient.Response> answers = List.of(a.get(), b.get());
            long ok = answers.stream().filter(r -> r.status() == 200).count();
            int stored = scheduledOf(clinician);
            if (ok > 1 || stored > 1) {
                doubleBookings++;
                continue;
            }
            assertThat(ok).as(answers.toString()).isEqualTo(1);
            ApiClient.Response refused =
                    answers.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
            assertThat(refused.status()).as(refused.body()).isIn(409, 422);
            if (refused.status() == 422) {
                assertThat(refused.json().path("type").asString()).isEqualTo("/problems/rules-violated");
                assertThat(refused.body()).contains("OVERLAP");
                overlaps++;
            }
            assertThat(stored).isEqualTo(1);
        }
        System.out.printf("losers answered 422 OVERLAP: %d, 409: %d%n", overlaps, TRIALS - doubleBookings - overlaps);
        return doubleBookings;
    }

    ConfigurableApplicationContext secondReplica() {
        // command-line arguments: they outrank application.yml, as the test's own initializer does
        return new SpringApplicationBuilder(SchedulingServiceApplication.class, MutableClock.Config.class)
                .run(
                        "--server.port=0",
                        "--spring.mongodb.uri=" + environment.getProperty("spring.mongodb.uri"),
                        "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                        "--hearth.security.issuer-uri=" + environment.getProperty("hearth.security.issuer-uri"),
                        "--hearth.security.jwk-set-uri=" + environment.getProperty("hearth.security.jwk-set-uri"),
                        "--hearth.platform.outbox-poll=100ms");
    }

    String coordinator(String subject) {
        return Tokens.coordinator(agency)
                .subject(subject)
                .audience("scheduling-service")
                .sign();
    }

    void admit(String patientId) {
        String body = """
                {"patientId":"%s","admittedAt":"2030-01-02T15:00:00Z","status":"ACTIVE","language":"en",
                 "postalCode":"62701","latitude":39.7817,"longitude":-89.6501}""".formatted(patientId);
        String type = "org.hearth.patient.PatientAdmitted.v1";
        assertThat(EventContracts.violations(type, body)).isEmpty();
        kafka.send(
                "hearth.patient.events",
                patientId,
                TopicWriter.envelope(UUID.randomUUID().toString(), type, patientId, agency),
                body);
    }

    String addVisit() {
        return addVisit(patient);
    }

    /** Billing approved {@code units} visits of the discipline for the patient; waits until scheduling knows it. */
    void approveUnits(String patientId, String discipline, int units) {
        String body = """
                {"authorizationId":"%s","patientId":"%s","discipline":"%s","status":"APPROVED","unit":"VISIT",
                 "approvedUnits":%d,"from":"2030-01-01","to":"2030-03-01","payerId":"medicaid","changedAt":"2030-01-05T10:00:00Z"}""".formatted(UUID.randomUUID(), patientId, discipline, units);
        String type = "org.hearth.billing.AuthorizationStatusChanged.v1";
        assertThat(EventContracts.violations(type, body)).isEmpty();
        kafka.send(
                "hearth.billing.events",
                patientId,
                TopicWriter.envelope(UUID.randomUUID().toString(), type, patientId, agency),
                body);
        Eventually.await(
                Duration.ofSeconds(20),
                () -> api.get("/api/scheduling/v1/patients/" + patientId + "/authorizations", coordinator("carla-sub")),
                r -> r.status() == 200 && r.json().size() == 1);
    }

    String addVisit(String patientId) {
        String body = """
                {"patientId":"%s","discipline":"SN","earliest":"2030-01-06","latest":"2030-01-12"}""".formatted(patientId);
        ApiClient.Response added = Eventually.await(
                Duration.ofSeconds(20), () -> api.post(VISITS, coordinator("carla-sub"), body), r -> r.status() != 400);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().path("id").asString();
    }

    String clinician(int maxVisitsPerDay) {
        ApiClient.Response added = api.post("/api/scheduling/v1/clinicians", coordinator("carla-sub"), """
                {"subject":"%s","name":"Nina Nurse","discipline":"RN","skills":[],"certifications":[],
                 "homeBase":{"latitude":39.80,"longitude":-89.65},
                 "hours":[{"day":"MONDAY","start":"08:00","end":"16:00"},{"day":"TUESDAY","start":"08:00","end":"16:00"}],
                 "maxVisitsPerDay":%d,"timeOff":[],"active":true}""".formatted(
                        UUID.randomUUID(), maxVisitsPerDay));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().path("id").asString();
    }

    ApiClient.Response book(
            ApiClient client, String visitId, String token, String clinicianId, String start, String end) {
        return bookAt(client, visitId, "\"1\"", token, clinicianId, start, end);
    }

    ApiClient.Response bookAt(
            ApiClient client, String visitId, String etag, String token, String clinicianId, String start, String end) {
        HttpRequest.Builder request = client.request(VISITS + "/" + visitId + "/booking", token)
                .header("Content-Type", "application/json")
                .header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"clinicianId":"%s","start":"%s","end":"%s"}""".formatted(clinicianId, start, end)));
        return client.send(request);
    }

    int scheduledOf(String clinicianId) {
        return api.get(VISITS + "?clinicianId=" + clinicianId + "&status=SCHEDULED", coordinator("carla-sub"))
                .json()
                .path("totalItems")
                .asInt();
    }
}
