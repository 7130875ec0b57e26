package org.hearth.audit.chain;

import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Walks an agency's chain from its oldest kept record and reports the first broken link:
 * <ul>
 * <li>REMOVED: a sequence number is missing (or the records after the last checkpoint are gone: TRUNCATED);</li>
 * <li>REORDERED: a record's {@code prevHash} is the hash of a record stored at another place in the chain;</li>
 * <li>CHANGED: a record's content no longer gives its hash, or its successor chained to another hash, or a signed
 * checkpoint disagrees with the record at its sequence number (the chain was rewritten and re-hashed);</li>
 * <li>BAD_CHECKPOINT: a checkpoint's signature is not ours.</li>
 * </ul>
 */
public final class ChainVerifier {

    private final ChainStore store;
    private final CheckpointSigner signer;
    private final Clock clock;

    public ChainVerifier(ChainStore store, CheckpointSigner signer, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.clock = clock;
    }

    public Verification verify(String agency) {
        List<Checkpoint> checkpoints = store.checkpoints(agency);
        Walk walk = new Walk(agency, checkpoints.size());
        for (Checkpoint checkpoint : checkpoints) {
            if (!signer.verify(checkpoint)) {
                return walk.broken(
                        checkpoint.seq(),
                        "BAD_CHECKPOINT",
                        "the checkpoint at sequence %d is not signed with this deployment's key"
                                .formatted(checkpoint.seq()));
            }
        }
        Map<Long, Checkpoint> signed =
                checkpoints.stream().collect(Collectors.toMap(Checkpoint::seq, Function.identity()));
        Iterator<ChainRecord> records = store.inOrder(agency);
        ChainRecord previous = null;
        while (records.hasNext()) {
            ChainRecord record = records.next();
            Optional<Verification> broken =
                    previous == null ? first(walk, record, signed) : next(walk, previous, record);
            if (broken.isPresent()) {
                return broken.get();
            }
            if (!record.computeHash().equals(record.hash())) {
                return walk.broken(
                        record.seq(),
                        "CHANGED",
                        "record %d was changed after it was stored: its content no longer gives its hash"
                                .formatted(record.seq()));
            }
            Checkpoint checkpoint = signed.get(record.seq());
            if (checkpoint != null && !checkpoint.hash().equals(record.hash())) {
                return walk.broken(
                        record.seq(),
                        "CHANGED",
                        ("record %d differs from the signed checkpoint at its sequence "
                                        + "number: the chain up to it was rewritten")
                                .formatted(record.seq()));
            }
            walk.passed(record);
            previous = record;
        }
        Optional<Checkpoint> lastSigned = checkpoints.stream().reduce((a, b) -> b);
        long lastSeq = previous == null ? 0 : previous.seq();
        if (lastSigned.isPresent() && lastSigned.get().seq() > lastSeq) {
            return walk.broken(
                    lastSeq + 1,
                    "TRUNCATED",
                    ("records from sequence %d on were removed: a signed checkpoint " + "vouches for sequence %d")
                            .formatted(lastSeq + 1, lastSigned.get().seq()));
        }
        return walk.intact();
    }

    /** The oldest kept record: sequence 1 after the genesis hash, or the successor of a signed retention boundary. */
    private Optional<Verification> first(Walk walk, ChainRecord record, Map<Long, Checkpoint> signed) {
        if (record.seq() == 1) {
            return ChainRecord.GENESIS.equals(record.prevHash()) ? Optional.empty() : reordered(walk, record, 0);
        }
        Checkpoint boundary = signed.get(record.seq() - 1);
        if (boundary == null) {
            return Optional.of(walk.broken(
                    record.seq() - 1,
                    "REMOVED",
                    "records before sequence %d were removed (%s)"
                            .formatted(
                                    record.seq(),
                                    record.seq() == 2 ? "sequence 1" : "sequences 1 to " + (record.seq() - 1))));
        }
        return boundary.hash().equals(record.prevHash()) ? Optional.empty() : reordered(walk, record, record.seq() - 1);
    }

    private Optional<Verification> next(Walk walk, ChainRecord previous, ChainRecord record) {
        long expected = previous.seq() + 1;
        if (record.seq() != expected) {
            return Optional.of(walk.broken(
                    expected,
                    "REMOVED",
                    record.seq() == expected + 1
                            ? "record %d was removed (record %d follows record %d)"
                                    .formatted(expected, record.seq(), previous.seq())
                            : "records %d to %d were removed".formatted(expected, record.seq() - 1)));
        }
        if (record.prevHash().equals(previous.hash())) {
            return Optional.empty();
        }
        return reordered(walk, record, previous.seq());
    }

    /** {@code record} does not chain to the link before it: find what it did chain to. */
    private Optional<Verification> reordered(Walk walk, ChainRecord record, long previousSeq) {
        Optional<Long> chainedTo = store.seqOfHash(walk.agency, record.prevHash());
        if (chainedTo.isPresent() && chainedTo.get() != previousSeq) {
            long other = chainedTo.get() == record.seq() - 1 ? record.seq() : chainedTo.get();
            return Optional.of(walk.broken(
                    record.seq(),
                    "REORDERED",
                    ("records %d and %d are out of order: record %d was "
                                    + "written after the record now at sequence %d")
                            .formatted(
                                    Math.min(record.seq(), other),
                                    Math.max(record.seq(), other),
                                    record.seq(),
                                    chainedTo.get())));
        }
        return Optional.of(walk.broken(
                previousSeq,
                "CHANGED",
                ("record %d was changed and re-hashed: record %d chained " + "to another hash")
                        .formatted(previousSeq, record.seq())));
    }

    private final class Walk {
        final String agency;
        final int checkpoints;
        long records;
        Long firstSeq;
        Long lastSeq;

        Walk(String agency, int checkpoints) {
            this.agency = agency;
            this.checkpoints = checkpoints;
        }

        void passed(ChainRecord record) {
            records++;
            if (firstSeq == null) {
                firstSeq = record.seq();
            }
            lastSeq = record.seq();
        }

        Verification broken(long at, String problem, String detail) {
            return new Verification(
                    agency,
                    false,
                    records,
                    firstSeq,
                    lastSeq,
                    checkpoints,
                    at,
                    problem,
                    detail,
                    ChainRecord.time(clock.instant()));
        }

        Verification intact() {
            return new Verification(
                    agency,
                    true,
                    records,
                    firstSeq,
                    lastSeq,
                    checkpoints,
                    null,
                    null,
                    null,
                    ChainRecord.time(clock.instant()));
        }
    }
}
