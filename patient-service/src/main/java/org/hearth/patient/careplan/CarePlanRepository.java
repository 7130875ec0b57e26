package org.hearth.patient.careplan;

import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.Optional;
import org.hearth.platform.aggregate.AggregateStore;
import org.hearth.platform.aggregate.AggregateStores;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Plans of care of the caller's agency; a patient without a stored plan has none at version 0. */
@Repository
class CarePlanRepository {

    static final String TOPIC = "hearth.patient.events";

    private final TenantScopedMongo mongo;
    private final AggregateStore<CarePlan, CarePlanDocument> store;

    CarePlanRepository(TenantScopedMongo mongo, AggregateStores stores) {
        this.mongo = mongo;
        this.store = stores.of(CarePlanDocument.class, TOPIC)
                .readAs(d -> new CarePlan(d.id(), d.versions()))
                .identifiedBy(CarePlan::patientId)
                .createdAs((plan, tenant, version, outbox) ->
                        new CarePlanDocument(plan.patientId(), tenant, plan.versions(), version, outbox))
                .updatedAs(plan -> new Update().set("versions", plan.versions()));
    }

    record Versioned(CarePlan plan, long version) {}

    /** The physician's inbox asks for the agency's open drafts on every load: one index, not a scan of all plans. */
    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(CarePlanDocument.class, "versions.status");
    }

    Versioned find(String patientId) {
        var stored = store.findOr(patientId, () -> CarePlan.none(patientId));
        return new Versioned(stored.aggregate(), stored.version());
    }

    /** Plans with an open draft, of the whole agency or of the given patients only; oldest patient id first. */
    Page<CarePlan> withOpenDraft(Optional<List<String>> patients, Pageable pageable) {
        Criteria criteria = Criteria.where("versions.status").is(CarePlanStatus.DRAFT);
        patients.ifPresent(ids -> criteria.and("_id").in(ids));
        return store.page(criteria, pageable);
    }

    /**
     * Stores the plan and its events in one single-document write if nobody changed it since
     * {@code expectedVersion}; false otherwise (the caller answers 412).
     */
    boolean save(WithEvents<CarePlan> changed, long expectedVersion) {
        return store.save(changed, expectedVersion);
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection carePlanOutboxCollection() {
            return new OutboxCollection(CarePlanDocument.COLLECTION);
        }
    }
}
