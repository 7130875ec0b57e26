package org.hearth.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hearth.platform.test.HearthTestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the audit-service (two clients, two stores) append to the same agency's chain at the same time, as
 * two consumers of different partitions would; the chain never forks, no sequence number is used twice or skipped, and
 * an event delivered to both is stored once.
 */
class ConcurrentAppendIT {

    @Test
    void twoReplicasAppendingConcurrentlyNeverForkTheChain() throws Exception {
        try (ChainFixture chain = new ChainFixture(25);
                MongoClient second = MongoClients.create(HearthTestInfrastructure.mongoUri(chain.database))) {
            String agency = UUID.randomUUID().toString();
            List<ChainStore> replicas = List.of(chain.store, chain.replica(second, 25));
            int perWorker = 60;
            int workers = 4;
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                ChainStore replica = replicas.get(w % 2);
                int worker = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perWorker; i++) {
                        ChainFixture.append(replica, agency, "event-" + worker + "-" + i);
                        // the same event redelivered to the other replica
                        if (i % 10 == 0) {
                            ChainFixture.append(replicas.get((worker + 1) % 2), agency, "event-" + worker + "-" + i);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();

            long stored = chain.records.countDocuments(Filters.eq("tenantId", agency));
            Verification verification = chain.verifier.verify(agency);
            assertThat(stored).isEqualTo((long) perWorker * workers);
            assertThat(verification.intact()).as(verification.line()).isTrue();
            assertThat(verification.firstSeq()).isEqualTo(1);
            assertThat(verification.lastSeq()).isEqualTo(perWorker * workers);
            assertThat(chain.records.distinct("prevHash", String.class).into(new ArrayList<>()))
                    .as("no two records chain to the same predecessor")
                    .hasSize(perWorker * workers);
        }
    }

    /**
     * The same with whole polls: each worker appends batches of 20, and every batch also carries 5 events of the
     * worker before it, which both replicas may be storing at that moment (a redelivery after a rebalance).
     */
    @Test
    void twoReplicasAppendingBatchesConcurrentlyNeverForkTheChainNorStoreAnEventTwice() throws Exception {
        try (ChainFixture chain = new ChainFixture(25);
                MongoClient second = MongoClients.create(HearthTestInfrastructure.mongoUri(chain.database))) {
            String agency = UUID.randomUUID().toString();
            List<ChainStore> replicas = List.of(chain.store, chain.replica(second, 25));
            int batches = 8;
            int perBatch = 20;
            int workers = 4;
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                ChainStore replica = replicas.get(w % 2);
                int worker = w;
                int before = (w + workers - 1) % workers;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int b = 0; b < batches; b++) {
                        List<ChainStore.Pending> poll = new ArrayList<>(
                                ChainFixture.pending("event-" + worker + "-", b * perBatch, (b + 1) * perBatch));
                        poll.addAll(ChainFixture.pending("event-" + before + "-", b * perBatch, b * perBatch + 5));
                        replica.appendAll(agency, poll);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();

            int expected = batches * perBatch * workers;
            Verification verification = chain.verifier.verify(agency);
            assertThat(chain.records.countDocuments(Filters.eq("tenantId", agency)))
                    .isEqualTo(expected);
            assertThat(chain.records.distinct("eventId", String.class).into(new ArrayList<>()))
                    .hasSize(expected);
            assertThat(verification.intact()).as(verification.line()).isTrue();
            assertThat(verification.lastSeq()).isEqualTo(expected);
            assertThat(chain.records.distinct("prevHash", String.class).into(new ArrayList<>()))
                    .as("no two records chain to the same predecessor")
                    .hasSize(expected);
            assertThat(chain.store.checkpoints(agency))
                    .extracting(Checkpoint::seq)
                    .as("every 25 records, whichever replica stored them")
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, expected / 25)
                            .map(i -> i * 25)
                            .boxed()
                            .toList());
        }
    }
}
