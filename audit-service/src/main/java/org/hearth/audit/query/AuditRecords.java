package org.hearth.audit.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hearth.audit.chain.ChainRecord;
import org.hearth.audit.chain.ChainStore;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.tenancy.TenantContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads of the current agency's chain. The chain lives in raw documents (see ChainStore), so this repository adds the
 * agency criterion itself, in the one place every read goes through.
 */
@Repository
public class AuditRecords {

    /** A window without bounds is the last 30 days. */
    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private final MongoCollection<Document> records;
    private final Clock clock;

    AuditRecords(MongoDatabaseFactory databases, Clock clock) {
        this.records = databases.getMongoDatabase().getCollection(ChainStore.RECORDS);
        this.clock = clock;
    }

    /** A time window of a query, validated: {@code from} before {@code to}. */
    public record Window(Instant from, Instant to) {
    }

    public Window window(Instant from, Instant to) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(DEFAULT_WINDOW) : from;
        if (!start.isBefore(end)) {
            throw ApiException.invalid(List.of(new FieldError("from", "must be before to")));
        }
        return new Window(start, end);
    }

    /** What a query filters on; null parts are not filtered. */
    public record Filter(String patientId, String actor, Boolean refused, String action, Window window) {
    }

    public record Page(List<ChainRecord> items, long total) {
    }

    public Page find(Filter filter, PageRequest page) {
        Bson query = query(filter);
        long total = records.countDocuments(query);
        List<ChainRecord> items = records.find(query).sort(Sorts.descending("seq"))
                .skip((int) page.getOffset()).limit(page.getPageSize()).map(ChainRecord::from).into(new ArrayList<>());
        return new Page(items, total);
    }

    /** Every record matching {@code filter}, oldest first, handed over one by one (exports, aggregations). */
    public void each(Filter filter, Consumer<ChainRecord> consumer) {
        records.find(query(filter)).sort(Sorts.ascending("seq")).batchSize(500).map(ChainRecord::from)
                .forEach(consumer);
    }

    private static Bson query(Filter filter) {
        List<Bson> criteria = new ArrayList<>();
        criteria.add(Filters.eq("tenantId", TenantContext.current().value()));
        if (filter.patientId() != null) {
            criteria.add(Filters.eq("facts.patientId", filter.patientId()));
        }
        if (filter.actor() != null) {
            criteria.add(Filters.eq("facts.actor", filter.actor()));
        }
        if (filter.refused() != null) {
            criteria.add(Filters.eq("facts.refused", filter.refused()));
        }
        if (filter.action() != null) {
            criteria.add(Filters.eq("facts.action", filter.action()));
        }
        if (filter.window() != null) {
            criteria.add(Filters.gte("facts.at", ChainRecord.time(filter.window().from())));
            criteria.add(Filters.lt("facts.at", ChainRecord.time(filter.window().to())));
        }
        return Filters.and(criteria);
    }
}
