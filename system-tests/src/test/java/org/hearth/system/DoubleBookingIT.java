package org.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two coordinators book the same nurse for the same minute, each for another patient's visit, released together:
 * twenty trials on the real stack. The nurse's time can be taken once; the loser is told which rule it broke.
 */
@ExtendWith(SharedStack.class)
class DoubleBookingIT {

    static final String VISITS = "/api/scheduling/v1/visits";
    static final ZoneId AGENCY_ZONE = ZoneId.of("America/New_York");
    static final RiverbendDesk DESK =
            new RiverbendDesk(new Keycloak(LocalStack.KEYCLOAK_PORT), ApiClient.onPort(LocalStack.GATEWAY_PORT));
    static final int TRIALS = 20;

    @Test
    void twoCoordinatorsBookingOneNurseAtTheSameMinuteBookHerOnce() throws Exception {
        String nurse = nurseOnTheRoster();
        String first = patientKnownToScheduling("RaceA");
        String second = patientKnownToScheduling("RaceB");
        LocalDate firstDay = LocalDate.now(AGENCY_ZONE).plusDays(2);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        int doubleBooked = 0;
        int refusedByRule = 0;
        List<String> outcomes = new ArrayList<>();
        try {
            for (int trial = 0; trial < TRIALS; trial++) {
                LocalDate day = firstDay.plusDays(trial / 4);
                ZonedDateTime start =
                        ZonedDateTime.of(day, LocalTime.of(8, 0).plusMinutes(90L * (trial % 4)), AGENCY_ZONE);
                ApiClient.Response a = visit(first, day);
                ApiClient.Response b = visit(second, day);
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<ApiClient.Response> byRita =
                        CompletableFuture.supplyAsync(() -> book(a, nurse, start, RiverbendDesk.RITA, together), pool);
                CompletableFuture<ApiClient.Response> byRob =
                        CompletableFuture.supplyAsync(() -> book(b, nurse, start, RiverbendDesk.ROB, together), pool);
                int[] statuses = {
                    byRita.get(60, TimeUnit.SECONDS).status(),
                    byRob.get(60, TimeUnit.SECONDS).status()
                };
                outcomes.add(Arrays.toString(statuses));
                long booked = Arrays.stream(statuses).filter(s -> s == 200).count();
                if (booked == 2) {
                    doubleBooked++;
                }
                for (ApiClient.Response r : List.of(byRita.get(), byRob.get())) {
                    if (r.status() == 422) {
                        assertThat(r.contentType()).startsWith("application/problem+json");
                        assertThat(r.body()).contains("rules-violated");
                        refusedByRule++;
                    }
                }
                assertThat(booked).as("trial %d: %s", trial, outcomes.getLast()).isLessThanOrEqualTo(1);
                assertThat(bookedVisitsOf(nurse, start))
                        .as("the nurse's visits at %s", start)
                        .isEqualTo(booked);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                "F7 %d trials of two coordinators booking one nurse at the same minute: %d double bookings, "
                        + "%d refused by the booking rules (422), outcomes %s%n",
                TRIALS, doubleBooked, refusedByRule, outcomes);
        assertThat(doubleBooked).isZero();
    }

    private static ApiClient.Response book(
            ApiClient.Response visit, String nurse, ZonedDateTime start, String who, CyclicBarrier together) {
        String token = DESK.token(who);
        try {
            together.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return DESK.send(
                "PUT",
                VISITS + "/" + visit.json().path("id").asString() + "/booking",
                token,
                Map.of(
                        "clinicianId",
                        nurse,
                        "start",
                        start.toInstant().toString(),
                        "end",
                        start.plusMinutes(45).toInstant().toString(),
                        "type",
                        "IN_HOME"),
                Map.of("If-Match", visit.header("ETag").orElseThrow()));
    }

    private static ApiClient.Response visit(String patientId, LocalDate day) {
        ApiClient.Response created = DESK.send(
                "POST",
                VISITS,
                DESK.token(RiverbendDesk.RITA),
                Map.of(
                        "patientId",
                        patientId,
                        "discipline",
                        "SN",
                        "type",
                        "IN_HOME",
                        "earliest",
                        day.toString(),
                        "latest",
                        day.toString()),
                Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    /** How many visits of the nurse start at {@code start}, as scheduling has stored them. */
    private static long bookedVisitsOf(String nurse, ZonedDateTime start) {
        ApiClient.Response visits = DESK.send(
                "GET",
                VISITS + "?clinicianId=" + nurse + "&from=" + start.toLocalDate() + "&to=" + start.toLocalDate()
                        + "&size=50",
                DESK.token(RiverbendDesk.RITA),
                null,
                Map.of());
        assertThat(visits.status()).as(visits.body()).isEqualTo(200);
        long count = 0;
        for (var v : visits.json().path("items")) {
            if (v.path("booking")
                            .path("start")
                            .asString()
                            .equals(start.toInstant().toString())
                    && !"CANCELLED".equals(v.path("status").asString())) {
                count++;
            }
        }
        return count;
    }

    /** A nurse of her own for this test, working every day, so no other test's visits stand in the way. */
    private static String nurseOnTheRoster() {
        List<Map<String, Object>> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.add(Map.of("day", day.name(), "start", "06:00", "end", "20:00"));
        }
        ApiClient.Response created = DESK.send(
                "POST",
                "/api/scheduling/v1/clinicians",
                DESK.token(RiverbendDesk.RITA),
                Map.of(
                        "name",
                        "Race Nurse " + UUID.randomUUID().toString().substring(0, 6),
                        "discipline",
                        "RN",
                        "skills",
                        List.of(),
                        "certifications",
                        List.of(),
                        "homeBase",
                        Map.of("latitude", 39.80, "longitude", -89.64),
                        "hours",
                        hours,
                        "maxVisitsPerDay",
                        12,
                        "timeOff",
                        List.of(),
                        "active",
                        true),
                Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static String patientKnownToScheduling(String label) {
        ApiClient.Response admitted = DESK.admit(label);
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
        String id = admitted.json().path("id").asString();
        ApiClient.Response projected = Eventually.await(
                Duration.ofSeconds(60),
                () -> DESK.send(
                        "GET", "/api/scheduling/v1/patients/" + id, DESK.token(RiverbendDesk.RITA), null, Map.of()),
                r -> r != null && r.status() == 200);
        assertThat(projected.status()).isEqualTo(200);
        return id;
    }
}
