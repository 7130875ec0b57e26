package org.hearth.audit.chain;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Appends records to an agency's chain and keeps its checkpoints. Append is optimistic: read the last link, insert
 * link {@code seq + 1}; the unique index on (tenantId, seq) lets exactly one of two concurrent appenders (two replicas,
 * two partitions) win a sequence number, and the loser reads the new last link and tries again, so the chain never
 * forks. The unique index on (tenantId, eventId) makes a redelivered event a no-op (idempotent consumer). No
 * multi-document transaction is needed, which the local wire server does not have.
 */
public class ChainStore {

    public static final String RECORDS = "audit_records";
    public static final String CHECKPOINTS = "audit_checkpoints";
    private static final int MAX_ATTEMPTS = 200;

    private final MongoCollection<Document> records;
    private final MongoCollection<Document> checkpoints;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final int checkpointEvery;

    public ChainStore(MongoDatabase database, CheckpointSigner signer, Clock clock, int checkpointEvery) {
        this.records = database.getCollection(RECORDS);
        this.checkpoints = database.getCollection(CHECKPOINTS);
        this.signer = signer;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
    }

    public void ensureIndexes() {
        records.createIndex(Indexes.ascending("tenantId", "seq"), new IndexOptions().unique(true));
        records.createIndex(Indexes.ascending("tenantId", "eventId"), new IndexOptions().unique(true));
        records.createIndex(Indexes.ascending("tenantId", "hash"));
        records.createIndex(Indexes.ascending("tenantId", "facts.patientId"));
        records.createIndex(Indexes.ascending("tenantId", "facts.actor"));
        checkpoints.createIndex(Indexes.ascending("tenantId", "seq"), new IndexOptions().unique(true));
    }

    /** Appends the record of event {@code eventId} unless it is already in the chain; returns the stored link. */
    public ChainRecord append(String tenantId, String eventId, Map<String, Object> facts, Map<String, Object> entry) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<ChainRecord> stored = byEvent(tenantId, eventId);
            if (stored.isPresent()) {
                return stored.get();
            }
            Optional<ChainRecord> last = last(tenantId);
            Optional<Checkpoint> anchor = last.isPresent() ? Optional.empty() : lastCheckpoint(tenantId);
            long seq = last.map(r -> r.seq() + 1).orElseGet(() -> anchor.map(c -> c.seq() + 1).orElse(1L));
            String prevHash = last.map(ChainRecord::hash).orElseGet(() -> anchor.map(Checkpoint::hash)
                    .orElse(ChainRecord.GENESIS));
            ChainRecord link = ChainRecord.link(tenantId, seq, eventId, clock.instant(), facts, entry, prevHash);
            try {
                records.insertOne(link.toDocument());
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    continue; // another appender took this sequence number, or stored this very event: read again
                }
                throw e;
            }
            if (seq % checkpointEvery == 0) {
                checkpoint(tenantId);
            }
            return link;
        }
        throw new IllegalStateException("could not append to the audit chain after " + MAX_ATTEMPTS + " attempts");
    }

    /** Signs the chain's current last link, unless it is signed already. */
    public Optional<Checkpoint> checkpoint(String tenantId) {
        Optional<ChainRecord> last = last(tenantId);
        if (last.isEmpty() || lastCheckpoint(tenantId).map(c -> c.seq() >= last.get().seq()).orElse(false)) {
            return Optional.empty();
        }
        Checkpoint unsigned = new Checkpoint(tenantId, last.get().seq(), last.get().hash(),
                ChainRecord.time(clock.instant()), null);
        Checkpoint signed = new Checkpoint(tenantId, unsigned.seq(), unsigned.hash(), unsigned.signedAt(),
                signer.sign(unsigned));
        try {
            checkpoints.insertOne(signed.toDocument());
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return Optional.of(signed);
    }

    /** Agencies whose chain has links after its last checkpoint. */
    public List<String> unsignedAgencies() {
        List<String> agencies = new ArrayList<>();
        for (String tenant : records.distinct("tenantId", String.class)) {
            long lastSeq = last(tenant).map(ChainRecord::seq).orElse(0L);
            if (lastCheckpoint(tenant).map(Checkpoint::seq).orElse(0L) < lastSeq) {
                agencies.add(tenant);
            }
        }
        return agencies;
    }

    public List<String> agencies() {
        List<String> agencies = new ArrayList<>();
        records.distinct("tenantId", String.class).into(agencies);
        checkpoints.distinct("tenantId", String.class).forEach(t -> {
            if (!agencies.contains(t)) {
                agencies.add(t);
            }
        });
        return agencies;
    }

    public Optional<ChainRecord> last(String tenantId) {
        return Optional.ofNullable(records.find(Filters.eq("tenantId", tenantId)).sort(Sorts.descending("seq")).limit(1)
                .first()).map(ChainRecord::from);
    }

    public Optional<ChainRecord> byEvent(String tenantId, String eventId) {
        return Optional.ofNullable(records.find(Filters.and(Filters.eq("tenantId", tenantId),
                Filters.eq("eventId", eventId))).first()).map(ChainRecord::from);
    }

    /** The sequence number of the stored record whose hash is {@code hash}, if any. */
    public Optional<Long> seqOfHash(String tenantId, String hash) {
        return Optional.ofNullable(records.find(Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("hash", hash)))
                .first()).map(d -> ((Number) d.get("seq")).longValue());
    }

    /** The agency's records in sequence order, read in batches. */
    public Iterator<ChainRecord> inOrder(String tenantId) {
        return records.find(Filters.eq("tenantId", tenantId)).sort(Sorts.ascending("seq")).batchSize(500)
                .map(ChainRecord::from).iterator();
    }

    public List<Checkpoint> checkpoints(String tenantId) {
        return checkpoints.find(Filters.eq("tenantId", tenantId)).sort(Sorts.ascending("seq")).map(Checkpoint::from)
                .into(new ArrayList<>());
    }

    public Optional<Checkpoint> lastCheckpoint(String tenantId) {
        return Optional.ofNullable(checkpoints.find(Filters.eq("tenantId", tenantId)).sort(Sorts.descending("seq"))
                .limit(1).first()).map(Checkpoint::from);
    }

    /**
     * Removes the records older than {@code cutoff}, only as whole segments ending at a checkpoint, whose signed hash
     * then anchors the oldest kept record (the first record of a chain after a sweep follows it); checkpoints before
     * that one go too. Returns how many records were removed.
     */
    public long sweep(String tenantId, Instant cutoff) {
        String limit = ChainRecord.time(cutoff);
        long lastSeq = last(tenantId).map(ChainRecord::seq).orElse(0L);
        Checkpoint boundary = null;
        for (Checkpoint checkpoint : checkpoints(tenantId)) {
            if (checkpoint.seq() >= lastSeq) {
                break; // the newest link always stays: an empty chain would look truncated
            }
            Document record = records.find(Filters.and(Filters.eq("tenantId", tenantId),
                    Filters.eq("seq", checkpoint.seq()))).first();
            if (record == null || record.getString("recordedAt").compareTo(limit) >= 0) {
                break;
            }
            boundary = checkpoint;
        }
        if (boundary == null) {
            return 0;
        }
        Bson older = Filters.and(Filters.eq("tenantId", tenantId), Filters.lte("seq", boundary.seq()));
        long removed = records.deleteMany(older).getDeletedCount();
        checkpoints.deleteMany(Filters.and(Filters.eq("tenantId", tenantId), Filters.lt("seq", boundary.seq())));
        return removed;
    }
}
