package org.hearth.platform.aggregate;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hearth.platform.events.Outbox;
import org.hearth.platform.events.OutboxEntry;
import org.hearth.platform.events.VersionedDocuments;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The store of one kind of aggregate {@code A}, kept in documents {@code D} of the caller's agency together with the
 * events each write caused (ARCHITECTURE §5, §6): every write is one single-document write that checks the version
 * the client read, so the aggregate and its events are stored together or not at all. Built by
 * {@link AggregateStores}; a repository holds one and adds only the queries of its own.
 */
public final class AggregateStore<A, D extends AggregateDocument> {

    /** Builds the document of a new aggregate from its agency, its first version and its outbox entries. */
    @FunctionalInterface
    public interface NewDocument<A, D> {
        D of(A aggregate, String tenantId, long version, List<OutboxEntry> outbox);
    }

    /** An aggregate with the version to send back as its ETag. */
    public record Versioned<A>(A aggregate, long version) {}

    private final TenantScopedMongo mongo;
    private final Outbox outbox;
    private final VersionedDocuments versioned;
    private final Class<D> type;
    private final String topic;
    private final Function<D, A> read;
    private final Function<A, ?> id;
    private final NewDocument<A, D> newDocument;
    private final Function<A, Update> changes;
    private final long firstVersion;

    AggregateStore(
            TenantScopedMongo mongo,
            Outbox outbox,
            VersionedDocuments versioned,
            Class<D> type,
            String topic,
            Function<D, A> read,
            Function<A, ?> id,
            NewDocument<A, D> newDocument,
            Function<A, Update> changes,
            long firstVersion) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.versioned = versioned;
        this.type = type;
        this.topic = topic;
        this.read = read;
        this.id = id;
        this.newDocument = newDocument;
        this.changes = changes;
        this.firstVersion = firstVersion;
    }

    /** The aggregate of this agency with its version; empty if there is none (or it is another agency's). */
    public Optional<Versioned<A>> find(Object aggregateId) {
        return mongo.findById(aggregateId, type).map(d -> new Versioned<>(read.apply(d), d.version()));
    }

    /** The aggregate, or {@code absent} at version 0 for one that was never stored (an empty care team). */
    public Versioned<A> findOr(Object aggregateId, Supplier<A> absent) {
        return find(aggregateId).orElseGet(() -> new Versioned<>(absent.get(), 0));
    }

    /** The aggregate, or a 404 naming {@code what} (e.g. "Referral 42"). */
    public Versioned<A> require(Object aggregateId, String what) {
        return find(aggregateId).orElseThrow(() -> ApiException.notFound(what));
    }

    /** Stores a new aggregate with its events; throws {@link DuplicateKeyException} if its id is taken. */
    public A insert(WithEvents<A> created) {
        A aggregate = created.result();
        mongo.insert(newDocument.of(
                aggregate, TenantContext.current().value(), firstVersion, outbox.entries(topic, created.events())));
        if (!created.events().isEmpty()) {
            outbox.written();
        }
        return aggregate;
    }

    /** Stores a new aggregate unless one with its id exists; false for the retry of an idempotent create. */
    public boolean insertIfAbsent(WithEvents<A> created) {
        try {
            insert(created);
            return true;
        } catch (DuplicateKeyException existing) {
            return false;
        }
    }

    /**
     * Creates the aggregate at version 1 when {@code expectedVersion} is 0, otherwise changes the stored one if it is
     * still at {@code expectedVersion}; false when someone else wrote first (the caller answers 412).
     */
    public boolean save(WithEvents<A> changed, long expectedVersion) {
        A aggregate = changed.result();
        return versioned.createOrUpdate(
                id.apply(aggregate),
                expectedVersion,
                topic,
                changed.events(),
                entries -> newDocument.of(aggregate, TenantContext.current().value(), 1, entries),
                changes.apply(aggregate),
                type);
    }

    /** Changes a stored aggregate if it is still at {@code expectedVersion}; false otherwise. */
    public boolean update(WithEvents<A> changed, long expectedVersion) {
        return versioned.update(
                id.apply(changed.result()),
                expectedVersion,
                topic,
                changed.events(),
                changes.apply(changed.result()),
                type);
    }

    /** One page of this agency's aggregates matching {@code criteria}. */
    public Page<A> page(Criteria criteria, Pageable pageable) {
        return mongo.findPage(criteria, pageable, type).map(read);
    }
}
