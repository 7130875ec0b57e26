package org.hearth.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.hearth.infra.mongo.MongoWireServer.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged write survives {@code kill -9} of the wire server: the server runs as its own process (as under
 * {@code ./hearth up}), takes N acknowledged inserts, is killed with SIGKILL and started again on the same file.
 * Prints N and the write rate, and the same figures for H2's background commit, the behaviour this replaces.
 */
class MongoWireServerCrashTest {

    private static final int WRITES = 300;

    @TempDir
    Path durableDir;

    @TempDir
    Path backgroundDir;

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9() throws Exception {
        Figures durable = writeKillAndCount(durableDir, Durability.SYNC);
        Figures background = writeKillAndCount(backgroundDir, Durability.BACKGROUND);

        System.out.printf(
                "wire server kill -9: %s: %d acknowledged, %d present after restart, %.0f writes/s%n",
                Durability.SYNC, WRITES, durable.present(), durable.writesPerSecond());
        System.out.printf(
                "wire server kill -9: %s: %d acknowledged, %d present after restart, %.0f writes/s%n",
                Durability.BACKGROUND, WRITES, background.present(), background.writesPerSecond());
        assertThat(durable.present()).isEqualTo(WRITES);
    }

    record Figures(long present, double writesPerSecond) {}

    private Figures writeKillAndCount(Path dataDir, Durability durability) throws Exception {
        int port = freePort();
        Process server = startServer(port, dataDir, durability);
        double rate;
        try (MongoClient client = client(port)) {
            MongoCollection<Document> admissions =
                    client.getDatabase("hearth_patient").getCollection("patients");
            long started = System.nanoTime();
            for (int i = 0; i < WRITES; i++) {
                admissions.insertOne(new Document("_id", "p-" + i).append("tenantId", "org-sunrise"));
            }
            rate = WRITES / ((System.nanoTime() - started) / 1e9);
            server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close of the store
            assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.destroyForcibly();
        }

        Process restarted = startServer(port, dataDir, durability);
        try (MongoClient client = client(port)) {
            return new Figures(
                    client.getDatabase("hearth_patient")
                            .getCollection("patients")
                            .countDocuments(),
                    rate);
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process startServer(int port, Path dataDir, Durability durability) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(
                        java,
                        "-Xmx128m",
                        "-Dhearth.mongo.durability=" + durability.name(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        MongoWireServer.class.getName(),
                        String.valueOf(port),
                        dataDir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(
                        dataDir.resolve("server-" + System.nanoTime() + ".log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("wire server process").isTrue();
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("wire server did not open port " + port);
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
