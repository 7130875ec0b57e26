package org.hearth.messaging.notices;

import java.util.List;
import java.util.TreeSet;
import org.hearth.messaging.patients.PatientCircle;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The coordinators of the caller's agency as messaging knows them: whoever is a coordinator on any of its patients'
 * care teams. Messaging has no view of Keycloak, so this is its last resort when an escalation names nobody; it reads
 * at most {@link #CIRCLES} circles and answers at most {@link #MAX} people (the contract's limit on recipients).
 */
@Component
class AgencyCoordinators {

    static final int CIRCLES = 500;
    static final int MAX = 50;

    private final TenantScopedMongo mongo;

    AgencyCoordinators(TenantScopedMongo mongo) {
        this.mongo = mongo;
    }

    /** Sorted, distinct; empty when no care team of the agency has a coordinator yet. */
    List<String> known() {
        TreeSet<String> people = new TreeSet<>();
        for (PatientCircle circle : mongo.find(
                Query.query(Criteria.where("careTeam.role").is(NoticeConsumers.COORDINATOR))
                        .limit(CIRCLES),
                PatientCircle.class)) {
            people.addAll(circle.withRole(NoticeConsumers.COORDINATOR));
        }
        return people.stream().limit(MAX).toList();
    }
}
