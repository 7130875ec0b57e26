package org.hearth.platform.events;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hearth.platform.observability.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes outbox entries to Kafka ({@code acks=all}, idempotent producer) and removes each one only
 * after the broker confirmed it. At-least-once: a crash between the two publishes the entry again, and
 * consumers drop the duplicate by its {@code ce_id}. Entries of one document go out in order; a failed
 * send stops that document until the next round, so nothing overtakes and nothing is lost.
 * Works across all agencies on purpose: it is infrastructure, not a tenant's request.
 *
 * <p>Pending documents are found by their {@code outboxPending} flag (set in the same write as the entries, see
 * {@link OutboxEntry#PENDING}; sparse index on it), not by scanning every document's array: aggregates keep their
 * documents after their outbox is drained, so the collection is mostly documents with nothing to send. The relay
 * removes the flag in the write that removes the last entries it read, then reads those documents again by id and
 * flags any that gained an entry meanwhile (see {@link #reflagAppendedMeanwhile}). Once a minute, and on the first
 * round, documents with entries but no flag (written by an older version during a rolling upgrade, or by hand) get
 * the flag, so no write path can strand an event.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    /** How often the relay also looks for pending entries written without the flag (the safety net above). */
    static final Duration UNFLAGGED_SWEEP = Duration.ofMinutes(1);

    private final MongoOperations mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<OutboxCollection> collections;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread worker;
    private volatile boolean running;
    private volatile long lastSweep = Long.MIN_VALUE;
    private final AtomicLong publishedTotal = new AtomicLong();
    private final Traces traces;

    public OutboxRelay(
            MongoOperations mongo,
            KafkaTemplate<String, String> kafka,
            List<OutboxCollection> collections,
            Duration pollInterval,
            Duration sendTimeout) {
        this(mongo, kafka, collections, pollInterval, sendTimeout, Traces.NONE);
    }

    /**
     * @param traces each entry is published in a span continuing the trace of the request that wrote it (its stored
     *               {@code traceparent}), so the trace goes on across Kafka although the relay runs on its own thread
     */
    public OutboxRelay(
            MongoOperations mongo,
            KafkaTemplate<String, String> kafka,
            List<OutboxCollection> collections,
            Duration pollInterval,
            Duration sendTimeout,
            Traces traces) {
        this.traces = traces;
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.pollInterval = pollInterval;
        this.sendTimeout = sendTimeout;
    }

    public void wakeUp() {
        wakeUp.release();
    }

    /** Entries published since this relay was created (for the benchmark and metrics). */
    public long published() {
        return publishedTotal.get();
    }

    /**
     * One pass over every outbox collection; returns how many entries were published. All entries of a batch of
     * documents are sent at once (the producer pipelines them; one document's entries share a key, so they stay in
     * order on their partition), then each document loses the entries the broker confirmed, up to its first failure.
     */
    public int relayOnce() {
        flagUnflaggedWhenDue();
        int published = 0;
        for (OutboxCollection collection : collections) {
            published += relayBatch(collection);
        }
        publishedTotal.addAndGet(published);
        return published;
    }

    private int relayBatch(OutboxCollection collection) {
        MongoCollection<Document> documents = mongo.getCollection(collection.name());
        List<Document> batch = documents
                .find(Filters.eq(OutboxEntry.PENDING, true))
                .limit(BATCH)
                .into(new ArrayList<>());
        if (batch.isEmpty()) {
            return 0;
        }
        List<List<CompletableFuture<?>>> sends = new ArrayList<>();
        for (Document document : batch) {
            List<CompletableFuture<?>> ofDocument = new ArrayList<>();
            for (Document entry : entries(document)) {
                ofDocument.add(send(entry));
            }
            sends.add(ofDocument);
        }
        int published = 0;
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<Object> cleared = new ArrayList<>();
        List<Object> drained = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Document document = batch.get(i);
            Object id = document.get("_id");
            List<Document> entries = entries(document);
            List<Object> confirmed = new ArrayList<>();
            for (int e = 0; e < entries.size(); e++) {
                if (!confirmed(sends.get(i).get(e), entries.get(e), documents)) {
                    break; // later entries of this document wait for the next round, in order
                }
                confirmed.add(entries.get(e).getString("eventId"));
            }
            published += confirmed.size();
            boolean all = confirmed.size() == entries.size();
            if (all && collection.deleteWhenDrained()) {
                drained.add(id);
            }
            // filters on _id alone: the MongoDB wire server uses an index only for those (a real mongod too)
            Bson pull = Updates.pull(OutboxEntry.FIELD, new Document("eventId", new Document("$in", confirmed)));
            if (all) {
                writes.add(new UpdateOneModel<>(
                        Filters.eq("_id", id), Updates.combine(pull, Updates.unset(OutboxEntry.PENDING))));
                cleared.add(id);
            } else if (!confirmed.isEmpty()) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", id), pull));
            }
        }
        // one round trip for the whole batch; unordered: each document's write stands on its own
        if (!writes.isEmpty()) {
            documents.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        reflagAppendedMeanwhile(documents, cleared);
        if (!drained.isEmpty()) {
            for (Object id : drained) {
                documents.deleteOne(Filters.and(Filters.eq("_id", id), Filters.size(OutboxEntry.FIELD, 0)));
            }
        }
        return published;
    }

    /**
     * An entry appended between our read and our write lost its flag to our unset. Every append sets the flag
     * itself, so after our write only those entries can be unflagged: one read by id finds them and flags them again.
     */
    private static void reflagAppendedMeanwhile(MongoCollection<Document> documents, List<Object> cleared) {
        if (cleared.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> reflags = new ArrayList<>();
        for (Document document :
                documents.find(Filters.in("_id", cleared)).projection(new Document(OutboxEntry.FIELD, 1))) {
            if (!entries(document).isEmpty()) {
                reflags.add(new UpdateOneModel<>(
                        Filters.eq("_id", document.get("_id")), Updates.set(OutboxEntry.PENDING, true)));
            }
        }
        if (!reflags.isEmpty()) {
            documents.bulkWrite(reflags, new BulkWriteOptions().ordered(false));
        }
    }

    private static List<Document> entries(Document document) {
        List<Document> entries = document.getList(OutboxEntry.FIELD, Document.class);
        return entries == null ? List.of() : entries;
    }

    /** The safety net: flags documents that carry entries without the flag. A scan, so only once a minute. */
    private void flagUnflaggedWhenDue() {
        long now = System.nanoTime();
        if (lastSweep != Long.MIN_VALUE && now - lastSweep < UNFLAGGED_SWEEP.toNanos()) {
            return;
        }
        lastSweep = now;
        for (OutboxCollection collection : collections) {
            mongo.getCollection(collection.name())
                    .updateMany(
                            Filters.and(
                                    Filters.exists(OutboxEntry.FIELD + ".0"), Filters.ne(OutboxEntry.PENDING, true)),
                            Updates.set(OutboxEntry.PENDING, true));
        }
    }

    /**
     * A send that fails at once (no metadata, broker unreachable) is a failed future like any other. The record's
     * {@code traceparent} names the relay's span, child of the stored one (the producer's own span replaces it when
     * Spring Kafka's observation is on); without tracing the stored one goes out as it is.
     */
    private CompletableFuture<?> send(Document entry) {
        try {
            return traces.continuing(entry.getString("traceparent"), "outbox publish", () -> {
                ProducerRecord<String, String> record = record(entry);
                traces.currentTraceparent().ifPresent(current -> {
                    record.headers().remove(CloudEventHeaders.TRACEPARENT);
                    add(record.headers(), CloudEventHeaders.TRACEPARENT, current);
                });
                return kafka.send(record);
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private boolean confirmed(CompletableFuture<?> send, Document entry, MongoCollection<Document> documents) {
        try {
            send.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn(
                    "Outbox entry {} of {} not published yet, will retry: {}",
                    entry.getString("eventId"),
                    documents.getNamespace().getCollectionName(),
                    e.toString());
            return false;
        }
    }

    static ProducerRecord<String, String> record(Document entry) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(entry.getString("topic"), entry.getString("key"), entry.getString("payload"));
        Headers headers = record.headers();
        add(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        add(headers, CloudEventHeaders.ID, entry.getString("eventId"));
        add(headers, CloudEventHeaders.SOURCE, entry.getString("source"));
        add(headers, CloudEventHeaders.TYPE, entry.getString("type"));
        add(headers, CloudEventHeaders.SUBJECT, entry.getString("subject"));
        Date time = entry.getDate("time");
        add(
                headers,
                CloudEventHeaders.TIME,
                time == null ? null : Instant.ofEpochMilli(time.getTime()).toString());
        add(headers, CloudEventHeaders.TENANT, entry.getString("tenantId"));
        add(headers, CloudEventHeaders.CORRELATION, entry.getString("correlationId"));
        add(headers, CloudEventHeaders.TRACEPARENT, entry.getString("traceparent"));
        add(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return record;
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void loop() {
        while (running) {
            int published = 0;
            try {
                published = relayOnce();
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed, retrying: {}", e.toString());
            }
            if (published > 0) {
                continue; // something was pending: look again at once, a backlog drains without poll gaps
            }
            try {
                if (wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        if (collections.isEmpty()) {
            return;
        }
        ensurePendingIndexes();
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    /** Sparse: only pending documents are in it, so finding them costs what the backlog costs, not the collection. */
    private void ensurePendingIndexes() {
        for (OutboxCollection collection : collections) {
            try {
                mongo.getCollection(collection.name())
                        .createIndex(
                                Indexes.ascending(OutboxEntry.PENDING),
                                new IndexOptions().sparse(true).name("outbox_pending"));
            } catch (RuntimeException e) {
                log.warn("No outbox_pending index on {}, the relay will scan: {}", collection.name(), e.toString());
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
