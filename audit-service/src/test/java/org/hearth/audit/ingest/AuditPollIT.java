package org.hearth.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.hearth.audit.chain.ChainRecord;
import org.hearth.audit.chain.ChainStore;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.TopicWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * A poll that holds a record breaking its contract between good ones (the listener paused while they are published,
 * so that one poll takes them all): the good records are chained once each, in order, and the bad one goes to the
 * dead-letter topic, as it did when the listener took one record at a time.
 */
@HearthServiceTest
class AuditPollIT {

    static final String TYPE = "org.hearth.audit.PatientDataAccessed.v1";

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ChainStore chain;

    @Test
    void aMalformedEventInAPollGoesToTheDeadLetterTopicAndTheOthersAreChainedOnceInOrder() {
        String agency = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String patient = UUID.randomUUID().toString();
        String otherPatient = UUID.randomUUID().toString();
        List<String> good = List.of(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        String otherGood = UUID.randomUUID().toString();
        String malformed = UUID.randomUUID().toString();

        MessageListenerContainer container = listeners.getListenerContainer("audit-store");
        container.pause();
        try (TopicWriter kafka = new TopicWriter()) {
            assertThat(Eventually.await(Duration.ofSeconds(30), container::isContainerPaused, paused -> paused))
                    .isTrue();
            // one patient, one partition: the malformed record sits between the first and the other two
            send(kafka, good.get(0), agency, patient);
            kafka.send(
                    "hearth.audit",
                    patient,
                    TopicWriter.envelope(malformed, TYPE, patient, agency),
                    "{\"auditId\":\"" + malformed + "\",\"patientId\":\"" + patient + "\"}");
            send(kafka, good.get(1), agency, patient);
            send(kafka, otherGood, other, otherPatient);
            send(kafka, good.get(2), agency, patient);
        } finally {
            container.resume();
        }

        try (TopicReader dlt = new TopicReader("hearth.audit.dlt")) {
            assertThat(dlt.await(r -> malformed.equals(TopicReader.header(r, "ce_id")), Duration.ofSeconds(30)))
                    .as("the malformed record is dead-lettered")
                    .isPresent();
        }
        Eventually.await(
                Duration.ofSeconds(30),
                () -> chain.last(agency).map(ChainRecord::seq).orElse(0L),
                seq -> seq >= 3);
        assertThat(eventIds(agency)).containsExactlyElementsOf(good);
        assertThat(Eventually.await(Duration.ofSeconds(30), () -> eventIds(other), ids -> !ids.isEmpty()))
                .containsExactly(otherGood);
        assertThat(chain.byEvent(agency, malformed)).isEmpty();
    }

    private List<String> eventIds(String agency) {
        List<String> ids = new ArrayList<>();
        for (Iterator<ChainRecord> it = chain.inOrder(agency); it.hasNext(); ) {
            ids.add(it.next().eventId());
        }
        return ids;
    }

    private static void send(TopicWriter kafka, String id, String agency, String patient) {
        kafka.send("hearth.audit", patient, TopicWriter.envelope(id, TYPE, patient, agency), """
                {"auditId":"%s","patientId":"%s","actor":"nina","actorName":"Nina Nurse","roles":["nurse"],
                 "action":"GET /api/patients/v1/patients/{patientId}","outcome":200,"correlationId":"%s","at":"%s"}""".formatted(
                        id, patient, UUID.randomUUID(), Instant.now()));
    }
}
