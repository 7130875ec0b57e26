package org.hearth.audit.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.hearth.audit.chain.ChainRecord;
import org.hearth.audit.chain.StoredLink;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Reads of the current agency's chain (tenant-scoped by the platform). */
@Repository
public class AuditRecords {

    /** A window without bounds is the last 30 days. */
    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private static final int BATCH = 500;

    private final TenantScopedMongo mongo;
    private final Clock clock;

    AuditRecords(TenantScopedMongo mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A time window of a query, validated: {@code from} before {@code to}. */
    public record Window(Instant from, Instant to) {}

    public Window window(Instant from, Instant to) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(DEFAULT_WINDOW) : from;
        if (!start.isBefore(end)) {
            throw ApiException.invalid(List.of(new FieldError("from", "must be before to")));
        }
        return new Window(start, end);
    }

    /** What a query filters on; null parts are not filtered. */
    public record Filter(
            String patientId, String actor, Boolean refused, String action, String correlationId, Window window) {}

    public record Found(List<ChainRecord> items, long total) {}

    /** One page, newest first. */
    public Found find(Filter filter, PageRequest page) {
        Page<StoredLink> found = mongo.findPage(
                criteria(filter),
                PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by(Sort.Direction.DESC, "seq")),
                StoredLink.class);
        return new Found(found.getContent().stream().map(StoredLink::record).toList(), found.getTotalElements());
    }

    /** Whether the agency's chain has any record of {@code patientId}. */
    public boolean any(String patientId) {
        return mongo.count(Query.query(Criteria.where("facts.patientId").is(patientId)), StoredLink.class) > 0;
    }

    /** Every record matching {@code filter}, oldest first, handed over one by one (exports, aggregations). */
    public void each(Filter filter, Consumer<ChainRecord> consumer) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<StoredLink> batch = mongo.find(
                    Query.query(criteria(filter).and("seq").gt(after))
                            .with(Sort.by("seq"))
                            .limit(BATCH),
                    StoredLink.class);
            batch.forEach(link -> consumer.accept(link.record()));
            if (batch.size() < BATCH) {
                return;
            }
            after = batch.getLast().seq();
        }
    }

    private static Criteria criteria(Filter filter) {
        Criteria criteria = new Criteria();
        if (filter.patientId() != null) {
            criteria.and("facts.patientId").is(filter.patientId());
        }
        if (filter.actor() != null) {
            criteria.and("facts.actor").is(filter.actor());
        }
        if (filter.refused() != null) {
            criteria.and("facts.refused").is(filter.refused());
        }
        if (filter.action() != null) {
            criteria.and("facts.action").is(filter.action());
        }
        if (filter.correlationId() != null) {
            criteria.and("facts.correlationId").is(filter.correlationId());
        }
        if (filter.window() != null) {
            criteria.and("facts.at")
                    .gte(ChainRecord.time(filter.window().from()))
                    .lt(ChainRecord.time(filter.window().to()));
        }
        return criteria;
    }
}
