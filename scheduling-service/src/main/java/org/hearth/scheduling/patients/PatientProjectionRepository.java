package org.hearth.scheduling.patients;

import jakarta.annotation.PostConstruct;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** The patient projection of the current agency; events are applied at most once each. */
@Repository
public class PatientProjectionRepository {

    private final TenantScopedMongo mongo;

    PatientProjectionRepository(TenantScopedMongo mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(PatientProjection.class, "status");
    }

    /** @return false when this event had been applied before (a redelivery) */
    public boolean apply(String eventId, PatientAdmittedV1 admitted) {
        Update update = new Update()
                .set("status", admitted.status())
                .set("language", admitted.language())
                .set("postalCode", admitted.postalCode())
                .set("latitude", admitted.latitude())
                .set("longitude", admitted.longitude())
                .set("admittedAt", admitted.admittedAt());
        return mongo.applyOnce(admitted.patientId(), eventId, update, PatientProjection.class);
    }

    public Optional<PatientProjection> findById(String patientId) {
        return mongo.findById(patientId, PatientProjection.class);
    }

    public Page<PatientProjection> findAll(Pageable pageable) {
        return mongo.findPage(new Criteria(), pageable, PatientProjection.class);
    }
}
