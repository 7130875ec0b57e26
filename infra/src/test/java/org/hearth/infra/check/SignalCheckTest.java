package org.hearth.infra.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.hearth.infra.mongo.MongoWireServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's invariant check on documents shaped as the services store them, in a real wire server. */
class SignalCheckTest {

    static final String AGENCY = "4f0c8a55-2b1e-4f7a-9d3c-6e2b1a0f9c87";

    @TempDir
    Path dataDir;

    @Test
    void namesMissingAndDoubledNoticesAndCountsYoungOnesAsInFlight() throws Exception {
        Instant old = Instant.now().minusSeconds(600);
        try (MongoWireServer server = MongoWireServer.start(freePort(), dataDir);
                MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + server.port())) {
            var alerts = mongo.getDatabase("hearth_patient").getCollection("alerts");
            var messages = mongo.getDatabase("hearth_messaging").getCollection("messages");
            for (String id : List.of("a-notified", "a-lost", "a-doubled")) {
                alerts.insertOne(alert(id, old));
            }
            alerts.insertOne(alert("a-young", Instant.now()));
            messages.insertOne(notice("m1", "a-notified"));
            messages.insertOne(notice("m2", "a-doubled"));
            messages.insertOne(notice("m3", "a-doubled"));
            messages.insertOne(
                    new Document("_id", "m4").append("tenantId", AGENCY).append("author", "someone"));

            SignalCheck.Finding finding = new SignalCheck(mongo, Duration.ofSeconds(60))
                    .alertsHaveOneNotice()
                    .getFirst();

            assertThat(finding.tenant()).isEqualTo(AGENCY);
            assertThat(finding.expected()).isEqualTo(4);
            assertThat(finding.delivered()).isEqualTo(2);
            assertThat(finding.missing()).containsExactly("a-lost");
            assertThat(finding.inFlight()).isEqualTo(1);
            assertThat(finding.duplicated()).containsExactly("a-doubled");
            assertThat(finding.holds()).isFalse();
            assertThat(finding.toString())
                    .contains("4 expected, 2 delivered, 1 missing [a-lost], 1 in flight, 1 duplicated");
        }
    }

    @Test
    void holdsWhenEveryAdmittedPatientIsProjected() throws Exception {
        try (MongoWireServer server = MongoWireServer.start(freePort(), dataDir);
                MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + server.port())) {
            mongo.getDatabase("hearth_patient")
                    .getCollection("patients")
                    .insertOne(new Document("_id", "p1")
                            .append("tenantId", AGENCY)
                            .append(
                                    "patient",
                                    new Document(
                                            "admittedAt",
                                            Date.from(Instant.now().minusSeconds(600)))));
            var projection = mongo.getDatabase("hearth_scheduling").getCollection("patients");
            SignalCheck check = new SignalCheck(mongo, Duration.ofSeconds(60));

            assertThat(check.admittedPatientsAreKnown("scheduling", projection)
                            .getFirst()
                            .missing())
                    .containsExactly("p1");
            projection.insertOne(new Document("_id", "p1").append("tenantId", AGENCY));
            assertThat(check.admittedPatientsAreKnown("scheduling", projection)
                            .getFirst()
                            .holds())
                    .isTrue();
        }
    }

    private static Document alert(String id, Instant raisedAt) {
        return new Document("_id", id)
                .append("tenantId", AGENCY)
                .append("alert", new Document("_id", id).append("raisedAt", Date.from(raisedAt)));
    }

    private static Document notice(String id, String alertId) {
        return new Document("_id", id)
                .append("tenantId", AGENCY)
                .append("author", "system")
                .append("source", new Document("type", "AlertRaised").append("ref", alertId));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
