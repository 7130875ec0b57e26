package org.hearth.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long commands do not stop the store answering others: with more commands held than the machine has network event
 * loops (2 × cores, where mongo-java-server runs commands itself), a client on another connection still gets its
 * answers.
 */
class MongoWireServerConcurrencyTest {

    @TempDir
    Path dataDir;

    /** Holds every {@code find} on the collection {@code slow} until released, like a scan of a large collection. */
    static final class SlowScans extends H2Backend {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger held = new AtomicInteger();

        SlowScans(String file) {
            super(file);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if (command.equals("find") && "slow".equals(query.get("find"))) {
                held.incrementAndGet();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.handleCommand(channel, database, command, query);
        }
    }

    @Test
    void aClientIsAnsweredWhileMoreLongCommandsThanEventLoopsAreRunning() throws Exception {
        int eventLoops = 2 * Runtime.getRuntime().availableProcessors();
        int longCommands = 4 * eventLoops; // connections go round the loops; this many leave none free
        SlowScans backend = new SlowScans(dataDir.resolve("hearth.mv").toString());
        ExecutorService scanners = Executors.newFixedThreadPool(longCommands);
        List<MongoClient> scanning = new ArrayList<>();
        try (MongoWireServer server = MongoWireServer.serve(backend, 0)) {
            for (int i = 0; i < longCommands; i++) { // a client each: one connection each, spread over the loops
                MongoClient client = client(server.port());
                scanning.add(client);
                scanners.submit(() -> client.getDatabase("hearth_audit")
                        .getCollection("slow")
                        .find()
                        .first());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (backend.held.get() < longCommands && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(backend.held.get()).as("long commands running at once").isEqualTo(longCommands);

            try (MongoClient other = client(server.port())) {
                var patients = other.getDatabase("hearth_patient").getCollection("patients");
                patients.insertOne(new org.bson.Document("_id", "p-1"));
                assertThat(patients.find(new org.bson.Document("_id", "p-1")).first())
                        .as("answered while %d long commands run", longCommands)
                        .isNotNull();
            }
            assertThat(backend.held.get())
                    .as("the long commands were still running")
                    .isEqualTo(longCommands);
            backend.release.countDown();
            scanners.shutdown();
            assertThat(scanners.awaitTermination(30, TimeUnit.SECONDS))
                    .as("the long commands finished")
                    .isTrue();
        } finally {
            backend.release.countDown();
            scanning.forEach(MongoClient::close);
            scanners.shutdownNow();
        }
    }

    /** A client whose reads give up after 5 s: a store that does not answer fails the test instead of hanging it. */
    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToSocketSettings(socket -> socket.readTimeout(5, TimeUnit.SECONDS))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
    }
}
