package org.hearth.scheduling.clinicians;

import jakarta.annotation.PostConstruct;
import org.hearth.platform.events.VersionedDocuments;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public class ClinicianRepository {

    static final String TOPIC = "hearth.scheduling.events";

    private final TenantScopedMongo mongo;
    private final VersionedDocuments versioned;

    ClinicianRepository(TenantScopedMongo mongo, VersionedDocuments versioned) {
        this.mongo = mongo;
        this.versioned = versioned;
    }

    public record Versioned(Clinician clinician, long version) {
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(ClinicianDocument.class, "clinician.discipline", "clinician.name");
    }

    public Optional<Versioned> find(String id) {
        return mongo.findById(id, ClinicianDocument.class).map(d -> new Versioned(d.clinician(), d.version()));
    }

    void insert(Clinician clinician) {
        mongo.insert(new ClinicianDocument(clinician.id(), TenantContext.current().value(), clinician, 1, List.of()));
    }

    boolean update(Clinician clinician, long expectedVersion) {
        return versioned.update(clinician.id(), expectedVersion, TOPIC, List.of(),
                new Update().set("clinician", clinician), ClinicianDocument.class);
    }

    /** The agency's active clinicians, at most {@code limit}. */
    public List<Clinician> active(int limit) {
        return mongo.find(new org.springframework.data.mongodb.core.query.Query(Criteria.where("clinician.active").is(true))
                .limit(limit), ClinicianDocument.class).stream().map(ClinicianDocument::clinician).toList();
    }

    public Page<Clinician> list(Clinician.Discipline discipline, Pageable pageable) {
        Criteria criteria = discipline == null ? new Criteria() : Criteria.where("clinician.discipline").is(discipline);
        return mongo.findPage(criteria, pageable, ClinicianDocument.class).map(ClinicianDocument::clinician);
    }
}
