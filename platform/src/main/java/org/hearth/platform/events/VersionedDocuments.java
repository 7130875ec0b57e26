package org.hearth.platform.events;

import java.util.List;
import java.util.function.Function;
import org.hearth.platform.tenancy.TenantOwned;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The write of a versioned aggregate document with its events, as every repository of an If-Match resource
 * needs it: one single-document write that checks the version the client read, applies the change, bumps the
 * version and appends the outbox entries; then the relay is woken. False when someone else wrote first.
 */
public class VersionedDocuments {

    public static final String VERSION = "version";

    private final TenantScopedMongo mongo;
    private final Outbox outbox;

    public VersionedDocuments(TenantScopedMongo mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /**
     * Creates the document at version 1 when {@code expectedVersion} is 0, otherwise applies {@code changes} to
     * the stored document if it is still at {@code expectedVersion}.
     *
     * @param firstVersion builds the new document from its outbox entries
     */
    public <T extends TenantOwned> boolean createOrUpdate(
            Object id,
            long expectedVersion,
            String topic,
            List<? extends DomainEvent> events,
            Function<List<OutboxEntry>, T> firstVersion,
            Update changes,
            Class<T> type) {
        boolean saved = mongo.createOrUpdate(
                id,
                expectedVersion,
                VERSION,
                () -> firstVersion.apply(outbox.entries(topic, events)),
                outbox.append(changes, topic, events),
                type);
        return woken(saved, events);
    }

    /** Applies {@code changes} to an existing document if it is still at {@code expectedVersion}. */
    public <T> boolean update(
            Object id,
            long expectedVersion,
            String topic,
            List<? extends DomainEvent> events,
            Update changes,
            Class<T> type) {
        boolean saved = mongo.updateIfVersion(
                id, expectedVersion, VERSION, outbox.append(changes.inc(VERSION, 1), topic, events), type);
        return woken(saved, events);
    }

    private boolean woken(boolean saved, List<? extends DomainEvent> events) {
        if (saved && !events.isEmpty()) {
            outbox.written();
        }
        return saved;
    }
}
