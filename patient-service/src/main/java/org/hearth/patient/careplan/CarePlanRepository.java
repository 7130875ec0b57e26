package org.hearth.patient.careplan;

import org.hearth.platform.events.VersionedDocuments;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** Plans of care of the caller's agency; a patient without a stored plan has none at version 0. */
@Repository
class CarePlanRepository {

    static final String TOPIC = "hearth.patient.events";

    private final TenantScopedMongo mongo;
    private final VersionedDocuments versioned;

    CarePlanRepository(TenantScopedMongo mongo, VersionedDocuments versioned) {
        this.mongo = mongo;
        this.versioned = versioned;
    }

    record Versioned(CarePlan plan, long version) {
    }

    Versioned find(String patientId) {
        return mongo.findById(patientId, CarePlanDocument.class)
                .map(d -> new Versioned(new CarePlan(patientId, d.versions()), d.version()))
                .orElseGet(() -> new Versioned(CarePlan.none(patientId), 0));
    }

    /** Plans with an open draft, of the whole agency or of the given patients only; oldest patient id first. */
    Page<CarePlan> withOpenDraft(Optional<List<String>> patients, Pageable pageable) {
        Criteria criteria = Criteria.where("versions.status").is(CarePlanStatus.DRAFT);
        patients.ifPresent(ids -> criteria.and("_id").in(ids));
        return mongo.findPage(criteria, pageable, CarePlanDocument.class)
                .map(d -> new CarePlan(d.id(), d.versions()));
    }

    /**
     * Stores the plan and its events in one single-document write if nobody changed it since
     * {@code expectedVersion}; false otherwise (the caller answers 412).
     */
boolean save(WithEvents<CarePlan> changed, long expectedVersion) {
        CarePlan plan = changed.result();
        return versioned.createOrUpdate(plan.patientId(), expectedVersion, TOPIC, changed.events(),
                entries -> new CarePlanDocument(plan.patientId(), TenantContext.current().value(), plan.versions(), 1,
                        entries),
                new Update().set("versions", plan.versions()), CarePlanDocument.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection carePlanOutboxCollection() {
            return new OutboxCollection(CarePlanDocument.COLLECTION);
        }
    }
}
