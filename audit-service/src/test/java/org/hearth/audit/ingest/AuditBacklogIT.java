package org.hearth.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hearth.audit.chain.ChainRecord;
import org.hearth.audit.chain.ChainStore;
import org.hearth.audit.chain.ChainVerifier;
import org.hearth.audit.chain.Verification;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.HearthTestInfrastructure;
import org.hearth.platform.test.TopicWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The backlog the audit-service meets after the fuzz suite or a misbehaving client: thousands of audit events of a few
 * agencies waiting on hearth.audit (the listener is paused while they are published, then resumed). Prints how fast
 * the real consumer path (broker, edge, chain, wire server) chains them; asserts only what must hold whatever the
 * speed: every event is in its agency's chain exactly once (redelivered ones too), each patient's events in the order
 * they were published, and every chain verifies intact. {@code -Dhearth.audit.backlog=N} changes the size (2,000).
 */
@HearthServiceTest
class AuditBacklogIT {

    static final int RECORDS = Integer.getInteger("hearth.audit.backlog", 2000);
    static final int AGENCIES = 3;
    static final int PATIENTS_PER_AGENCY = 40;
    /** Published a second time, as after a producer retry or a consumer that crashed before committing. */
    static final int REDELIVERED = RECORDS / 20;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ChainStore chain;

    @Autowired
    ChainVerifier verifier;

    @Test
    void aBacklogOfThousandsOfEventsIsChainedOnceEachInOrderAndIntact() {
        List<String> agencies = new ArrayList<>();
        Map<String, List<String>> patients = new LinkedHashMap<>();
        for (int a = 0; a < AGENCIES; a++) {
            String agency = UUID.randomUUID().toString();
            agencies.add(agency);
            List<String> ofAgency = new ArrayList<>();
            for (int p = 0; p < PATIENTS_PER_AGENCY; p++) {
                ofAgency.add(UUID.randomUUID().toString());
            }
            patients.put(agency, ofAgency);
        }
        List<Sent> sent = new ArrayList<>();
        Instant at = Instant.now();
        for (int i = 0; i < RECORDS; i++) {
            String agency = agencies.get(i % AGENCIES);
            String patient = patients.get(agency).get((i / AGENCIES) % PATIENTS_PER_AGENCY);
            sent.add(new Sent(UUID.randomUUID().toString(), agency, patient, i, at.plusMillis(i)));
        }
        assertThat(EventContracts.violations(Sent.TYPE, sent.getFirst().body())).isEmpty();

        MessageListenerContainer container = listeners.getListenerContainer("audit-store");
        assertThat(container).isNotNull();
        container.pause();
        try {
            assertThat(Eventually.await(Duration.ofSeconds(30), container::isContainerPaused, paused -> paused))
                    .isTrue();
            try (KafkaProducer<String, String> producer = producer()) {
                for (Sent event : sent) {
                    producer.send(event.record());
                }
                for (Sent event : sent.subList(0, REDELIVERED)) {
                    producer.send(event.record());
                }
                producer.flush();
            }
        } finally {
            container.resume();
        }
        long started = System.nanoTime();
        Map<String, Long> expected = new HashMap<>();
        sent.forEach(event -> expected.merge(event.agency, 1L, Long::sum));
        for (String agency : agencies) {
            Eventually.await(
                    Duration.ofMinutes(15),
                    () -> chain.last(agency).map(ChainRecord::seq).orElse(0L),
                    seq -> seq >= expected.get(agency));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "audit backlog: %d events (+%d redelivered) of %d agencies chained in %.1f s after the "
                        + "listener resumed: %.0f records/s%n",
                RECORDS, REDELIVERED, AGENCIES, seconds, RECORDS / seconds);

        Map<String, Sent> byId = new HashMap<>();
        sent.forEach(event -> byId.put(event.id, event));
        for (String agency : agencies) {
            List<ChainRecord> records = new ArrayList<>();
            for (Iterator<ChainRecord> it = chain.inOrder(agency); it.hasNext(); ) {
                records.add(it.next());
            }
            Set<String> ids = new HashSet<>();
            records.forEach(r -> ids.add(r.eventId()));
            assertThat(records)
                    .as("each event once in agency " + agency)
                    .hasSize(expected.get(agency).intValue());
            assertThat(ids)
                    .hasSize(records.size())
                    .allSatisfy(id -> assertThat(byId.get(id).agency).isEqualTo(agency));
            Map<String, Integer> lastOfPatient = new HashMap<>();
            for (ChainRecord record : records) {
                Sent event = byId.get(record.eventId());
                Integer before = lastOfPatient.put(event.patient, event.order);
                assertThat(before == null || before < event.order)
                        .as("patient %s: event %d chained after %d", event.patient, event.order, before)
                        .isTrue();
            }
            Verification verification = verifier.verify(agency);
            assertThat(verification.intact()).as(verification.line()).isTrue();
            assertThat(verification.lastSeq()).isEqualTo(expected.get(agency));
        }
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, HearthTestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** One audit event as the services publish it: keyed by patient, so a patient's events share a partition. */
    record Sent(String id, String agency, String patient, int order, Instant at) {

        static final String TYPE = "org.hearth.audit.PatientDataAccessed.v1";

        String body() {
            return """
                    {"auditId":"%s","patientId":"%s","actor":"nina-%d","actorName":"Nina Nurse","roles":["nurse"],
                     "clientId":"hearth-console","organization":"sunrise","address":"10.0.0.7",
                     "action":"GET /api/patients/v1/patients/{patientId}/care-plan","outcome":200,"correlationId":"backlog-%d",
                     "at":"%s"}""".formatted(id, patient, order % 7, order, at);
        }

        ProducerRecord<String, String> record() {
            ProducerRecord<String, String> record = new ProducerRecord<>("hearth.audit", patient, body());
            TopicWriter.envelope(id, TYPE, patient, agency)
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            return record;
        }
    }
}
