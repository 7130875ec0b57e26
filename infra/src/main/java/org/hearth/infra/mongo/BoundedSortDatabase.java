package org.hearth.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** An H2 database whose collections are {@link BoundedSortCollection}s, on the library's own maps and names. */
final class BoundedSortDatabase extends H2Database {

    // the library's map names (H2Database keeps them package-private): the same file opens with either class
    private static final String DATABASES_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    /**
     * The store of the database being constructed: H2Database's constructor opens the namespace and index collections
     * (through {@link #openOrCreateCollection}) before a subclass's own fields are set.
     */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private BoundedSortDatabase(String databaseName, MVStore store, CursorRegistry cursors) {
        super(databaseName, store, cursors);
        this.store = store;
    }

    static BoundedSortDatabase open(String databaseName, MVStore store, CursorRegistry cursors) {
        OPENING.set(store);
        try {
            return new BoundedSortDatabase(databaseName, store, cursors);
        } finally {
            OPENING.remove();
        }
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVStore mvStore = store != null ? store : OPENING.get();
        MVMap<Object, Document> data = mvStore.openMap(DATABASES_PREFIX + fullName);
        MVMap<String, Object> meta = mvStore.openMap(META_PREFIX + fullName);
        return new BoundedSortCollection(this, collectionName, options, data, meta, cursorRegistry);
    }
}
