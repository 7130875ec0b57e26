package org.hearth.patient.record;

import jakarta.annotation.PostConstruct;
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

/** Patients of the caller's agency, stored with their outbox in one document. */
@Repository
public class PatientRepository {

    static final String TOPIC = "hearth.patient.events";

    private final TenantScopedMongo mongo;
    private final AggregateStore<Patient, PatientDocument> store;

    PatientRepository(TenantScopedMongo mongo, AggregateStores stores) {
        this.mongo = mongo;
        this.store = stores.of(PatientDocument.class, TOPIC)
                .readAs(PatientDocument::patient)
                .identifiedBy(Patient::id)
                .insertedAtVersion(0) // clients hold ETags of patients admitted at version 0
                .createdAs((patient, tenant, version, outbox) ->
                        new PatientDocument(patient.id(), tenant, patient, version, outbox))
                .updatedAs(patient -> new Update().set("patient", patient));
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(PatientDocument.class, "patient.familyName", "patient.givenName");
    }

    /** Stores a new patient and the events of its admission in one single-document write. */
    public Patient insert(WithEvents<Patient> admitted) {
        return store.insert(admitted);
    }

    /** A patient with the version to send back in If-Match. */
    public record Versioned(Patient patient, long version) {}

    public Optional<Versioned> findVersioned(String id) {
        return store.find(id).map(v -> new Versioned(v.aggregate(), v.version()));
    }

    /** Stores a change and its events in one write if nobody changed the patient since {@code expectedVersion}. */
    public boolean update(WithEvents<Patient> changed, long expectedVersion) {
        return store.update(changed, expectedVersion);
    }

    /** Stores the admission unless a patient with its id exists; false for a retried admission. */
    public boolean insertIfAbsent(WithEvents<Patient> admitted) {
        return store.insertIfAbsent(admitted);
    }

    public Optional<Patient> findById(String id) {
        return store.find(id).map(AggregateStore.Versioned::aggregate);
    }

    /** Patients of the agency, or only those with the given ids (a clinician's or family member's own). */
    public Page<Patient> findAll(Optional<java.util.List<String>> only, Pageable pageable) {
        Criteria criteria = only.map(ids -> Criteria.where("_id").in(ids)).orElseGet(Criteria::new);
        return store.page(criteria, pageable);
    }
}
