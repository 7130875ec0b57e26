package org.hearth.patient.careteam;

import org.hearth.patient.access.CareTeams;
import org.hearth.platform.events.VersionedDocuments;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.List;

/** Care teams of the caller's agency; a patient without a stored team has an empty one at version 0. */
@Repository
public class CareTeamRepository implements CareTeams {

    static final String TOPIC = "hearth.patient.events";

    private final TenantScopedMongo mongo;
    private final VersionedDocuments versioned;

    CareTeamRepository(TenantScopedMongo mongo, VersionedDocuments versioned) {
        this.mongo = mongo;
        this.versioned = versioned;
    }

    /** The team and its version. */
    public record Versioned(CareTeam team, long version) {
    }

    @Override
    public boolean lists(String patientId, String subject) {
        return find(patientId).team().includes(subject);
    }

    /** The patients whose team lists {@code subject}: what a clinician's patient list shows. */
    @Override
    public List<String> patientsOf(String subject) {
        return mongo.find(Query.query(Criteria.where("members.subject").is(subject)).limit(500), CareTeamDocument.class)
                .stream().map(CareTeamDocument::id).toList();
    }

    public Versioned find(String patientId) {
        return mongo.findById(patientId, CareTeamDocument.class)
                .map(d -> new Versioned(new CareTeam(patientId, d.members()), d.version()))
                .orElseGet(() -> new Versioned(CareTeam.empty(patientId), 0));
    }

    /** Stores the new team if the stored one is still at {@code expectedVersion}; false if it moved on. */
boolean save(WithEvents<CareTeam> changed, long expectedVersion) {
        CareTeam team = changed.result();
        return versioned.createOrUpdate(team.patientId(), expectedVersion, TOPIC, changed.events(),
                entries -> new CareTeamDocument(team.patientId(), TenantContext.current().value(), team.members(), 1,
                        entries),
                new Update().set("members", team.members()), CareTeamDocument.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection careTeamOutboxCollection() {
            return new OutboxCollection(CareTeamDocument.COLLECTION);
        }
    }
}
