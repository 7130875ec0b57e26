package org.hearth.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Appending a batch: each event once and in the given order, after whatever the chain holds, checkpoints every N
 * records across batches, and a head hint that lags behind or points at a removed link never makes the chain fork.
 */
class ChainBatchIT {

    final String agency = UUID.randomUUID().toString();
    final ChainFixture chain = new ChainFixture(5);

    @AfterEach
    void close() {
        chain.close();
    }

    @Test
    void aBatchIsChainedInItsOrderWithCheckpointsEveryNRecords() {
        List<ChainRecord> first = chain.store.appendAll(agency, ChainFixture.pending("event-", 1, 8));
        List<ChainRecord> second = chain.store.appendAll(agency, ChainFixture.pending("event-", 8, 13));

        assertThat(first).extracting(ChainRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(second).extracting(ChainRecord::seq).containsExactly(8L, 9L, 10L, 11L, 12L);
        assertThat(second.getFirst().prevHash()).isEqualTo(first.getLast().hash());
        assertThat(eventIds())
                .containsExactly(
                        "event-1",
                        "event-2",
                        "event-3",
                        "event-4",
                        "event-5",
                        "event-6",
                        "event-7",
                        "event-8",
                        "event-9",
                        "event-10",
                        "event-11",
                        "event-12");
        assertThat(chain.store.checkpoints(agency)).extracting(Checkpoint::seq).containsExactly(5L, 10L);
        Verification verification = chain.verifier.verify(agency);
        assertThat(verification.intact()).as(verification.line()).isTrue();
        assertThat(verification.lastSeq()).isEqualTo(12);
    }

    @Test
    void eventsAlreadyStoredOrTwiceInTheBatchAreLeftOut() {
        chain.store.appendAll(agency, ChainFixture.pending("event-", 1, 6));

        List<ChainStore.Pending> redelivered = new ArrayList<>(ChainFixture.pending("event-", 3, 9));
        redelivered.add(ChainFixture.pending("event-7"));
        List<ChainRecord> appended = chain.store.appendAll(agency, redelivered);

        assertThat(appended).extracting(ChainRecord::eventId).containsExactly("event-6", "event-7", "event-8");
        assertThat(appended).extracting(ChainRecord::seq).containsExactly(6L, 7L, 8L);
        assertThat(chain.store.appendAll(agency, ChainFixture.pending("event-", 1, 9)))
                .as("all stored")
                .isEmpty();
        assertThat(eventIds()).hasSize(8).doesNotHaveDuplicates();
        assertThat(chain.verifier.verify(agency).intact()).isTrue();
    }

    @Test
    void aBatchWrittenInSeveralInsertsStopsAtAStoredEventAndGoesOnAfterTheLinksItStored() {
        chain.store.appendAll(agency, ChainFixture.pending("event-", 1, 151));
        List<ChainStore.Pending> poll = new ArrayList<>(ChainFixture.pending("event-", 151, 251));
        poll.add(ChainFixture.pending("event-120"));
        poll.addAll(ChainFixture.pending("event-", 251, 301));

        List<ChainRecord> appended = chain.store.appendAll(agency, poll);

        assertThat(appended)
                .extracting(ChainRecord::eventId)
                .containsExactlyElementsOf(ChainFixture.pending("event-", 151, 301).stream()
                        .map(ChainStore.Pending::eventId)
                        .toList());
        assertThat(appended)
                .extracting(ChainRecord::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(151, 300)
                        .boxed()
                        .toList());
        assertThat(eventIds()).hasSize(300).doesNotHaveDuplicates();
        Verification verification = chain.verifier.verify(agency);
        assertThat(verification.intact()).as(verification.line()).isTrue();
        assertThat(verification.checkpoints()).isEqualTo(60);
    }

    @Test
    void aHintLeftBehindIsPassedAndTheChainGoesOnFromItsLastLink() {
        chain.store.appendAll(agency, ChainFixture.pending("event-", 1, 11));
        // a replica stored links 6 to 10 and stopped before it moved the hint
        Document fifth = chain.records
                .find(Filters.and(Filters.eq("tenantId", agency), Filters.eq("seq", 5L)))
                .first();
        chain.db
                .getCollection("audit_chains")
                .updateOne(
                        Filters.eq("_id", agency),
                        Updates.combine(Updates.set("headSeq", 5L), Updates.set("headHash", fifth.getString("hash"))));

        List<ChainRecord> appended = chain.store.appendAll(agency, ChainFixture.pending("event-", 11, 14));

        assertThat(appended).extracting(ChainRecord::seq).containsExactly(11L, 12L, 13L);
        assertThat(chain.db
                        .getCollection("audit_chains")
                        .find(Filters.eq("_id", agency))
                        .first()
                        .get("headSeq"))
                .as("the hint moved on")
                .isEqualTo(13L);
        Verification verification = chain.verifier.verify(agency);
        assertThat(verification.intact()).as(verification.line()).isTrue();
        assertThat(verification.lastSeq()).isEqualTo(13);
    }

    @Test
    void aHintWhoseLinkIsGoneIsNotTrusted() {
        chain.store.appendAll(agency, ChainFixture.pending("event-", 1, 11));
        chain.records.deleteOne(Filters.and(Filters.eq("tenantId", agency), Filters.eq("seq", 10L)));

        List<ChainRecord> appended = chain.store.appendAll(agency, ChainFixture.pending("event-", 11, 12));

        assertThat(appended.getFirst().seq())
                .as("after the last stored link, not after the hint")
                .isEqualTo(10);
        assertThat(appended.getFirst().prevHash())
                .isEqualTo(chain.records
                        .find(Filters.and(Filters.eq("tenantId", agency), Filters.eq("seq", 9L)))
                        .first()
                        .getString("hash"));
        assertThat(chain.records.countDocuments(Filters.eq("tenantId", agency))).isEqualTo(10);
    }

    @Test
    void aChainFromBeforeTheHintIsFoundByItsLastLink() {
        chain.store.appendAll(agency, ChainFixture.pending("event-", 1, 4));
        chain.db
                .getCollection("audit_chains")
                .updateOne(
                        Filters.eq("_id", agency),
                        Updates.combine(Updates.unset("headSeq"), Updates.unset("headHash")));

        assertThat(chain.store.appendAll(agency, ChainFixture.pending("event-", 4, 6)))
                .extracting(ChainRecord::seq)
                .containsExactly(4L, 5L);
        assertThat(chain.db
                        .getCollection("audit_chains")
                        .find(Filters.eq("_id", agency))
                        .first()
                        .get("headSeq"))
                .isEqualTo(5L);
        assertThat(chain.verifier.verify(agency).intact()).isTrue();
        assertThat(chain.store.agencies()).contains(agency);
    }

    private List<String> eventIds() {
        List<String> ids = new ArrayList<>();
        for (Iterator<ChainRecord> it = chain.store.inOrder(agency); it.hasNext(); ) {
            ids.add(it.next().eventId());
        }
        return ids;
    }
}
