package org.hearth.audit.chain;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.hearth.platform.test.HearthTestInfrastructure;
import org.hearth.platform.test.MutableClock;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A chain store on the in-process MongoDB wire server, with its own database, key and clock. */
final class ChainFixture implements AutoCloseable {

    static final String KEY = "dGVzdC1vbmx5LWF1ZGl0LXNpZ25pbmcta2V5LW5vdC1hLXNlY3JldCEhIQ==";

    final String database = "chain_" + UUID.randomUUID().toString().replace("-", "");
    final MongoClient client = MongoClients.create(HearthTestInfrastructure.mongoUri(database));
    final MongoDatabase db = client.getDatabase(database);
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    final CheckpointSigner signer = new CheckpointSigner(KEY);
    final ChainStore store;
    final ChainVerifier verifier;
    final MongoCollection<Document> records = db.getCollection(ChainStore.RECORDS);
    final MongoCollection<Document> checkpoints = db.getCollection(ChainStore.CHECKPOINTS);

    ChainFixture(int checkpointEvery) {
        store = new ChainStore(
                new TenantScopedMongo(new MongoTemplate(client, database)), signer, clock, checkpointEvery);
        store.ensureIndexes();
        verifier = new ChainVerifier(store, signer, clock);
    }

    /** Another replica of the service: its own client and store object on the same database. */
    ChainStore replica(MongoClient other, int checkpointEvery) {
        return new ChainStore(
                new TenantScopedMongo(new MongoTemplate(other, database)), signer, clock, checkpointEvery);
    }

    ChainRecord append(String agency, String eventId) {
        return append(store, agency, eventId);
    }

    static ChainRecord append(ChainStore store, String agency, String eventId) {
        ChainStore.Pending record = pending(eventId);
        return store.append(agency, eventId, record.facts(), record.entry());
    }

    /** A record of event {@code eventId}, as the consumer hands it to the store. */
    static ChainStore.Pending pending(String eventId) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("patientId", "patient-" + Math.abs(eventId.hashCode() % 7));
        facts.put("actor", "nina");
        facts.put("roles", List.of("nurse"));
        facts.put("action", "R");
        facts.put("status", 200);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("resourceType", "AuditEvent");
        entry.put("id", eventId);
        entry.put("action", "R");
        return new ChainStore.Pending(eventId, facts, entry);
    }

    /** Records of the events {@code prefix + from} to {@code prefix + (to - 1)}. */
    static List<ChainStore.Pending> pending(String prefix, int from, int to) {
        return java.util.stream.IntStream.range(from, to)
                .mapToObj(i -> pending(prefix + i))
                .toList();
    }

    @Override
    public void close() {
        client.close();
    }
}
