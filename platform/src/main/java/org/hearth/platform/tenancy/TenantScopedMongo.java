package org.hearth.platform.tenancy;

import com.mongodb.client.result.UpdateResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The only door services use to MongoDB. Every query, update and count gets the current agency's
 * {@code tenantId} criterion added here, and every insert or replace is checked to carry it, so a
 * repository cannot forget tenancy. Another agency's document is simply not found (which the API turns
 * into 404, so its existence does not leak).
 */
public class TenantScopedMongo {

    /** Field on projections that remembers the ids of events already applied (idempotent consumers). */
    public static final String PROCESSED_EVENTS = "processedEventIds";

    private static final int PROCESSED_EVENTS_KEPT = 200;

    private final MongoOperations mongo;

    public TenantScopedMongo(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public <T> Optional<T> findById(Object id, Class<T> type) {
        return Optional.ofNullable(
                mongo.findOne(scoped(Query.query(Criteria.where("_id").is(id))), type));
    }

    public <T> List<T> find(Query query, Class<T> type) {
        return mongo.find(scoped(query), type);
    }

    public <T> Page<T> findPage(Criteria criteria, Pageable pageable, Class<T> type) {
        Query filter = scoped(new Query(criteria));
        long total = mongo.count(filter, type);
        Query page = Query.of(filter).with(pageable);
        if (pageable.getSort().isUnsorted()) {
            page.with(Sort.by("_id"));
        }
        return new PageImpl<>(mongo.find(page, type), pageable, total);
    }

    public <T extends TenantOwned> T insert(T document) {
        requireCurrentTenant(document);
        return mongo.insert(document);
    }

    /**
     * Inserts {@code documents}, all of the current agency, in one ordered bulk write: the first duplicate key stops
     * it there (the documents before it are stored, none after) and is thrown as {@link DuplicateKeyException}.
     */
    public <T extends TenantOwned> void insertAll(List<T> documents, Class<T> type) {
        if (documents.isEmpty()) {
            return;
        }
        documents.forEach(TenantScopedMongo::requireCurrentTenant);
        mongo.insert(documents, type);
    }

    /**
     * Replaces a document only if it still has {@code expectedVersion} and belongs to the current agency;
     * returns false when someone else changed it first (the caller answers 412) or it is not visible.
     */
    public <T extends TenantOwned> boolean replace(Object id, long expectedVersion, String versionField, T document) {
        requireCurrentTenant(document);
        Query query = scoped(
                Query.query(Criteria.where("_id").is(id).and(versionField).is(expectedVersion)));
        return mongo.replace(query, document).getModifiedCount() == 1;
    }

    /**
     * Applies {@code update} only if the document still has {@code expectedVersion} and belongs to the current
     * agency; false when someone else changed it first (the caller answers 412) or it is not visible. Unlike
     * {@link #replace}, fields the update does not name (the outbox the relay is draining) stay untouched.
     */
    public <T> boolean updateIfVersion(
            Object id, long expectedVersion, String versionField, Update update, Class<T> type) {
        Query query = scoped(
                Query.query(Criteria.where("_id").is(id).and(versionField).is(expectedVersion)));
        return mongo.updateFirst(query, update, type).getModifiedCount() == 1;
    }

    /**
     * The write of a versioned aggregate whose clients send If-Match: at {@code expectedVersion} 0 the document
     * must not exist yet and {@code firstVersion} is inserted; otherwise {@code update} is applied if the
     * document is still at that version. False when someone else wrote first.
     */
    public <T extends TenantOwned> boolean createOrUpdate(
            Object id,
            long expectedVersion,
            String versionField,
            Supplier<T> firstVersion,
            Update update,
            Class<T> type) {
        if (expectedVersion == 0) {
            try {
                insert(firstVersion.get());
                return true;
            } catch (DuplicateKeyException someoneWasFirst) {
                return false;
            }
        }
        return updateIfVersion(id, expectedVersion, versionField, update.inc(versionField, 1), type);
    }

    /**
     * For system jobs only (alert escalation, overdue tasks): matching documents of every agency, at most
     * {@code limit}. The job handles each inside {@link TenantContext#runAs} with the document's own tenant, so
     * everything it then reads or writes is scoped again. Never call this from a request.
     */
    public <T extends TenantOwned> List<T> findAcrossAgencies(Query query, int limit, Class<T> type) {
        return mongo.find(Query.of(query).limit(limit), type);
    }

    /**
     * The one read across agencies a request may make: documents another agency granted to the caller's agency (a
     * patient's consented sharing). Instead of {@code tenantId}, the filter is {@code granteeField} = {@code grantee},
     * which the caller takes from the verified token; the documents stay their owner's (tenantId unchanged), and
     * whoever reads what they grant does so inside {@link TenantContext#callAs} with the owner's tenant, after
     * checking the grant. Tenancy stays the rule for every other read: this never widens {@link #find}.
     */
    public <T extends TenantOwned> List<T> findGrantedTo(
            String granteeField, String grantee, Query query, int limit, Class<T> type) {
        if (grantee == null || grantee.isBlank()) {
            return List.of();
        }
        return mongo.find(
                Query.of(query)
                        .addCriteria(Criteria.where(granteeField).is(grantee))
                        .limit(limit),
                type);
    }

    public <T> UpdateResult update(Object id, Update update, Class<T> type) {
        return mongo.updateFirst(scoped(Query.query(Criteria.where("_id").is(id))), update, type);
    }

    /** Applies {@code update} to the current agency's document {@code id}; false when there is no such document. */
    public <T> boolean updateIfPresent(Object id, Update update, Class<T> type) {
        return update(id, update, type).getMatchedCount() == 1;
    }

    /**
     * Atomically adds one to {@code field} of the current agency's document {@code id} (created at 1 if absent) and
     * returns the new value: a per-key sequence, e.g. the event ids of a user's live stream.
     */
    public <T> long increment(Object id, String field, Class<T> type) {
        Query byId = scoped(Query.query(Criteria.where("_id").is(id)));
        Update inc = new Update()
                .inc(field, 1L)
                .setOnInsert(TenantOwned.FIELD, TenantContext.current().value());
        org.bson.Document after = mongo.findAndModify(
                byId,
                inc,
                org.springframework.data.mongodb.core.FindAndModifyOptions.options()
                        .returnNew(true)
                        .upsert(true),
                org.bson.Document.class,
                mongo.getCollectionName(type));
        return ((Number) after.get(field)).longValue();
    }

    /** Deletes the current agency's documents matching {@code query}; returns how many went. */
    public <T> long deleteWhere(Query query, Class<T> type) {
        return mongo.remove(scoped(query), type).getDeletedCount();
    }

    public <T> long count(Query query, Class<T> type) {
        return mongo.count(scoped(query), type);
    }

    /**
     * Applies an event's side effect to one document exactly once: the event id is recorded in the same
     * single-document update as the change, so a redelivered event finds its id and changes nothing.
     * Creates the document (with its tenant) when it does not exist yet.
     *
     * @return true if the update was applied, false if the event had been applied before
     */
    public <T> boolean applyOnce(Object id, String eventId, Update update, Class<T> type) {
        TenantId tenant = TenantContext.current();
        Update withMarker = update.set(TenantOwned.FIELD, tenant.value())
                .push(PROCESSED_EVENTS)
                .slice(-PROCESSED_EVENTS_KEPT)
                .each(eventId);
        Query byId = scoped(Query.query(Criteria.where("_id").is(id)));
        if (!mongo.exists(byId, type)) {
            mongo.upsert(byId, withMarker, type);
            return true;
        }
        Query notYetApplied =
                Query.of(byId).addCriteria(Criteria.where(PROCESSED_EVENTS).ne(eventId));
        return mongo.updateFirst(notYetApplied, withMarker, type).getMatchedCount() == 1;
    }

    /** Indexes start with {@code tenantId}, since every query filters on it. */
    public void ensureUniqueIndex(Class<?> type, String... fields) {
        Index index = new Index().on(TenantOwned.FIELD, Sort.Direction.ASC).unique();
        for (String field : fields) {
            index.on(field, Sort.Direction.ASC);
        }
        mongo.indexOps(type).createIndex(index);
    }

    public void ensureIndex(Class<?> type, String... fields) {
        Index index = new Index().on(TenantOwned.FIELD, Sort.Direction.ASC);
        for (String field : fields) {
            index.on(field, Sort.Direction.ASC);
        }
        mongo.indexOps(type).createIndex(index);
    }

    private static Query scoped(Query query) {
        return Query.of(query)
                .addCriteria(Criteria.where(TenantOwned.FIELD)
                        .is(TenantContext.current().value()));
    }

    private static void requireCurrentTenant(TenantOwned document) {
        TenantId tenant = TenantContext.current();
        if (!tenant.value().equals(document.tenantId())) {
            throw new IllegalStateException("document belongs to another agency than the caller");
        }
    }
}
