package org.hearth.scheduling.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.MutableClock;
import org.hearth.platform.test.story.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** Pinned visit ids are checked for count and shape before a job starts; the answer lists at most 100 errors. */
@HearthServiceTest
@Import(MutableClock.Config.class)
class PinnedVisitIdsIT {

    static final String JOBS = "/api/scheduling/v1/planning-jobs";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    ApiClient api;
    final String agency = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2030-01-06T17:00:00Z"));
        api = ApiClient.onPort(port);
    }

    String coordinator() {
        return Tokens.coordinator(agency, "scheduling-service");
    }

    static String request(String pinned) {
        return "{\"from\":\"2030-01-07\",\"to\":\"2030-01-07\",\"timeLimitSeconds\":1,\"pinnedVisitIds\":[" + pinned
                + "]}";
    }

    @Test
    void tenThousandNonIdsAreRefusedWithAtMostAHundredListedErrors() {
        String pinned =
                IntStream.range(0, 10_000).mapToObj(i -> "\"x" + i + "\"").collect(Collectors.joining(","));

        ApiClient.Response answer = api.post(JOBS, coordinator(), request(pinned));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("type").asString()).isEqualTo("/problems/validation-failed");
        assertThat(problem.path("errors").size()).isEqualTo(100);
        assertThat(problem.path("errorCount").asInt()).isGreaterThan(10_000);
        assertThat(problem.path("errorsTruncated").asBoolean()).isTrue();
        assertThat(answer.body().length()).isLessThan(20_000);
        assertThat(answer.header("Location")).isEmpty();
    }

    @Test
    void aFewIdsOfTheWrongShapeAreRefused() {
        for (String pinned : new String[] {
            "\"../etc\"", "\"" + "9".repeat(36) + "\"", "null", "\"\"", "\"" + UUID.randomUUID() + "\",\"$where\""
        }) {
            ApiClient.Response answer = api.post(JOBS, coordinator(), request(pinned));

            assertThat(answer.status()).as(pinned).isEqualTo(400);
            assertThat(answer.json().path("type").asString()).isEqualTo("/problems/validation-failed");
        }
    }

    @Test
    void tooManyWellFormedIdsAreRefused() {
        String pinned = IntStream.range(0, 501)
                .mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
                .collect(Collectors.joining(","));

        assertThat(api.post(JOBS, coordinator(), request(pinned)).status()).isEqualTo(400);
    }

    @Test
    void wellFormedPinnedIdsStartAJob() {
        ApiClient.Response answer = api.post(JOBS, coordinator(), request("\"" + UUID.randomUUID() + "\""));

        assertThat(answer.status()).isEqualTo(202);
    }
}
