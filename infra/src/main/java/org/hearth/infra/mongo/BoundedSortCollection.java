package org.hearth.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection whose sorted and limited queries keep only the documents they can answer with. mongo-java-server
 * sorts every match of a query in memory before it applies skip and limit, so "the newest record of this agency"
 * ({@code sort seq desc, limit 1}) held the agency's whole audit chain in the heap at once: a chain of ~100,000
 * records ran the store's 1 GiB heap out and ended the process (the S1 benchmark met it after an hour's load). Here a
 * query with a sort and a limit keeps the best {@code skip + limit} matches in a bounded heap while it scans, so its
 * memory no longer grows with the collection; ties keep the order in which the scan met them, as a stable sort does.
 * Queries without a limit, or without a sort, take the library's path unchanged.
 */
final class BoundedSortCollection extends H2Collection {

    BoundedSortCollection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> dataMap,
            MVMap<String, Object> metaMap,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult matchDocumentsFromStream(
            Document query,
            Stream<Document> documentStream,
            int numberToSkip,
            int limit,
            int batchSize,
            Comparator<Document> documentComparator,
            Document fieldSelector) {
        long kept = (long) Math.max(numberToSkip, 0) + limit;
        if (documentComparator == null || limit <= 0 || kept > Integer.MAX_VALUE) {
            return super.matchDocumentsFromStream(
                    query, documentStream, numberToSkip, limit, batchSize, documentComparator, fieldSelector);
        }
        List<Document> best =
                best(documentStream.filter(document -> documentMatchesQuery(document, query)), documentComparator, (int)
                        kept);
        List<Document> page = best.subList(Math.min(Math.max(numberToSkip, 0), best.size()), best.size());
        // the sorting is done: the library applies the projection (and nothing else) to the page
        return super.matchDocumentsFromStream(new Document(), page.stream(), 0, 0, batchSize, null, fieldSelector);
    }

    /** The first {@code count} documents of the stream in {@code order}, ties in encounter order. */
    static List<Document> best(Stream<Document> documents, Comparator<Document> order, int count) {
        record Seen(Document document, long index) {}
        Comparator<Seen> better =
                Comparator.<Seen, Document>comparing(Seen::document, order).thenComparingLong(Seen::index);
        PriorityQueue<Seen> worstFirst = new PriorityQueue<>(Math.min(count, 1024) + 1, better.reversed());
        long[] index = {0};
        documents.forEachOrdered(document -> {
            Seen seen = new Seen(document, index[0]++);
            if (worstFirst.size() < count) {
                worstFirst.add(seen);
            } else if (better.compare(seen, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(seen);
            }
        });
        List<Seen> sorted = new ArrayList<>(worstFirst);
        sorted.sort(better);
        return sorted.stream().map(Seen::document).toList();
    }
}
