package org.hearth.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone with write access to the database (not to the signing key) changes, removes, swaps or rewrites stored
 * records directly in MongoDB; the verification names the first broken link by its sequence number each time.
 */
class ChainTamperIT {

    final String agency = UUID.randomUUID().toString();
    ChainFixture chain;

    @BeforeEach
    void tenRecords() {
        chain = new ChainFixture(5);
        for (int i = 1; i <= 10; i++) {
            chain.append(agency, "event-" + i);
        }
        assertThat(chain.verifier.verify(agency).intact()).isTrue();
    }

    @AfterEach
    void close() {
        chain.close();
    }

    @Test
    void anUntouchedChainIsIntactWithItsCheckpoints() {
        Verification verification = chain.verifier.verify(agency);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.records()).isEqualTo(10);
        assertThat(verification.firstSeq()).isEqualTo(1);
        assertThat(verification.lastSeq()).isEqualTo(10);
        assertThat(verification.checkpoints()).isEqualTo(2);
        assertThat(verification.line()).contains("intact, 10 records");
    }

    @Test
    void aChangedFieldIsNamed() {
        chain.records.updateOne(seq(4), Updates.set("facts.actor", "someone-else"));

        Verification verification = chain.verifier.verify(agency);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenAt()).isEqualTo(4);
        assertThat(verification.problem()).isEqualTo("CHANGED");
        assertThat(verification.detail()).contains("record 4");
    }

    @Test
    void aRemovedRecordIsNamed() {
        chain.records.deleteOne(seq(7));

        Verification verification = chain.verifier.verify(agency);

        assertThat(verification.brokenAt()).isEqualTo(7);
        assertThat(verification.problem()).isEqualTo("REMOVED");
        assertThat(verification.detail()).contains("record 7 was removed");
    }

    @Test
    void twoSwappedRecordsAreNamed() {
        chain.records.updateOne(seq(6), Updates.set("seq", -6L));
        chain.records.updateOne(seq(7), Updates.set("seq", 6L));
        chain.records.updateOne(seq(-6), Updates.set("seq", 7L));

        Verification verification = chain.verifier.verify(agency);

        assertThat(verification.brokenAt()).isEqualTo(6);
        assertThat(verification.problem()).isEqualTo("REORDERED");
        assertThat(verification.detail()).contains("records 6 and 7 are out of order");
    }

    @Test
    void aRecordChangedAndReHashedIsNamedByItsSuccessor() {
        Document third = chain.records.find(seq(3)).first();
        ChainRecord changed = ChainRecord.from(third);
        changed.facts().put("actor", "someone-else");
        String rehashed = new ChainRecord(
                        changed.tenantId(),
                        changed.seq(),
                        changed.eventId(),
                        changed.recordedAt(),
                        changed.facts(),
                        changed.entry(),
                        changed.prevHash(),
                        null)
                .computeHash();
        chain.records.updateOne(
                seq(3), Updates.combine(Updates.set("facts.actor", "someone-else"), Updates.set("hash", rehashed)));

        Verification verification = chain.verifier.verify(agency);

        assertThat(verification.brokenAt()).isEqualTo(3);
        assertThat(verification.problem()).isEqualTo("CHANGED");
        assertThat(verification.detail()).contains("record 3 was changed and re-hashed");
    }

    @Test
    void aWholeChainRewrittenWithoutTheKeyDisagreesWithTheSignedCheckpoint() {
        String prev = ChainRecord.GENESIS;
        for (long s = 1; s <= 10; s++) {
            ChainRecord r = ChainRecord.from(chain.records.find(seq(s)).first());
            if (s == 2) {
                r.facts().put("actor", "someone-else");
            }
            ChainRecord relinked = new ChainRecord(
                    r.tenantId(), r.seq(), r.eventId(), r.recordedAt(), r.facts(), r.entry(), prev, null);
            String hash = relinked.computeHash();
            chain.records.replaceOne(
                    seq(s),
                    new ChainRecord(
                                    r.tenantId(),
                                    r.seq(),
                                    r.eventId(),
                                    r.recordedAt(),
                                    r.facts(),
                                    r.entry(),
                                    prev,
                                    hash)
                            .toDocument());
            prev = hash;
        }

        Verification verification = chain.verifier.verify(agency);

        assertThat(verification.brokenAt()).isEqualTo(5);
        assertThat(verification.problem()).isEqualTo("CHANGED");
        assertThat(verification.detail()).contains("signed checkpoint");
    }

    @Test
    void aForgedCheckpointIsRefused() {
        chain.checkpoints.updateOne(
                Filters.and(Filters.eq("tenantId", agency), Filters.eq("seq", 10L)),
                Updates.set("signature", "Zm9yZ2Vk"));

        Verification verification = chain.verifier.verify(agency);

        assertThat(verification.brokenAt()).isEqualTo(10);
        assertThat(verification.problem()).isEqualTo("BAD_CHECKPOINT");
    }

    @Test
    void theLastRecordsRemovedAreFoundByTheLastCheckpoint() {
        chain.records.deleteMany(Filters.and(Filters.eq("tenantId", agency), Filters.gte("seq", 9L)));

        Verification verification = chain.verifier.verify(agency);

        assertThat(verification.brokenAt()).isEqualTo(9);
        assertThat(verification.problem()).isEqualTo("TRUNCATED");
    }

    @Test
    void theRetentionSweepRemovesOnlyWholeCheckpointedSegmentsAndTheRestStillVerifies() {
        chain.clock.advance(Duration.ofDays(2200));
        for (int i = 11; i <= 13; i++) {
            chain.append(agency, "event-" + i);
        }

        long removed = chain.store.sweep(agency, chain.clock.instant().minus(Duration.ofDays(2192)));

        assertThat(removed).isEqualTo(10);
        Verification verification = chain.verifier.verify(agency);
        assertThat(verification.intact()).as(verification.line()).isTrue();
        assertThat(verification.firstSeq()).isEqualTo(11);
        assertThat(verification.lastSeq()).isEqualTo(13);
        // and a record removed right after the boundary is still named
        chain.records.deleteOne(seq(11));
        assertThat(chain.verifier.verify(agency).brokenAt()).isEqualTo(11);
    }

    @Test
    void anotherAgencysChainIsSeparate() {
        String other = UUID.randomUUID().toString();
        chain.append(other, "event-1");
        chain.records.deleteOne(seq(5));

        assertThat(chain.verifier.verify(other).intact()).isTrue();
        assertThat(chain.store.byEvent(other, "event-1").orElseThrow().seq()).isEqualTo(1);
    }

    private org.bson.conversions.Bson seq(long seq) {
        return Filters.and(Filters.eq("tenantId", agency), Filters.eq("seq", seq));
    }
}
