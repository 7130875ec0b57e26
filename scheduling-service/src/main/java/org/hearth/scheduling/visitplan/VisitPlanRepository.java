package org.hearth.scheduling.visitplan;

import java.util.List;
import java.util.Optional;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class VisitPlanRepository {

    private final TenantScopedMongo mongo;

    VisitPlanRepository(TenantScopedMongo mongo) {
        this.mongo = mongo;
    }

    Optional<VisitPlan> find(String patientId) {
        return mongo.findById(patientId, VisitPlan.class);
    }

    /** Stores the requirements once per event (a redelivered event changes nothing). */
    boolean apply(String eventId, String patientId, int planVersion, List<VisitRequirement> requirements) {
        return mongo.applyOnce(
                patientId,
                eventId,
                new Update().set("planVersion", planVersion).set("requirements", requirements),
                VisitPlan.class);
    }
}
