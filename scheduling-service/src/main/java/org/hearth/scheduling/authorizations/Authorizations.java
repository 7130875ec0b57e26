package org.hearth.scheduling.authorizations;

import jakarta.annotation.PostConstruct;
import java.util.List;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The agency's prior authorizations, as billing reports them. */
@Repository
public class Authorizations {

    private final TenantScopedMongo mongo;

    Authorizations(TenantScopedMongo mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(AuthorizationProjection.class, "patientId", "discipline");
    }

    /**
     * Every authorization billing reported for this patient and discipline, whatever its status. None means the
     * payer asks for none (or billing has not been told yet), and booking does not count units.
     */
    public List<AuthorizationGrant> of(String patientId, String discipline) {
        return mongo
                .find(
                        Query.query(Criteria.where("patientId")
                                .is(patientId)
                                .and("discipline")
                                .is(discipline)),
                        AuthorizationProjection.class)
                .stream()
                .map(AuthorizationProjection::grant)
                .toList();
    }

    boolean apply(String eventId, AuthorizationStatusChangedV1 changed) {
        Update update = new Update()
                .set("patientId", changed.patientId())
                .set("discipline", changed.discipline())
                .set("status", changed.status())
                .set("unit", changed.unit())
                .set("approvedUnits", changed.approvedUnits())
                .set("from", changed.from())
                .set("to", changed.to());
        return mongo.applyOnce(changed.authorizationId(), eventId, update, AuthorizationProjection.class);
    }
}
