package org.hearth.audit.chain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Appends records to an agency's chain and keeps its checkpoints. Append is optimistic and works on a batch: read
 * where the chain ends (its head), chain the batch after it in memory, insert the links in one ordered bulk write. The
 * unique index on (tenantId, seq) lets exactly one of two concurrent appenders (two replicas, two partitions) win a
 * sequence number; the loser's write stops at the first taken number, it reads the head again and chains the rest after
 * it, so the chain never forks. The unique index on (tenantId, eventId) makes a redelivered event a no-op (idempotent
 * consumer): its write stops there too, and the retry leaves out every event already stored. No multi-document
 * transaction is needed, which the local wire server does not have. Every read and write goes through the platform's
 * tenant-scoped store, inside the agency named by the call.
 *
 * <p>The head is found without scanning the chain (the wire server sorts a whole collection to find a last link, which
 * made appending one record after another quadratic): the agency's {@link AgencyChain} remembers the newest link as a
 * hint, moved forward with a conditional write after each append. The links stay the truth: the hint is used only when
 * its link is stored with its hash and no link follows it; otherwise (a replica stopped between its insert and the
 * hint's update, or is inserting right now) the last link is read instead.
 */
public class ChainStore {

    public static final String RECORDS = "audit_records";
    public static final String CHECKPOINTS = "audit_checkpoints";
    private static final int MAX_ATTEMPTS = 200;
    private static final int BATCH = 500;
    private static final int INSERT_CHUNK = 100;
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

    /** A record waiting to be chained: the id of the event it comes from and what it says. */
    public record Pending(String eventId, Map<String, Object> facts, Map<String, Object> entry) {}

    /** Where a chain ends: the next link gets {@code seq + 1} and chains to {@code hash}; {@code hint} as read. */
    private record Head(long seq, String hash, Optional<AgencyChain> hint) {}

    public void ensureIndexes() {
        mongo.ensureUniqueIndex(StoredLink.class, "seq");
        mongo.ensureUniqueIndex(StoredLink.class, "eventId");
        mongo.ensureIndex(StoredLink.class, "hash");
        mongo.ensureIndex(StoredLink.class, "facts.patientId");
        mongo.ensureIndex(StoredLink.class, "facts.actor");
        mongo.ensureUniqueIndex(StoredCheckpoint.class, "seq");
        // one chain document per agency (its _id is the agency): the head hint is found by an index, not a scan
        mongo.ensureUniqueIndex(AgencyChain.class);
    }

    /** Appends the record of event {@code eventId} unless it is already in the chain; returns the stored link. */
    public ChainRecord append(String tenantId, String eventId, Map<String, Object> facts, Map<String, Object> entry) {
        List<ChainRecord> appended = appendAll(tenantId, List.of(new Pending(eventId, facts, entry)));
        return appended.isEmpty() ? byEvent(tenantId, eventId).orElseThrow() : appended.getFirst();
    }

    /**
     * Appends {@code records} to the agency's chain in their order, each unless its event is in the chain already (or
     * earlier in the list); returns the links this call stored. Usually one read of the head, one bulk insert and one
     * write of the head hint, whatever the number of records; a lost race or a redelivered event costs one more round.
     */
    public List<ChainRecord> appendAll(String tenantId, List<Pending> records) {
        return as(tenantId, () -> {
            List<Pending> waiting = distinct(records);
            List<ChainRecord> appended = new ArrayList<>();
            Map<String, ChainRecord> tried = new HashMap<>();
            Head head = null;
            for (int attempt = 0; attempt < MAX_ATTEMPTS && !waiting.isEmpty(); attempt++) {
                if (!tried.isEmpty()) {
                    waiting = notStored(tenantId, waiting, tried, appended);
                    if (waiting.isEmpty()) {
                        break;
                    }
                }
                head = head(tenantId);
                List<ChainRecord> links = after(tenantId, head, waiting);
                try {
                    insert(links);
                } catch (DuplicateKeyException takenOrStored) {
                    // another appender took a sequence number, or stored one of these events: the ordered insert
                    // stopped there; which links it stored is read back by event id on the next round
                    links.forEach(link -> tried.put(link.eventId(), link));
                    continue;
                }
                appended.addAll(links);
                waiting = List.of();
            }
            if (!waiting.isEmpty()) {
                throw new IllegalStateException(
                        "could not append to the audit chain after " + MAX_ATTEMPTS + " attempts");
            }
            if (!appended.isEmpty()) {
                advanceHint(tenantId, head == null ? Optional.empty() : head.hint(), appended.getLast());
                appended.stream()
                        .filter(link -> link.seq() % checkpointEvery == 0)
                        .forEach(this::seal);
            }
            return appended;
        });
    }

    /**
     * Ordered bulk inserts of at most {@link #INSERT_CHUNK} links: the local wire server serves a connection's command
     * on one worker thread and holds the collection while it runs, so one insert of a whole poll (500 links of a few
     * KB) kept other clients' commands and heartbeats waiting past their timeouts on a loaded machine.
     */
    private void insert(List<ChainRecord> links) {
        for (int from = 0; from < links.size(); from += INSERT_CHUNK) {
            mongo.insertAll(
                    links.subList(from, Math.min(links.size(), from + INSERT_CHUNK)).stream()
                            .map(StoredLink::of)
                            .toList(),
                    StoredLink.class);
        }
    }

    private static List<Pending> distinct(List<Pending> records) {
        Map<String, Pending> byEvent = new LinkedHashMap<>();
        records.forEach(record -> byEvent.putIfAbsent(record.eventId(), record));
        return List.copyOf(byEvent.values());
    }

    /**
     * The records whose events are not stored yet, in their order; the links of an earlier round that were stored
     * (the same hash: this call wrote them before its insert stopped) are added to {@code appended}.
     */
    private List<Pending> notStored(
            String tenantId, List<Pending> waiting, Map<String, ChainRecord> tried, List<ChainRecord> appended) {
        List<String> ids = waiting.stream().map(Pending::eventId).toList();
        Map<String, String> storedHashes = new HashMap<>();
        mongo.find(Query.query(Criteria.where("eventId").in(ids)), StoredLink.class)
                .forEach(link -> storedHashes.put(link.eventId(), link.hash()));
        List<ChainRecord> ours = new ArrayList<>();
        List<Pending> rest = new ArrayList<>();
        for (Pending record : waiting) {
            String stored = storedHashes.get(record.eventId());
            ChainRecord link = tried.get(record.eventId());
            if (stored == null) {
                rest.add(record);
            } else if (link != null && stored.equals(link.hash())) {
                ours.add(link);
            }
        }
        ours.sort(java.util.Comparator.comparingLong(ChainRecord::seq));
        appended.addAll(ours);
        return rest;
    }

    /** The links of {@code records} chained after {@code head}, in order. */
    private List<ChainRecord> after(String tenantId, Head head, List<Pending> records) {
        List<ChainRecord> links = new ArrayList<>(records.size());
        long seq = head.seq();
        String prevHash = head.hash();
        Instant now = clock.instant();
        for (Pending record : records) {
            ChainRecord link =
                    ChainRecord.link(tenantId, ++seq, record.eventId(), now, record.facts(), record.entry(), prevHash);
            links.add(link);
            prevHash = link.hash();
        }
        return links;
    }

    /** Where the chain ends: the hint when its link is the last one, else the last link, else the signed boundary. */
    private Head head(String tenantId) {
        Optional<AgencyChain> hint = chainOf(tenantId);
        if (hint.isPresent() && hint.get().headSeq() != null) {
            long seq = hint.get().headSeq();
            String hash = hint.get().headHash();
            if (linkAt(seq + 1).isEmpty()
                    && linkAt(seq).map(link -> link.hash().equals(hash)).orElse(false)) {
                return new Head(seq, hash, hint);
            }
        }
        Optional<ChainRecord> last = last(tenantId);
        if (last.isPresent()) {
            return new Head(last.get().seq(), last.get().hash(), hint);
        }
        // after a retention sweep removed every older link, the chain goes on from its signed boundary
        return lastCheckpoint(tenantId)
                .map(c -> new Head(c.seq(), c.hash(), hint))
                .orElseGet(() -> new Head(0, ChainRecord.GENESIS, hint));
    }

    private Optional<AgencyChain> chainOf(String tenantId) {
        return mongo.find(new Query(), AgencyChain.class).stream().findFirst();
    }

    /** By (tenantId, seq): one look-up in the unique index, on the wire server as on MongoDB. */
    private Optional<StoredLink> linkAt(long seq) {
        return mongo.find(Query.query(Criteria.where("seq").is(seq)), StoredLink.class).stream()
                .findFirst();
    }

    /**
     * Moves the agency's head hint to {@code newest} with a conditional write (from the hint this append read); a lost
     * race reads the hint again and stops when another appender already moved it further. The first append of an
     * agency records that it has a chain. A hint left behind costs the next append a read of the last link, no more.
     */
    private void advanceHint(String tenantId, Optional<AgencyChain> read, ChainRecord newest) {
        Optional<AgencyChain> hint = read;
        Update update = new Update().set("headSeq", newest.seq()).set("headHash", newest.hash());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (hint.isEmpty()) {
                try {
                    mongo.insert(new AgencyChain(tenantId, tenantId, newest.seq(), newest.hash()));
                    return;
                } catch (DuplicateKeyException anotherAppenderWasFirst) {
                    hint = chainOf(tenantId);
                    continue;
                }
            }
            Long seq = hint.get().headSeq();
            if (seq != null && seq >= newest.seq()) {
                return;
            }
            boolean moved = seq == null
                    ? mongo.updateIfPresent(tenantId, update, AgencyChain.class)
                    : mongo.updateIfVersion(tenantId, seq, "headSeq", update, AgencyChain.class);
            if (moved) {
                return;
            }
            hint = chainOf(tenantId);
        }
    }

    /** Signs {@code link}: every {@code checkpoint-every} records; another replica signing it too is no harm. */
    private void seal(ChainRecord link) {
        Checkpoint unsigned =
                new Checkpoint(link.tenantId(), link.seq(), link.hash(), ChainRecord.time(clock.instant()), null);
        Checkpoint signed = new Checkpoint(
                unsigned.tenantId(), unsigned.seq(), unsigned.hash(), unsigned.signedAt(), signer.sign(unsigned));
        try {
            mongo.insert(StoredCheckpoint.of(signed));
        } catch (DuplicateKeyException signedAlready) {
            // the checkpoint of this sequence number exists
        }
    }

    /**
     * Signs the chain's current last link, unless it is signed already. The last link is found as an append finds it
     * (the checked head hint: two look-ups by sequence number), not by sorting the chain, which on a store without
     * indexes reads every record of the agency.
     */
    public Optional<Checkpoint> checkpoint(String tenantId) {
        return as(tenantId, () -> {
            Head last = head(tenantId);
            if (last.seq() == 0
                    || lastCheckpoint(tenantId).map(c -> c.seq() >= last.seq()).orElse(false)) {
                return Optional.<Checkpoint>empty();
            }
            Checkpoint unsigned =
                    new Checkpoint(tenantId, last.seq(), last.hash(), ChainRecord.time(clock.instant()), null);
            Checkpoint signed = new Checkpoint(
                    tenantId, unsigned.seq(), unsigned.hash(), unsigned.signedAt(), signer.sign(unsigned));
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
        return as(
                tenantId,
                () ->
                        mongo
                                .find(
                                        new Query()
                                                .with(Sort.by(Sort.Direction.DESC, "seq"))
                                                .limit(1),
                                        StoredLink.class)
                                .stream()
                                .findFirst()
                                .map(StoredLink::record));
    }

    public Optional<ChainRecord> byEvent(String tenantId, String eventId) {
        return as(
                tenantId,
                () -> mongo.find(Query.query(Criteria.where("eventId").is(eventId)), StoredLink.class).stream()
                        .findFirst()
                        .map(StoredLink::record));
    }

    /** The sequence number of the stored record whose hash is {@code hash}, if any. */
    public Optional<Long> seqOfHash(String tenantId, String hash) {
        return as(
                tenantId,
                () -> mongo.find(Query.query(Criteria.where("hash").is(hash)).limit(1), StoredLink.class).stream()
                        .findFirst()
                        .map(StoredLink::seq));
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
                    as(
                                    tenantId,
                                    () -> mongo.find(
                                            Query.query(Criteria.where("seq").gt(after))
                                                    .with(Sort.by("seq"))
                                                    .limit(BATCH),
                                            StoredLink.class))
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
        return as(
                tenantId,
                () -> mongo.find(new Query().with(Sort.by("seq")), StoredCheckpoint.class).stream()
                        .map(StoredCheckpoint::checkpoint)
                        .toList());
    }

    public Optional<Checkpoint> lastCheckpoint(String tenantId) {
        return as(
                tenantId,
                () ->
                        mongo
                                .find(
                                        new Query()
                                                .with(Sort.by(Sort.Direction.DESC, "seq"))
                                                .limit(1),
                                        StoredCheckpoint.class)
                                .stream()
                                .findFirst()
                                .map(StoredCheckpoint::checkpoint));
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
                Optional<StoredLink> record =
                        mongo.findById(ChainRecord.idOf(tenantId, checkpoint.seq()), StoredLink.class);
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

    /** Runs {@code work} as agency {@code tenantId}: a job or the command line may name any agency. */
    private static <T> T as(String tenantId, Supplier<T> work) {
        if (TenantContext.find().map(t -> t.value().equals(tenantId)).orElse(false)) {
            return work.get();
        }
        return TenantContext.callAs(TenantId.of(tenantId), work);
    }
}
