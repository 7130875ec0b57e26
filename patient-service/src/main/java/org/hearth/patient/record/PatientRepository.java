package org.hearth.patient.record;

import jakarta.annotation.PostConstruct;
import org.hearth.platform.events.Outbox;
import org.hearth.platform.events.VersionedDocuments;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** Patients of the caller's agency, stored with their outbox in one document. */
@Repository
public class PatientRepository {

    static final String TOPIC = "hearth.patient.events";

    private final TenantScopedMongo mongo;
    private final Outbox outbox;
    private final VersionedDocuments versioned;

    PatientRepository(TenantScopedMongo mongo, Outbox outbox, VersionedDocuments versioned) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.versioned = versioned;
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(PatientDocument.class, "patient.familyName", "patient.givenName");
    }

    /** Stores a new patient and the events of its admission in one single-document write. */
    public Patient insert(WithEvents<Patient> admitted) {
        Patient patient = admitted.result();
        mongo.insert(new PatientDocument(patient.id(), TenantContext.current().value(), patient, 0,
                outbox.entries(TOPIC, admitted.events())));
        outbox.written();
        return patient;
    }

    /** A patient with the version to send back in If-Match. */
    public record Versioned(Patient patient, long version) {
    }

    public Optional<Versioned> findVersioned(String id) {
        return mongo.findById(id, PatientDocument.class).map(d -> new Versioned(d.patient(), d.version()));
    }

    /** Stores a change and its events in one write if nobody changed the patient since {@code expectedVersion}. */
public boolean update(WithEvents<Patient> changed, long expectedVersion) {
        return versioned.update(changed.result().id(), expectedVersion, TOPIC, changed.events(),
                new Update().set("patient", changed.result()), PatientDocument.class);
    }

    /** Stores the admission unless a patient with its id exists; false for a retried admission. */
    public boolean insertIfAbsent(WithEvents<Patient> admitted) {
        try {
            insert(admitted);
            return true;
        } catch (org.springframework.dao.DuplicateKeyException admittedBefore) {
            return false;
        }
    }

    public Optional<Patient> findById(String id) {
        return mongo.findById(id, PatientDocument.class).map(PatientDocument::patient);
    }

    /** Patients of the agency, or only those with the given ids (a clinician's or family member's own). */
    public Page<Patient> findAll(Optional<java.util.List<String>> only, Pageable pageable) {
        Criteria criteria = only.map(ids -> Criteria.where("_id").in(ids)).orElseGet(Criteria::new);
        return mongo.findPage(criteria, pageable, PatientDocument.class).map(PatientDocument::patient);
    }
}
