package org.hearth.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * H2Backend that makes every write durable before the wire server answers it.
 *
 * <p>Plain {@link H2Backend} changes the MVStore's in-memory maps and answers at once; the MVStore's
 * background auto-commit writes them to the file about a second later, so {@code kill -9} in between loses
 * writes the client was told had succeeded. Every wire-protocol request the server understands (OP_MSG and
 * OP_QUERY commands, including insert, update, delete, findAndModify, createIndexes and drops) reaches
 * {@link #handleCommand}; the netty handler sends the reply only after this method returns. So committing here,
 * whenever the request left unsaved changes, orders "on disk" before "acknowledged".
 *
 * <p>{@link MVStore#commit()} writes the new chunk synchronously (the page cache survives a killed process);
 * {@link MVStore#sync()} then forces it to the device so that a crashed machine keeps it as well. Concurrent
 * writers share a commit when theirs lands while another is being written (the store serialises commits).
 */
public class DurableH2Backend extends H2Backend {

    private final boolean forceToDisk;

    public DurableH2Backend(String fileName, boolean forceToDisk) {
        super(fileName);
        this.forceToDisk = forceToDisk;
    }

    /** Sorted, limited queries keep a bounded number of documents in memory ({@link BoundedSortCollection}). */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return BoundedSortDatabase.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            // also after a failed command: an ordered insert that hit a duplicate key keeps its earlier documents
            commitIfChanged();
        }
    }

    private void commitIfChanged() {
        MVStore store = getMvStore();
        if (store.hasUnsavedChanges()) {
            store.commit();
            if (forceToDisk) {
                store.sync();
            }
        }
    }
}
