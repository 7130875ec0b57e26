package org.hearth.platform.events;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox entries to Kafka ({@code acks=all}, idempotent producer) and removes each one only
 * after the broker confirmed it. At-least-once: a crash between the two publishes the entry again, and
 * consumers drop the duplicate by its {@code ce_id}. Entries of one document go out in order; a failed
 * send stops that document until the next round, so nothing overtakes and nothing is lost.
 * Works across all agencies on purpose: it is infrastructure, not a tenant's request.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private final MongoOperations mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<OutboxCollection> collections;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(MongoOperations mongo, KafkaTemplate<String, String> kafka, List<OutboxCollection> collections,
            Duration pollInterval, Duration sendTimeout) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.pollInterval = pollInterval;
        this.sendTimeout = sendTimeout;
    }

    public void wakeUp() {
        wakeUp.release();
    }

    /**
     * One pass over every outbox collection; returns how many entries were published. All entries of a batch of
     * documents are sent at once (the producer pipelines them; one document's entries share a key, so they stay in
     * order on their partition), then each document loses the entries the broker confirmed, up to its first failure.
     */
    public int relayOnce() {
        int published = 0;
        for (OutboxCollection collection : collections) {
            MongoCollection<Document> documents = mongo.getCollection(collection.name());
            List<Document> batch = documents.find(Filters.exists(OutboxEntry.FIELD + ".0")).limit(BATCH)
                    .into(new ArrayList<>());
            if (batch.isEmpty()) {
                continue;
            }
            List<List<CompletableFuture<?>>> sends = new ArrayList<>();
            for (Document document : batch) {
                List<CompletableFuture<?>> ofDocument = new ArrayList<>();
                for (Document entry : document.getList(OutboxEntry.FIELD, Document.class)) {
                    ofDocument.add(send(entry));
                }
                sends.add(ofDocument);
            }
            List<com.mongodb.client.model.WriteModel<Document>> pulls = new ArrayList<>();
            List<Document> drained = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Document document = batch.get(i);
                List<Document> entries = document.getList(OutboxEntry.FIELD, Document.class);
                List<Object> confirmed = new ArrayList<>();
                for (int e = 0; e < entries.size(); e++) {
                    if (!confirmed(sends.get(i).get(e), entries.get(e), documents)) {
                        break; // later entries of this document wait for the next round, in order
                    }
                    confirmed.add(entries.get(e).getString("eventId"));
                }
                if (!confirmed.isEmpty()) {
                    pulls.add(new com.mongodb.client.model.UpdateOneModel<>(Filters.eq("_id", document.get("_id")),
                            Updates.pull(OutboxEntry.FIELD, new Document("eventId", new Document("$in", confirmed)))));
                    published += confirmed.size();
                }
                if (collection.deleteWhenDrained() && confirmed.size() == entries.size()) {
                    drained.add(document);
                }
            }
            if (!pulls.isEmpty()) {
                // one round trip for the whole batch; unordered: each document's pull stands on its own
                documents.bulkWrite(pulls, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
            }
            for (Document document : drained) {
                documents.deleteOne(Filters.and(Filters.eq("_id", document.get("_id")), Filters.size(OutboxEntry.FIELD, 0)));
            }
        }
        return published;
    }

    /** A send that fails at once (no metadata, broker unreachable) is a failed future like any other. */
    private CompletableFuture<?> send(Document entry) {
        try {
            return kafka.send(record(entry));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private boolean confirmed(CompletableFuture<?> send, Document entry,
            MongoCollection<Document> documents) {
        try {
            send.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("Outbox entry {} of {} not published yet, will retry: {}", entry.getString("eventId"),
                    documents.getNamespace().getCollectionName(), e.toString());
            return false;
        }
    }

    static ProducerRecord<String, String> record(Document entry) {
        ProducerRecord<String, String> record = new ProducerRecord<>(entry.getString("topic"), entry.getString("key"),
                entry.getString("payload"));
        Headers headers = record.headers();
        add(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        add(headers, CloudEventHeaders.ID, entry.getString("eventId"));
        add(headers, CloudEventHeaders.SOURCE, entry.getString("source"));
        add(headers, CloudEventHeaders.TYPE, entry.getString("type"));
        add(headers, CloudEventHeaders.SUBJECT, entry.getString("subject"));
        Date time = entry.getDate("time");
        add(headers, CloudEventHeaders.TIME, time == null ? null : Instant.ofEpochMilli(time.getTime()).toString());
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
            try {
                relayOnce();
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed, retrying: {}", e.toString());
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
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
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
