package org.hearth.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireServerTest {

    @TempDir
    Path dataDir;

    @Test
    void dataWrittenThroughTheDriverSurvivesARestart() throws Exception {
        int port = freePort();
        try (MongoWireServer server = MongoWireServer.start(port, dataDir);
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.port())) {
            client.getDatabase("hearth_patient")
                    .getCollection("patients")
                    .insertOne(new Document("_id", "p-1").append("tenantId", "org-sunrise"));
        }

        try (MongoWireServer server = MongoWireServer.start(port, dataDir);
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.port())) {
            Document found = client.getDatabase("hearth_patient")
                    .getCollection("patients")
                    .find(new Document("_id", "p-1"))
                    .first();
            assertThat(found).isNotNull();
            assertThat(found.getString("tenantId")).isEqualTo("org-sunrise");
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
