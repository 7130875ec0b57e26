package org.hearth.patient.careteam;

import java.util.List;
import org.hearth.patient.access.CareTeams;
import org.hearth.platform.aggregate.AggregateStore;
import org.hearth.platform.aggregate.AggregateStores;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Care teams of the caller's agency; a patient without a stored team has an empty one at version 0. */
@Repository
public class CareTeamRepository implements CareTeams {

    static final String TOPIC = "hearth.patient.events";

    private final TenantScopedMongo mongo;
    private final AggregateStore<CareTeam, CareTeamDocument> store;

    CareTeamRepository(TenantScopedMongo mongo, AggregateStores stores) {
        this.mongo = mongo;
        this.store = stores.of(CareTeamDocument.class, TOPIC)
                .readAs(d -> new CareTeam(d.id(), d.members()))
                .identifiedBy(CareTeam::patientId)
                .createdAs((team, tenant, version, outbox) ->
                        new CareTeamDocument(team.patientId(), tenant, team.members(), version, outbox))
                .updatedAs(team -> new Update().set("members", team.members()));
    }

    /** The team and its version. */
    public record Versioned(CareTeam team, long version) {}

    @Override
    public boolean lists(String patientId, String subject) {
        return find(patientId).team().includes(subject);
    }

    /** The patients whose team lists {@code subject}: what a clinician's patient list shows. */
    @Override
    public List<String> patientsOf(String subject) {
        return mongo
                .find(Query.query(Criteria.where("members.subject").is(subject)).limit(500), CareTeamDocument.class)
                .stream()
                .map(CareTeamDocument::id)
                .toList();
    }

    public Versioned find(String patientId) {
        var stored = store.findOr(patientId, () -> CareTeam.empty(patientId));
        return new Versioned(stored.aggregate(), stored.version());
    }

    /** Stores the new team if the stored one is still at {@code expectedVersion}; false if it moved on. */
    boolean save(WithEvents<CareTeam> changed, long expectedVersion) {
        return store.save(changed, expectedVersion);
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection careTeamOutboxCollection() {
            return new OutboxCollection(CareTeamDocument.COLLECTION);
        }
    }
}
