package org.hearth.platform.events;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * What waits in the outboxes: {@code hearth.outbox.backlog} (entries not yet confirmed by the broker) and
 * {@code hearth.outbox.oldest.age} (seconds since the oldest of them was written), per outbox collection. A relay
 * that cannot publish (broker down, a poison record) shows as a growing age long before anyone misses an event.
 * Read from the pending documents (sparse index on the flag) when scraped, at most once per {@link #FRESHNESS}.
 */
public class OutboxBacklog implements MeterBinder {

    public static final String BACKLOG_METRIC = "hearth.outbox.backlog";
    public static final String OLDEST_AGE_METRIC = "hearth.outbox.oldest.age";
    static final Duration FRESHNESS = Duration.ofSeconds(5);
    /** Pending documents read per scrape; a backlog beyond it is counted as this many documents' entries. */
    static final int MAX_DOCUMENTS = 10_000;

    private final MongoOperations mongo;
    private final List<OutboxCollection> collections;
    private final Clock clock;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    public OutboxBacklog(MongoOperations mongo, List<OutboxCollection> collections, Clock clock) {
        this.mongo = mongo;
        this.collections = List.copyOf(collections);
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (OutboxCollection collection : collections) {
            String name = collection.name();
            Gauge.builder(BACKLOG_METRIC, () -> snapshot(name).entries())
                    .description("Outbox entries written but not yet published to Kafka")
                    .tag("collection", name)
                    .register(registry);
            Gauge.builder(OLDEST_AGE_METRIC, () -> snapshot(name).oldestAgeSeconds(clock.instant()))
                    .description("Age of the oldest outbox entry not yet published (0 when none waits)")
                    .tag("collection", name)
                    .baseUnit("seconds")
                    .register(registry);
        }
    }

    /** Reads the collection again unless it was read within {@link #FRESHNESS}; a store failure reads as unknown (NaN). */
    Snapshot snapshot(String collection) {
        Instant now = clock.instant();
        return snapshots.compute(
                collection,
                (name, previous) ->
                        previous != null && previous.readAt().plus(FRESHNESS).isAfter(now)
                                ? previous
                                : read(name, now));
    }

    private Snapshot read(String collection, Instant now) {
        try {
            long entries = 0;
            Instant oldest = null;
            for (Document document : mongo.getCollection(collection)
                    .find(Filters.eq(OutboxEntry.PENDING, true))
                    .projection(Projections.include(OutboxEntry.FIELD + ".time"))
                    .limit(MAX_DOCUMENTS)) {
                List<Document> pending = document.getList(OutboxEntry.FIELD, Document.class);
                if (pending == null) {
                    continue;
                }
                entries += pending.size();
                for (Document entry : pending) {
                    Date time = entry.getDate("time");
                    if (time != null && (oldest == null || time.toInstant().isBefore(oldest))) {
                        oldest = time.toInstant();
                    }
                }
            }
            return new Snapshot(now, entries, oldest);
        } catch (RuntimeException e) {
            return new Snapshot(now, Double.NaN, null);
        }
    }

    record Snapshot(Instant readAt, double entries, Instant oldest) {
        double oldestAgeSeconds(Instant now) {
            if (Double.isNaN(entries)) {
                return Double.NaN;
            }
            return oldest == null
                    ? 0
                    : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
        }
    }
}
