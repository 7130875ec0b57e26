package org.hearth.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.messaging.fanout.LiveBus;
import org.hearth.messaging.mail.Presence;
import org.hearth.messaging.messages.UrgentEscalation;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas of messaging on one store and one broker: this test's context and a second one started beside it
 * with the same database. The urgent-escalation sweep run by both at the same moment escalates each overdue message
 * once (one UrgentEscalated event, one delivery to the backup), because each claims a message by its version; and a
 * message posted on one replica reaches a live stream held by the other through the live channel, while the first
 * knows the stream's owner is online.
 */
@HearthServiceTest
@Import(MutableClock.Config.class)
@TestPropertySource(
        properties = {"hearth.messaging.urgent.check-interval=PT1H", "hearth.messaging.stream.max-duration=PT6S"})
class ReplicaSweepIT {

    static final String API = "/api/messaging/v1";
    static final int URGENT = 12;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    UrgentEscalation escalation;

    @Autowired
    Presence presence;

    @Value("${spring.mongodb.uri}")
    String mongoUri;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafkaServers;

    ConfigurableApplicationContext replica;
    ApiClient first;
    ApiClient second;
    TopicWriter kafka;
    final String agency = UUID.randomUUID().toString();
    final String patient = UUID.randomUUID().toString();
    final String dr = "dr-" + UUID.randomUUID();
    final String nina = "nina-" + UUID.randomUUID();
    final String carla = "carla-" + UUID.randomUUID();

    @BeforeEach
    void twoReplicas() {
        TestTokenIssuer issuer = TestTokenIssuer.shared();
        replica = new SpringApplicationBuilder(MessagingServiceApplication.class, MutableClock.Config.class)
                .run(
                        "--server.port=0",
                        "--spring.mongodb.uri=" + mongoUri,
                        "--spring.kafka.bootstrap-servers=" + kafkaServers,
                        "--hearth.security.issuer-uri=" + issuer.issuerUri(),
                        "--hearth.security.jwk-set-uri=" + issuer.jwkSetUri(),
                        "--hearth.platform.outbox-poll=100ms",
                        "--hearth.messaging.urgent.check-interval=PT1H",
                        "--hearth.messaging.stream.max-duration=PT6S");
        first = ApiClient.onPort(port);
        second = ApiClient.onPort(
                ((WebServerApplicationContext) replica).getWebServer().getPort());
        Instant start = Instant.parse("2030-01-07T15:00:00Z");
        clock.set(start);
        replica.getBean(MutableClock.class).set(start);
        kafka = new TopicWriter();
        publish("org.hearth.patient.PatientAdmitted.v1", """
                {"patientId":"%s","admittedAt":"2030-01-02T15:00:00Z","status":"ACTIVE"}""".formatted(patient));
        publish("org.hearth.patient.CareTeamChanged.v1", """
                {"patientId":"%s","changedAt":"2030-01-02T16:00:00Z","leadPhysician":"%s","members":[
                 {"subject":"%s","role":"PHYSICIAN"},{"subject":"%s","role":"NURSE"},{"subject":"%s","role":"COORDINATOR"}]}""".formatted(patient, dr, dr, nina, carla));
    }

    @AfterEach
    void stop() {
        kafka.close();
        replica.close();
    }

    @Test
    void bothReplicasSweepingAtOnceEscalateEachOverdueUrgentMessageOnce() throws Exception {
        String thread = careTeamThread(first);
        List<String> urgent = new ArrayList<>();
        for (int i = 0; i < URGENT; i++) {
            ApiClient.Response posted = (i % 2 == 0 ? first : second)
                    .post(API + "/threads/" + thread + "/messages", token("nurse", nina), """
                            {"body":"call me %d","urgent":{"recipient":"%s","backup":"%s"}}""".formatted(i, dr, carla));
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            urgent.add(posted.json().path("id").asString());
        }
        Instant overdue = Instant.parse("2030-01-07T15:31:00Z");
        clock.set(overdue);
        replica.getBean(MutableClock.class).set(overdue);

        UrgentEscalation other = replica.getBean(UrgentEscalation.class);
        CountDownLatch together = new CountDownLatch(1);
        CompletableFuture<Integer> here = CompletableFuture.supplyAsync(() -> sweep(escalation, together));
        CompletableFuture<Integer> there = CompletableFuture.supplyAsync(() -> sweep(other, together));
        together.countDown();
        int escalatedHere = here.join();
        int escalatedThere = there.join();

        System.out.printf(
                "R1 two replicas ran the urgent-escalation sweep at once, three passes each, over %d overdue "
                        + "messages: %d escalated by one, %d by the other%n",
                URGENT, escalatedHere, escalatedThere);
        assertThat(escalatedHere + escalatedThere)
                .as("each message escalated by exactly one replica")
                .isEqualTo(URGENT);

        // both replicas relay outboxes: an entry may go out twice (at least once), always with its one event id
        Map<String, java.util.Set<String>> eventIds = new java.util.HashMap<>();
        int records = 0;
        try (TopicReader events = new TopicReader("hearth.messaging.events")) {
            for (var record = events.await(
                            r -> urgent.stream().anyMatch(id -> escalated(r.value(), r, id)), Duration.ofSeconds(20));
                    record.isPresent();
                    record = events.await(
                            r -> urgent.stream().anyMatch(id -> escalated(r.value(), r, id)), Duration.ofSeconds(3))) {
                String message = urgent.stream()
                        .filter(record.get().value()::contains)
                        .findFirst()
                        .orElseThrow();
                eventIds.computeIfAbsent(message, m -> new java.util.HashSet<>())
                        .add(TopicReader.header(record.get(), "ce_id"));
                records++;
            }
        }
        System.out.printf(
                "R1 UrgentEscalated: %d records on the topic for %d messages, %d distinct events%n",
                records,
                URGENT,
                eventIds.values().stream().mapToInt(java.util.Set::size).sum());
        assertThat(eventIds).as("an UrgentEscalated for each message").hasSize(URGENT);
        assertThat(eventIds.values())
                .as("one event per message")
                .allSatisfy(ids -> assertThat(ids).hasSize(1));
        Map<String, Long> toBackup = deliveries(first, token("coordinator", carla), "urgent");
        assertThat(urgent)
                .allSatisfy(id -> assertThat(toBackup.get(id))
                        .as("urgent deliveries to the backup of " + id)
                        .isEqualTo(1L));
    }

    @Test
    void aMessagePostedOnOneReplicaReachesAStreamOpenOnTheOther() throws Exception {
        String thread = careTeamThread(first);
        // the other replica reads the live channel: its streams are then fed by signals, not by reading the store
        assertThat(Eventually.await(
                        Duration.ofSeconds(30),
                        () -> replica.getBean(LiveBus.class).live(),
                        live -> live))
                .isTrue();
        CompletableFuture<String> stream =
                CompletableFuture.supplyAsync(() -> streamFrom(second, token("physician", dr), "?since=now"));
        // presence is shared: this replica knows the physician is online on the other one (no urgent mail then)
        assertThat(Eventually.await(Duration.ofSeconds(5), () -> presence.online(agency, dr), online -> online))
                .as("online on the other replica")
                .isTrue();
        String id = first.post(API + "/threads/" + thread + "/messages", token("nurse", nina), "{\"body\":\"live\"}")
                .json()
                .path("id")
                .asString();

        assertThat(stream.join()).as("the stream held by the other replica").contains(id);
        assertThat(Eventually.await(Duration.ofSeconds(5), () -> presence.online(agency, dr), online -> !online))
                .as("offline once the stream ended")
                .isFalse();
    }

    private static int sweep(UrgentEscalation sweep, CountDownLatch together) {
        try {
            together.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        int escalated = 0;
        for (int pass = 0; pass < 3; pass++) {
            escalated += sweep.escalate();
        }
        return escalated;
    }

    private static boolean escalated(
            String body, org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, String messageId) {
        return "org.hearth.messaging.UrgentEscalated.v1".equals(TopicReader.header(record, "ce_type"))
                && body.contains(messageId);
    }

    /** How many deliveries of {@code kind} per message id the person's stream replays from the beginning. */
    private Map<String, Long> deliveries(ApiClient api, String token, String kind) {
        String lines = streamFrom(api, token, "");
        List<String> messageIds = new ArrayList<>();
        String event = null;
        for (String line : lines.split("\n")) {
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:") && kind.equals(event)) {
                JsonNode data =
                        tools.jackson.databind.json.JsonMapper.builder().build().readTree(line.substring(5));
                messageIds.add(data.path("messageId").asString());
            }
        }
        return messageIds.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** Reads the stream until the server ends it (max-duration 6 s here). */
    private static String streamFrom(ApiClient api, String token, String query) {
        try {
            HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
                    .send(
                            api.request(API + "/stream" + query, token)
                                    .header("Accept", "text/event-stream")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            try (var lines = response.body()) {
                return lines.collect(Collectors.joining("\n"));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String careTeamThread(ApiClient api) {
        JsonNode thread = Eventually.await(
                Duration.ofSeconds(30),
                () -> {
                    ApiClient.Response mine = api.get(API + "/threads", token("nurse", nina));
                    return mine.status() != 200
                            ? null
                            : mine.json()
                                    .path("items")
                                    .valueStream()
                                    .filter(t -> t.path("kind").asString().equals("CARE_TEAM")
                                            && t.path("patientId").asString().equals(patient))
                                    .findFirst()
                                    .orElse(null);
                },
                t -> t != null && t.path("participants").size() == 3);
        assertThat(thread).as("the care team's thread").isNotNull();
        return thread.path("id").asString();
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

    private void publish(String type, String body) {
        assertThat(EventContracts.violations(type, body)).as(body).isEmpty();
        kafka.send(
                "hearth.patient.events",
                patient,
                TopicWriter.envelope(UUID.randomUUID().toString(), type, patient, agency),
                body);
    }
}
