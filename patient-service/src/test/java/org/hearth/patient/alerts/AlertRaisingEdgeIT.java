package org.hearth.patient.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.TopicWriter;
import org.hearth.platform.test.story.Agencies;
import org.hearth.platform.test.story.Patients;
import org.hearth.platform.test.story.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The alert rules' consumer behind the event edge: a reading without patientId raises nothing and is dead-lettered. */
@HearthServiceTest
class AlertRaisingEdgeIT {

    static final String TOPIC = "hearth.patient.observations";
    static final String TYPE = "org.hearth.patient.ObservationRecorded.v1";

    @LocalServerPort
    int port;

    @Autowired
    MongoOperations mongo;

    final String agency = Agencies.sunrise().id();

    String coordinator() {
        return Tokens.coordinator(agency, "patient-service");
    }

    static String reading(String patientField, double systolic) {
        return """
                {%s"observationId":"%s","vital":"SYSTOLIC_BP","value":%s,"unit":"mm[Hg]",
                 "observedAt":"%s","source":"DEVICE"}""".formatted(patientField, UUID.randomUUID(), systolic, Instant.now());
    }

    @Test
    void aReadingWithoutPatientIdRaisesNoAlertAndTheNextOneDoes() {
        ApiClient api = ApiClient.onPort(port);
        String patient = api.post("/api/patients/v1/patients", coordinator(), Patients.jane())
                .json()
                .path("id")
                .asString();
        String invalid = UUID.randomUUID().toString();
        try (TopicWriter kafka = new TopicWriter()) {
            kafka.send(TOPIC, patient, TopicWriter.envelope(invalid, TYPE, patient, agency), reading("", 250));
            kafka.send(
                    TOPIC,
                    patient,
                    TopicWriter.envelope(UUID.randomUUID().toString(), TYPE, patient, agency),
                    reading("\"patientId\":\"" + patient + "\",", 250));
        }

        Query alertsOfAgency = Query.query(Criteria.where("tenantId").is(agency));
        Eventually.await(
                Duration.ofSeconds(20), () -> mongo.count(alertsOfAgency, AlertDocument.COLLECTION), n -> n > 0);
        try (TopicReader dlt = new TopicReader(TOPIC + ".dlt")) {
            assertThat(dlt.await(r -> invalid.equals(TopicReader.header(r, "ce_id")), Duration.ofSeconds(20)))
                    .isPresent();
        }
        assertThat(mongo.find(alertsOfAgency, Document.class, AlertDocument.COLLECTION))
                .extracting(d -> d.get("alert", Document.class).getString("patientId"))
                .containsOnly(patient)
                .isNotEmpty();
    }
}
