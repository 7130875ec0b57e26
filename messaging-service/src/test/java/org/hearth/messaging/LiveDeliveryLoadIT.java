package org.hearth.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicWriter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Open streams cost the store nothing while they wait: the queries on {@code deliveries} counted by the MongoDB
 * driver over a quiet spell with no stream open and with hundreds open are the same (polling every 500 ms
 * per stream made that twice the number of streams per second), and one message posted reaches every stream, the time
 * from the post's answer to each stream's event giving the delivery p50/p99.
 */
@HearthServiceTest
@Import(LiveDeliveryLoadIT.CountQueries.class)
@TestPropertySource(properties = "hearth.messaging.stream.max-duration=PT10M") // none ends during the test
class LiveDeliveryLoadIT {

    static final String API = "/api/messaging/v1";
    static final int STREAMS = Integer.getInteger("hearth.test.live-streams", 100);
    static final Duration QUIET = Duration.ofSeconds(4);

    /** Every stream is let in, whatever this test JVM's heap would allow by default. */
    @org.springframework.test.context.DynamicPropertySource
    static void openLimit(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("hearth.messaging.stream.max-open", () -> STREAMS + 10);
    }

    /** Counts the commands the service sends to the {@code deliveries} collection. */
    @TestConfiguration
    static class CountQueries {
        static final AtomicLong DELIVERY_READS = new AtomicLong();

        @Bean
        MongoClientSettingsBuilderCustomizer countDeliveryReads() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (event.getCommandName().equals("find")
                            && "deliveries"
                                    .equals(event.getCommand().getString("find").getValue())) {
                        DELIVERY_READS.incrementAndGet();
                    }
                }
            });
        }
    }

    @LocalServerPort
    int port;

    final String agency = UUID.randomUUID().toString();
    final String patient = UUID.randomUUID().toString();
    final String dr = "dr-" + UUID.randomUUID();
    final String nina = "nina-" + UUID.randomUUID();
    final String carla = "carla-" + UUID.randomUUID();

    @Test
    void openStreamsDoNotReadTheStoreWhileTheyWaitAndOneMessageReachesThemAll() throws Exception {
        ApiClient api = ApiClient.onPort(port);
        try (TopicWriter kafka = new TopicWriter()) {
            publish(kafka, "org.hearth.patient.PatientAdmitted.v1", """
                    {"patientId":"%s","admittedAt":"2030-01-02T15:00:00Z","status":"ACTIVE"}""".formatted(patient));
            publish(kafka, "org.hearth.patient.CareTeamChanged.v1", """
                    {"patientId":"%s","changedAt":"2030-01-02T16:00:00Z","leadPhysician":"%s","members":[
                     {"subject":"%s","role":"PHYSICIAN"},{"subject":"%s","role":"NURSE"},{"subject":"%s","role":"COORDINATOR"}]}""".formatted(patient, dr, dr, nina, carla));
        }
        JsonNode thread = Eventually.await(
                Duration.ofSeconds(30),
                () -> api.get(API + "/threads", token("nurse", nina))
                        .json()
                        .path("items")
                        .valueStream()
                        .filter(t -> t.path("patientId").asString().equals(patient)
                                && t.path("kind").asString().equals("CARE_TEAM"))
                        .findFirst()
                        .orElse(null),
                t -> t != null);
        assertThat(thread).isNotNull();

        long idle = readsDuring(QUIET);

        // each stream's own record: what the client saw of it, so a stream that misses the message says why
        HttpClient http = HttpClient.newBuilder().build();
        List<Watcher> watchers = new ArrayList<>();
        String physician = token("physician", dr);
        long openedAt = System.nanoTime();
        for (int i = 0; i < STREAMS; i++) {
            Watcher watcher = new Watcher(i);
            watchers.add(watcher);
            http.sendAsync(
                            api.request(API + "/stream?since=now", physician)
                                    .header("Accept", "text/event-stream")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream())
                    .whenComplete(watcher::answered);
        }
        Eventually.await(Duration.ofSeconds(60), () -> count(watchers, w -> w.connectedAt > 0), n -> n >= STREAMS);
        long connectSeconds = (System.nanoTime() - openedAt) / 1_000_000_000;
        assertThat(count(watchers, w -> w.connectedAt > 0))
                .as("streams connected within 60 s: %s", states(watchers))
                .isEqualTo(STREAMS);
        Thread.sleep(500); // the connecting streams' own reads are over
        long withStreams = readsDuring(QUIET);

        long readsBefore = CountQueries.DELIVERY_READS.get();
        long postedAt = System.nanoTime();
        ApiClient.Response posted = api.post(
                API + "/threads/" + thread.path("id").asString() + "/messages",
                token("nurse", nina),
                "{\"body\":\"to everyone watching\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        String message = posted.json().path("id").asString();
        Eventually.await(DELIVERED_WITHIN, () -> count(watchers, w -> w.receivedAt > 0), n -> n >= STREAMS);
        long readsForOneMessage = CountQueries.DELIVERY_READS.get() - readsBefore;
        watchers.forEach(Watcher::close);

        List<Long> millis = watchers.stream()
                .filter(w -> w.receivedAt > 0)
                .map(w -> Math.max(0, (w.receivedAt - postedAt) / 1_000_000))
                .sorted()
                .toList();
        long p50 = millis.isEmpty() ? -1 : millis.get(millis.size() / 2);
        long p99 = millis.isEmpty()
                ? -1
                : millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.99) - 1));
        System.out.printf(
                "L1 live delivery: %d streams connected in %d s; reads of the deliveries store over %d s: %d "
                        + "with no stream open, %d with %d streams open (polling every 500 ms: ~%d); one message to %d open "
                        + "streams: %d received, p50 %d ms, p99 %d ms, max %d ms from the post, %d store reads%n",
                STREAMS,
                connectSeconds,
                QUIET.toSeconds(),
                idle,
                withStreams,
                STREAMS,
                STREAMS * 2 * QUIET.toSeconds(),
                STREAMS,
                millis.size(),
                p50,
                p99,
                millis.isEmpty() ? -1 : millis.getLast(),
                readsForOneMessage);

        assertThat(millis)
                .as("streams that had the message within %d s: %s", DELIVERED_WITHIN.toSeconds(), states(watchers))
                .hasSize(STREAMS);
        assertThat(watchers)
                .allSatisfy(
                        w -> assertThat(w.data).as("stream %d's event", w.index).contains(message));
        assertThat(withStreams).as("store reads while %d streams wait", STREAMS).isLessThanOrEqualTo(idle + 5);
        assertThat(readsForOneMessage)
                .as("store reads to deliver one message to %d streams", STREAMS)
                .isLessThan(STREAMS / 10);
    }

    static final Duration DELIVERED_WITHIN = Duration.ofSeconds(30);

    /** One open stream as its client sees it. */
    static final class Watcher {
        final int index;
        volatile int status;
        volatile long connectedAt;
        volatile long receivedAt;
        volatile String data;
        volatile String ended;
        volatile InputStream body;

        Watcher(int index) {
            this.index = index;
        }

        void answered(HttpResponse<InputStream> response, Throwable failed) {
            if (failed != null) {
                ended = "no answer: " + failed;
                return;
            }
            status = response.statusCode();
            body = response.body();
            Thread.ofVirtual().start(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        if (line.equals(":connected")) {
                            connectedAt = System.nanoTime();
                        } else if (line.startsWith("data:") && receivedAt == 0) { // the one delivery of this test
                            data = line;
                            receivedAt = System.nanoTime();
                        }
                    }
                    ended = "ended by the server";
                } catch (Exception closed) {
                    ended = ended != null ? ended : "broken: " + closed;
                }
            });
        }

        void close() {
            ended = "closed by the test";
            try {
                if (body != null) {
                    body.close();
                }
            } catch (Exception ignored) {
                // already closed
            }
        }

        String state() {
            return "status " + status + (connectedAt > 0 ? ", connected" : ", not connected")
                    + (receivedAt > 0 ? ", received" : ", nothing received") + (ended != null ? ", " + ended : "");
        }
    }

    private static long count(List<Watcher> watchers, java.util.function.Predicate<Watcher> which) {
        return watchers.stream().filter(which).count();
    }

    /** How many streams are in each state, e.g. {status 200, connected, nothing received=9, …}. */
    private static Map<String, Long> states(List<Watcher> watchers) {
        return watchers.stream().collect(Collectors.groupingBy(Watcher::state, TreeMap::new, Collectors.counting()));
    }

    private static long readsDuring(Duration quiet) throws InterruptedException {
        long before = CountQueries.DELIVERY_READS.get();
        Thread.sleep(quiet.toMillis());
        return CountQueries.DELIVERY_READS.get() - before;
    }

    private String token(String role, String subject) {
        return TestTokenIssuer.shared()
                .token()
                .agency("a", agency)
                .roles(role)
                .subject(subject)
                .claim("email", subject + "@example.org")
                .audience("messaging-service")
                .sign();
    }

    private void publish(TopicWriter kafka, String type, String body) {
        assertThat(EventContracts.violations(type, body)).as(body).isEmpty();
        kafka.send(
                "hearth.patient.events",
                patient,
                TopicWriter.envelope(UUID.randomUUID().toString(), type, patient, agency),
                body);
    }
}
