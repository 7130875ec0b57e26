package org.hearth.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sorted, limited queries answer exactly what a sort of every match followed by skip and limit answers (the
 * library's way), through the driver against the durable store, while keeping only skip + limit documents.
 */
class BoundedSortTest {

    @TempDir
    Path dataDir;

    @Test
    void sortedLimitedPagesEqualTheWholeSortsPages() throws Exception {
        try (MongoWireServer server = MongoWireServer.start(freePort(), dataDir);
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.port())) {
            MongoCollection<Document> records =
                    client.getDatabase("hearth_audit").getCollection("audit_records");
            Random random = new Random(42);
            List<Document> all = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                all.add(new Document("_id", "r-" + i)
                        .append("tenantId", i % 3 == 0 ? "org-riverbend" : "org-sunrise")
                        .append("seq", (long) random.nextInt(200)) // ties on purpose
                        .append("kind", random.nextBoolean() ? "read" : "write"));
            }
            records.insertMany(all);

            Bson sunrise = new Document("tenantId", "org-sunrise");
            for (Bson order : List.of(
                    Sorts.descending("seq"),
                    Sorts.ascending("seq"),
                    Sorts.orderBy(Sorts.ascending("kind"), Sorts.descending("seq")))) {
                List<String> whole = ids(records.find(sunrise).sort(order));
                assertThat(whole).hasSize(400);
                for (int[] page : new int[][] {{0, 1}, {0, 25}, {50, 25}, {390, 25}, {400, 5}, {0, 1000}}) {
                    List<String> limited =
                            ids(records.find(sunrise).sort(order).skip(page[0]).limit(page[1]));
                    assertThat(limited)
                            .as("%s skip %d limit %d", order, page[0], page[1])
                            .isEqualTo(whole.subList(Math.min(page[0], 400), Math.min(page[0] + page[1], 400)));
                }
            }
            Document newest = records.find(sunrise)
                    .sort(Sorts.descending("seq"))
                    .projection(Projections.include("seq"))
                    .limit(1)
                    .first();
            assertThat(newest.keySet()).as("the projection still applies").containsExactlyInAnyOrder("_id", "seq");
            assertThat(newest.getLong("seq"))
                    .isEqualTo(all.stream()
                            .filter(d -> d.getString("tenantId").equals("org-sunrise"))
                            .mapToLong(d -> d.getLong("seq"))
                            .max()
                            .orElseThrow());
        }
    }

    @Test
    void theBestOfAStreamKeepsEncounterOrderAmongTies() {
        List<de.bwaldvogel.mongo.bson.Document> documents = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            documents.add(new de.bwaldvogel.mongo.bson.Document("_id", i).append("rank", i % 5));
        }
        Comparator<de.bwaldvogel.mongo.bson.Document> byRank = Comparator.comparingInt(d -> (Integer) d.get("rank"));
        List<Object> best = BoundedSortCollection.best(documents.stream(), byRank, 12).stream()
                .map(d -> d.get("_id"))
                .toList();
        List<Object> stable = documents.stream()
                .sorted(byRank)
                .limit(12)
                .map(d -> d.get("_id"))
                .toList();
        assertThat(best).isEqualTo(stable);
        assertThat(BoundedSortCollection.best(Stream.empty(), byRank, 3)).isEmpty();
    }

    private static List<String> ids(Iterable<Document> found) {
        List<String> ids = new ArrayList<>();
        found.forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
