package org.hearth.scheduling.clinicians;

import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.Optional;
import org.hearth.platform.aggregate.AggregateStore;
import org.hearth.platform.aggregate.AggregateStores;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
public class ClinicianRepository {

    static final String TOPIC = "hearth.scheduling.events";

    private final TenantScopedMongo mongo;
    private final AggregateStore<Clinician, ClinicianDocument> store;

    ClinicianRepository(TenantScopedMongo mongo, AggregateStores stores) {
        this.mongo = mongo;
        this.store = stores.of(ClinicianDocument.class, TOPIC)
                .readAs(ClinicianDocument::clinician)
                .identifiedBy(Clinician::id)
                .createdAs((clinician, tenant, version, outbox) ->
                        new ClinicianDocument(clinician.id(), tenant, clinician, version, outbox))
                .updatedAs(clinician -> new Update().set("clinician", clinician));
    }

    public record Versioned(Clinician clinician, long version) {}

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(ClinicianDocument.class, "clinician.discipline", "clinician.name");
    }

    public Optional<Versioned> find(String id) {
        return store.find(id).map(v -> new Versioned(v.aggregate(), v.version()));
    }

    void insert(Clinician clinician) {
        store.insert(WithEvents.of(clinician));
    }

    boolean update(Clinician clinician, long expectedVersion) {
        return store.update(WithEvents.of(clinician), expectedVersion);
    }

    /** The agency's active clinicians, at most {@code limit}. */
    public List<Clinician> active(int limit) {
        return mongo
                .find(
                        new org.springframework.data.mongodb.core.query.Query(
                                        Criteria.where("clinician.active").is(true))
                                .limit(limit),
                        ClinicianDocument.class)
                .stream()
                .map(ClinicianDocument::clinician)
                .toList();
    }

    public Page<Clinician> list(Clinician.Discipline discipline, Pageable pageable) {
        Criteria criteria = discipline == null
                ? new Criteria()
                : Criteria.where("clinician.discipline").is(discipline);
        return store.page(criteria, pageable);
    }
}
