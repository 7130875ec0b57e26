package org.hearth.billing.payers;

import jakarta.annotation.PostConstruct;
import java.util.Optional;
import org.hearth.billing.BillingEvents;
import org.hearth.platform.aggregate.AggregateStore;
import org.hearth.platform.aggregate.AggregateStores;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The agency's payers; a name is unique within the agency. */
@Repository
public class PayerRepository {

    private final TenantScopedMongo mongo;
    /** Payers publish no events: their documents carry no outbox. */
    private final AggregateStore<Payer, PayerDocument> store;

    PayerRepository(TenantScopedMongo mongo, AggregateStores stores) {
        this.mongo = mongo;
        this.store = stores.of(PayerDocument.class, BillingEvents.TOPIC)
                .readAs(PayerDocument::payer)
                .identifiedBy(Payer::id)
                .createdAs((payer, tenant, version, none) -> new PayerDocument(payer.id(), tenant, payer, version))
                .updatedAs(payer -> new Update().set("payer", payer));
    }

    public record Versioned(Payer payer, long version) {}

    @PostConstruct
    void createIndexes() {
        mongo.ensureUniqueIndex(PayerDocument.class, "payer.name");
    }

    public Optional<Versioned> find(String id) {
        return store.find(id).map(v -> new Versioned(v.aggregate(), v.version()));
    }

    /** @return false when the agency already has a payer of that name */
    boolean insert(Payer payer) {
        return store.insertIfAbsent(WithEvents.of(payer));
    }

    boolean update(Payer payer, long expectedVersion) {
        return store.update(WithEvents.of(payer), expectedVersion);
    }

    Page<Payer> list(Pageable pageable) {
        return store.page(new Criteria(), pageable);
    }
}
