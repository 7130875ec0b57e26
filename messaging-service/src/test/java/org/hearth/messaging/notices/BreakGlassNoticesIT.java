package org.hearth.messaging.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * A record opened in an emergency is told like an alert, on the real broker: a notice in the care-team thread and a
 * NOTICE delivery to each person the event names (privacy officers, the lead physician), once, also when redelivered.
 */
@HearthServiceTest
class BreakGlassNoticesIT {

    static final String TYPE = "org.hearth.patient.BreakGlassOpened.v1";

    @Value("${spring.mongodb.uri}")
    String mongoUri;

    TopicWriter kafka;
    MongoClient mongoClient;
    MongoDatabase db;
    final String agency = UUID.randomUUID().toString();
    final String patient = UUID.randomUUID().toString();
    final String paula = "paula-" + UUID.randomUUID();
    final String dr = "dr-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        kafka = new TopicWriter();
        mongoClient = MongoClients.create(mongoUri);
        db = mongoClient.getDatabase(mongoUri.substring(mongoUri.lastIndexOf('/') + 1));
    }

    @AfterEach
    void tearDown() {
        kafka.close();
        mongoClient.close();
    }

    @Test
    void thePrivacyOfficerAndTheLeadPhysicianAreToldOnceAndTheCareTeamThreadHasTheNotice() {
        String grant = UUID.randomUUID().toString();
        String event = UUID.randomUUID().toString();
        String body = """
                {"patientId":"%s","grantId":"%s","clinician":"noah","openedAt":"2030-01-07T14:30:00Z",
                 "expiresAt":"2030-01-07T18:30:00Z","leadPhysician":"%s","recipients":["%s","%s"]}""".formatted(patient, grant, dr, paula, dr);
        assertThat(EventContracts.violations(TYPE, body)).isEmpty();
        kafka.send("hearth.patient.events", patient, TopicWriter.envelope(event, TYPE, patient, agency), body);
        kafka.send("hearth.patient.events", patient, TopicWriter.envelope(event, TYPE, patient, agency), body); // again

        Document notice = Eventually.await(
                Duration.ofSeconds(20),
                () -> db.getCollection("messages")
                        .find(new Document("tenantId", agency)
                                .append("source.type", "BreakGlassOpened")
                                .append("source.ref", grant))
                        .first(),
                d -> d != null);
        assertThat(notice.getString("patientId")).isEqualTo(patient);
        for (String person : new String[] {paula, dr}) {
            Eventually.await(Duration.ofSeconds(20), () -> notices(person, grant), n -> n >= 1);
        }
        // a later record on the same partition: once it is applied, the redelivery before it was too
        String marker = UUID.randomUUID().toString();
        kafka.send(
                "hearth.patient.events",
                patient,
                TopicWriter.envelope(UUID.randomUUID().toString(), TYPE, patient, agency),
                body.replace(grant, marker));
        Eventually.await(Duration.ofSeconds(20), () -> notices(paula, marker), n -> n >= 1);
        assertThat(notices(paula, grant)).as("told once").isEqualTo(1);
        assertThat(notices(dr, grant)).as("told once").isEqualTo(1);
        assertThat(db.getCollection("messages").countDocuments(new Document("source.ref", grant)))
                .isEqualTo(1);
    }

    long notices(String recipient, String grant) {
        return db.getCollection("deliveries")
                .countDocuments(new Document("recipient", recipient)
                        .append("kind", "NOTICE")
                        .append("notice", "break-glass-opened:" + grant));
    }
}
