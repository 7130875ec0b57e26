package org.hearth.audit.chain;

/**
 * The result of walking one agency's chain.
 *
 * @param intact      no broken link, every checkpoint signed by our key and matching its record
 * @param brokenAt    the sequence number of the first broken link (null when intact)
 * @param problem     CHANGED, REMOVED, REORDERED, TRUNCATED or BAD_CHECKPOINT (null when intact)
 * @param detail      one sentence naming the sequence numbers involved
 */
public record Verification(
        String agency,
        boolean intact,
        long records,
        Long firstSeq,
        Long lastSeq,
        int checkpoints,
        Long brokenAt,
        String problem,
        String detail,
        String verifiedAt) {

    public String line() {
        return intact
                ? "agency %s: intact, %d records (%s..%s), %d signed checkpoints"
                        .formatted(agency, records, firstSeq, lastSeq, checkpoints)
                : "agency %s: BROKEN at sequence %d (%s): %s".formatted(agency, brokenAt, problem, detail);
    }
}
