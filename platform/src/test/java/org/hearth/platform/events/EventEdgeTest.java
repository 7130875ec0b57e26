package org.hearth.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthTestInfrastructure;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.TopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event edge against a real broker, one test per rule: a listener container with the platform's error handler
 * consumes a fresh topic through {@link EventEdge#dispatch} with one route (PatientAdmitted v1).
 */
class EventEdgeTest {

    static final String ADMITTED = "org.hearth.patient.PatientAdmitted.v1";
    static final String TENANT = "4f0c8a55-2b1e-4f7a-9d3c-6e2b1a0f9c87";

    record Admitted(String patientId, Instant admittedAt, String status) {}

    record Handled(String eventId, String tenant, Admitted body) {}

    final String topic = "edge-test-" + UUID.randomUUID();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<Handled> handled = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> failuresLeft = new java.util.concurrent.ConcurrentHashMap<>();
    final java.util.Set<String> storeDown = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final TopicWriter writer = new TopicWriter();
    KafkaMessageListenerContainer<String, String> container;

    @BeforeEach
    void start() throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, HearthTestInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic(topic, 1, (short) 1), new NewTopic(topic + DeadLetters.SUFFIX, 1, (short) 1)))
                    .all()
                    .get();
        }
        logs.list = new CopyOnWriteArrayList<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(DeadLetters.class)).addAppender(logs);
        ((Logger) LoggerFactory.getLogger(EventEdge.class)).addAppender(logs);

        EventEdge edge = new EventEdge(JsonMapper.builder().build(), EventSchemas.onClasspath(), meters);
        EventRoutes routes = EventRoutes.forConsumer("edge-test").on(ADMITTED, Admitted.class, (event, body) -> {
            AtomicInteger left = failuresLeft.get(event.id());
            if (left != null && left.getAndDecrement() > 0) {
                if (storeDown.contains(event.id())) {
                    throw new DataAccessResourceFailureException("Timed out while waiting for a server");
                }
                throw new IllegalStateException("database briefly unreachable");
            }
            handled.add(new Handled(event.id(), TenantContext.current().value(), body));
        });
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId("edge-test-" + UUID.randomUUID());
        properties.setMessageListener((MessageListener<String, String>) record -> edge.dispatch(record, routes));
        container = new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        HearthTestInfrastructure.kafkaBootstrapServers(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class)),
                properties);
        container.setCommonErrorHandler(DeadLetters.errorHandler(
                OutboxRelayTest.kafka(HearthTestInfrastructure.kafkaBootstrapServers()),
                Duration.ofMillis(100),
                3,
                meters));
        container.start();
    }

    @AfterEach
    void stop() {
        container.stop();
        writer.close();
        ((Logger) LoggerFactory.getLogger(DeadLetters.class)).detachAppender(logs);
        ((Logger) LoggerFactory.getLogger(EventEdge.class)).detachAppender(logs);
    }

    @Test
    void aValidEventIsHandledOnceWithItsTenantBound() {
        String patient = UUID.randomUUID().toString();
        String id = send(ADMITTED, patient, admitted(patient));

        awaitHandled(id);
        sleepBriefly();

        assertThat(handled)
                .filteredOn(h -> h.eventId().equals(id))
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.tenant()).isEqualTo(TENANT);
                    assertThat(h.body().patientId()).isEqualTo(patient);
                    assertThat(h.body().status()).isEqualTo("ACTIVE");
                });
        assertThat(deadLetter(id, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aSchemaInvalidEventGoesToTheDltWithOneWarnLineAndThePartitionMovesOn() {
        String patient = UUID.randomUUID().toString();
        // "Jane Doe" breaks the language pattern: the value must never reach the log
        String invalid = send(
                ADMITTED,
                patient,
                "{\"patientId\":\"" + patient
                        + "\",\"admittedAt\":\"yesterday\",\"status\":\"ACTIVE\",\"language\":\"Jane Doe\"}");
        String valid = send(ADMITTED, patient, admitted(patient));

        awaitHandled(valid);
        ConsumerRecord<String, String> dead =
                deadLetter(invalid, Duration.ofSeconds(15)).orElseThrow();

        assertThat(handled).extracting(Handled::eventId).containsExactly(valid);
        List<String> warnings = warnings(invalid);
        assertThat(warnings)
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains(invalid, ADMITTED, topic + "-0@0", "$.admittedAt: format", "$.language: pattern")
                        .doesNotContain("Jane", "yesterday"));
        assertThat(dead.value()).contains("Jane Doe"); // the DLT keeps the record as it was, for repair
        assertThat(deadLettered("MalformedEventException")).isEqualTo(1.0);
    }

    @Test
    void anEventWithoutPatientIdIsDeadLetteredAndNoHandlerRuns() {
        String patient = UUID.randomUUID().toString();
        String id = send(ADMITTED, patient, "{\"admittedAt\":\"2026-12-01T10:00:00Z\",\"status\":\"ACTIVE\"}");

        assertThat(deadLetter(id, Duration.ofSeconds(15))).isPresent();
        assertThat(warnings(id))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("$.patientId: required"));
        assertThat(handled).isEmpty();
    }

    @Test
    void aPatientIdOtherThanTheSubjectIsDeadLettered() {
        String patient = UUID.randomUUID().toString();
        String id = send(ADMITTED, patient, admitted(UUID.randomUUID().toString()));

        assertThat(deadLetter(id, Duration.ofSeconds(15))).isPresent();
        assertThat(warnings(id))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("patientId other than its ce_subject"));
        assertThat(handled).isEmpty();
    }

    @Test
    void anEventForAnAgencyThatCannotExistIsDeadLetteredAndCreatesNothing() {
        String patient = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        writer.send(topic, patient, TopicWriter.envelope(id, ADMITTED, patient, "not-an-agency"), admitted(patient));

        assertThat(deadLetter(id, Duration.ofSeconds(15))).isPresent();
        assertThat(warnings(id))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("invalid tenant id"));
        assertThat(handled).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsDeadLettered() {
        String patient = UUID.randomUUID().toString();
        String id = send(ADMITTED, patient, "Jane Doe, born 1931");

        assertThat(deadLetter(id, Duration.ofSeconds(15))).isPresent();
        assertThat(warnings(id))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("not JSON").doesNotContain("Jane"));
        assertThat(handled).isEmpty();
    }

    @Test
    void unknownTypesAreCountedAndSkippedNeverDeadLettered() {
        String patient = UUID.randomUUID().toString();
        String v2 = send("org.hearth.patient.PatientAdmitted.v2", patient, admitted(patient));
        String garbage = send("not a type at all", patient, admitted(patient));
        String valid = send(ADMITTED, patient, admitted(patient));

        awaitHandled(valid);

        assertThat(handled).extracting(Handled::eventId).containsExactly(valid);
        assertThat(unknown("org.hearth.patient.PatientAdmitted.v2")).isEqualTo(1.0);
        assertThat(unknown("other")).isEqualTo(1.0);
        assertThat(deadLetter(v2, Duration.ofSeconds(2))).isEmpty();
        assertThat(deadLetter(garbage, Duration.ofMillis(500))).isEmpty();
        assertThat(logs.list)
                .filteredOn(e -> e.getLevel() == Level.WARN)
                .filteredOn(e -> e.getFormattedMessage().startsWith("Unknown event type"))
                .hasSize(2);
    }

    @Test
    void aKnownTypeWithoutRouteIsIgnoredWithoutCountingIt() {
        String patient = UUID.randomUUID().toString();
        String discharged = send("org.hearth.patient.PatientDischarged.v1", patient, "{}");
        String valid = send(ADMITTED, patient, admitted(patient));

        awaitHandled(valid);

        assertThat(handled).extracting(Handled::eventId).containsExactly(valid);
        assertThat(meters.find(EventEdge.UNKNOWN_METRIC).counters()).isEmpty();
        assertThat(deadLetter(discharged, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aTransientFailureIsRetriedThenSucceeds() {
        String patient = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        failuresLeft.put(id, new AtomicInteger(2));
        send(id, ADMITTED, patient, admitted(patient));

        awaitHandled(id);

        assertThat(failuresLeft.get(id).get()).isEqualTo(-1); // two failures, then the third attempt ran
        assertThat(handled).extracting(Handled::eventId).containsExactly(id);
        assertThat(deadLetter(id, Duration.ofSeconds(1))).isEmpty();
        assertThat(warningsWithin(Duration.ofSeconds(2), id)).isEmpty();
    }

    @Test
    void anUnreachableStoreIsRetriedBeyondTheUsualRetriesAndNeverDeadLettered() {
        String patient = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        storeDown.add(id);
        failuresLeft.put(id, new AtomicInteger(6)); // twice the usual retries: 100+200+400+800+1600+3200 ms of back-off

        send(id, ADMITTED, patient, admitted(patient));
        Eventually.await(
                Duration.ofSeconds(30),
                () -> handled.stream().anyMatch(h -> h.eventId().equals(id)),
                done -> done);

        assertThat(failuresLeft.get(id).get()).isEqualTo(-1);
        assertThat(handled).extracting(Handled::eventId).containsExactly(id);
        assertThat(deadLetter(id, Duration.ofSeconds(1))).isEmpty();
        assertThat(warningsWithin(Duration.ofSeconds(2), id)).isEmpty();
    }

    @Test
    void aFailureThatOutlastsTheRetriesIsDeadLetteredWithoutItsMessage() {
        String patient = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        failuresLeft.put(id, new AtomicInteger(100));
        send(id, ADMITTED, patient, admitted(patient));

        assertThat(deadLetter(id, Duration.ofSeconds(15))).isPresent();
        assertThat(failuresLeft.get(id).get()).isEqualTo(96); // first attempt and three retries
        assertThat(warnings(id))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("java.lang.IllegalStateException after retries")
                        .doesNotContain("unreachable"));
        assertThat(deadLettered("IllegalStateException")).isEqualTo(1.0);
    }

    String admitted(String patient) {
        return "{\"patientId\":\"" + patient + "\",\"admittedAt\":\"2026-12-01T10:00:00Z\",\"status\":\"ACTIVE\"}";
    }

    String send(String type, String patient, String body) {
        return send(UUID.randomUUID().toString(), type, patient, body);
    }

    String send(String id, String type, String patient, String body) {
        writer.send(topic, patient, TopicWriter.envelope(id, type, patient, TENANT), body);
        return id;
    }

    void awaitHandled(String id) {
        Eventually.await(
                Duration.ofSeconds(20),
                () -> handled.stream().anyMatch(h -> h.eventId().equals(id)),
                done -> done);
        assertThat(handled).extracting(Handled::eventId).contains(id);
    }

    Optional<ConsumerRecord<String, String>> deadLetter(String id, Duration timeout) {
        try (TopicReader reader = new TopicReader(topic + DeadLetters.SUFFIX)) {
            return reader.await(r -> id.equals(TopicReader.header(r, "ce_id")), timeout);
        }
    }

    /** The warnings about {@code id}, once there is one. */
    List<String> warnings(String id) {
        Eventually.await("a warning about " + id, Duration.ofSeconds(2), () -> lines(id), lines -> !lines.isEmpty());
        return lines(id);
    }

    /** The warnings about {@code id} after waiting for one at most {@code timeout}: none, when none is expected. */
    List<String> warningsWithin(Duration timeout, String id) {
        return Eventually.latestWithin(timeout, () -> lines(id), lines -> !lines.isEmpty());
    }

    List<String> lines(String id) {
        return logs.list.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains(id))
                .toList();
    }

    double unknown(String type) {
        Counter counter = meters.find(EventEdge.UNKNOWN_METRIC)
                .tags("topic", topic, "consumer", "edge-test", "type", type)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    double deadLettered(String reason) {
        Counter counter = meters.find(DeadLetters.DEAD_LETTERED_METRIC)
                .tags("topic", topic, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    static void sleepBriefly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
