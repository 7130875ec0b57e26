package org.hearth.audit.chain;

import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Appends records to an agency's chain and keeps its checkpoints. Append is optimistic: read the last link, insert
 * link {@code seq + 1}; the unique index on (tenantId, seq) lets exactly one of two concurrent appenders (two replicas,
 * two partitions) win a sequence number, and the loser reads the new last link and tries again, so the chain never
 * forks. The unique index on (tenantId, eventId) makes a redelivered event a no-op (idempotent consumer). No
 * multi-document transaction is needed, which the local wire server does not have. Every read and write goes through
 * the platform's tenant-scoped store, inside the agency named by the call.
 */
public class ChainStore {

    public static final String RECORDS = "audit_records";
    public static final String CHECKPOINTS = "audit_checkpoints";
    private static final int MAX_ATTEMPTS = 200;
    private static final int BATCH = 500;
    /** More agencies than a deployment serves: every chain is read in one pass. */
    static final int MAX_AGENCIES = 100_000;

    private final TenantScopedMongo mongo;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final int checkpointEvery;

    public ChainStore(TenantScopedMongo mongo, CheckpointSigner signer, Clock clock, int checkpointEvery) {
        this.mongo = mongo;
        this.signer = signer;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
    }

    public void ensureIndexes() {
        mongo.ensureUniqueIndex(StoredLink.class, "seq");
        mongo.ensureUniqueIndex(StoredLink.class, "eventId");
        mongo.ensureIndex(StoredLink.class, "hash");
        mongo.ensureIndex(StoredLink.class, "facts.patientId");
        mongo.ensureIndex(StoredLink.class, "facts.actor");
        mongo.ensureUniqueIndex(StoredCheckpoint.class, "seq");
    }

    /** Appends the record of event {@code eventId} unless it is already in the chain; returns the stored link. */
    public ChainRecord append(String tenantId, String eventId, Map<String, Object> facts, Map<String, Object> entry) {
        return as(tenantId, () -> {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                Optional<ChainRecord> stored = byEvent(tenantId, eventId);
                if (stored.isPresent()) {
                    return stored.get();
                }
                Optional<ChainRecord> last = last(tenantId);
                // after a retention sweep removed every older link, the chain goes on from its signed boundary
                Optional<Checkpoint> anchor = last.isPresent() ? Optional.empty() : lastCheckpoint(tenantId);
                long seq = last.map(r -> r.seq() + 1).orElseGet(() -> anchor.map(c -> c.seq() + 1).orElse(1L));
                String prevHash = last.map(ChainRecord::hash).orElseGet(() -> anchor.map(Checkpoint::hash)
                        .orElse(ChainRecord.GENESIS));
                ChainRecord link = ChainRecord.link(tenantId, seq, eventId, clock.instant(), facts, entry, prevHash);
                try {
                    mongo.insert(StoredLink.of(link));
                } catch (DuplicateKeyException takenOrStored) {
                    continue; // another appender took this sequence number, or stored this very event: read again
                }
                if (seq == 1) {
                    known(tenantId);
                }
                if (seq % checkpointEvery == 0) {
                    checkpoint(tenantId);
                }
                return link;
            }
            throw new IllegalStateException("could not append to the audit chain after " + MAX_ATTEMPTS + " attempts");
        });
    }

    /** Signs the chain's current last link, unless it is signed already. */
    public Optional<Checkpoint> checkpoint(String tenantId) {
        return as(tenantId, () -> {
            Optional<ChainRecord> last = last(tenantId);
            if (last.isEmpty() || lastCheckpoint(tenantId).map(c -> c.seq() >= last.get().seq()).orElse(false)) {
                return Optional.<Checkpoint>empty();
            }
            Checkpoint unsigned = new Checkpoint(tenantId, last.get().seq(), last.get().hash(),
                    ChainRecord.time(clock.instant()), null);
            Checkpoint signed = new Checkpoint(tenantId, unsigned.seq(), unsigned.hash(), unsigned.signedAt(),
                    signer.sign(unsigned));
            try {
                mongo.insert(StoredCheckpoint.of(signed));
            } catch (DuplicateKeyException anotherReplicaSignedIt) {
                return Optional.<Checkpoint>empty();
            }
            return Optional.of(signed);
        });
    }

    /** Every agency that has a chain. */
    public List<String> agencies() {
        return chains(MAX_AGENCIES).stream().map(AgencyChain::tenantId).toList();
    }

    /** The chains of up to {@code limit} agencies: what the checkpoint and retention sweeps go over. */
    List<AgencyChain> chains(int limit) {
        return mongo.findAcrossAgencies(new Query(), limit, AgencyChain.class);
    }

    public Optional<ChainRecord> last(String tenantId) {
        return as(tenantId, () -> mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "seq")).limit(1),
                StoredLink.class).stream().findFirst().map(StoredLink::record));
    }

    public Optional<ChainRecord> byEvent(String tenantId, String eventId) {
        return as(tenantId, () -> mongo.find(Query.query(Criteria.where("eventId").is(eventId)), StoredLink.class)
                .stream().findFirst().map(StoredLink::record));
    }

    /** The sequence number of the stored record whose hash is {@code hash}, if any. */
    public Optional<Long> seqOfHash(String tenantId, String hash) {
        return as(tenantId, () -> mongo.find(Query.query(Criteria.where("hash").is(hash)).limit(1), StoredLink.class)
                .stream().findFirst().map(StoredLink::seq));
    }

    /** The agency's records in sequence order, read in batches. */
    public Iterator<ChainRecord> inOrder(String tenantId) {
        return new Iterator<>() {
            private final List<ChainRecord> batch = new ArrayList<>();
            private long after = Long.MIN_VALUE;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (batch.isEmpty() && !exhausted) {
                    as(tenantId, () -> mongo.find(Query.query(Criteria.where("seq").gt(after))
                                    .with(Sort.by("seq")).limit(BATCH), StoredLink.class))
                            .forEach(link -> batch.add(link.record()));
                    exhausted = batch.size() < BATCH;
                    if (!batch.isEmpty()) {
                        after = batch.getLast().seq();
                    }
                }
                return !batch.isEmpty();
            }

            @Override
            public ChainRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.removeFirst();
            }
        };
    }

    public List<Checkpoint> checkpoints(String tenantId) {
        return as(tenantId, () -> mongo.find(new Query().with(Sort.by("seq")), StoredCheckpoint.class).stream()
                .map(StoredCheckpoint::checkpoint).toList());
    }

    public Optional<Checkpoint> lastCheckpoint(String tenantId) {
        return as(tenantId, () -> mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "seq")).limit(1),
                StoredCheckpoint.class).stream().findFirst().map(StoredCheckpoint::checkpoint));
    }

    /**
     * Removes the records older than {@code cutoff}, only as whole segments ending at a checkpoint, whose signed hash
     * then anchors the oldest kept record (the first record of a chain after a sweep follows it); checkpoints before
     * that one go too. The newest link always stays. Returns how many records were removed.
     */
    public long sweep(String tenantId, Instant cutoff) {
        return as(tenantId, () -> {
            String limit = ChainRecord.time(cutoff);
            long lastSeq = last(tenantId).map(ChainRecord::seq).orElse(0L);
            Checkpoint boundary = null;
            for (Checkpoint checkpoint : checkpoints(tenantId)) {
                if (checkpoint.seq() >= lastSeq) {
                    break; // an empty chain would look truncated
                }
                Optional<StoredLink> record = mongo.findById(ChainRecord.idOf(tenantId, checkpoint.seq()), StoredLink.class);
                if (record.isEmpty() || record.get().recordedAt().compareTo(limit) >= 0) {
                    break;
                }
                boundary = checkpoint;
            }
            if (boundary == null) {
                return 0L;
            }
            long removed = mongo.deleteWhere(Query.query(Criteria.where("seq").lte(boundary.seq())), StoredLink.class);
            mongo.deleteWhere(Query.query(Criteria.where("seq").lt(boundary.seq())), StoredCheckpoint.class);
            return removed;
        });
    }

    private void known(String tenantId) {
        try {
            mongo.insert(new AgencyChain(tenantId, tenantId));
        } catch (DuplicateKeyException alreadyKnown) {
            // the chain was known
        }
    }

    /** Runs {@code work} as agency {@code tenantId}: a job or the command line may name any agency. */
    private static <T> T as(String tenantId, Supplier<T> work) {
        if (TenantContext.find().map(t -> t.value().equals(tenantId)).orElse(false)) {
            return work.get();
        }
        return TenantContext.callAs(TenantId.of(tenantId), work);
    }
}
