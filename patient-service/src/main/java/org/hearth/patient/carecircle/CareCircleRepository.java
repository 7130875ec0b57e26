package org.hearth.patient.carecircle;

import jakarta.annotation.PostConstruct;
import org.hearth.patient.access.CareCircles;
import org.hearth.patient.access.ConsentScope;
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
import java.util.Optional;
import java.util.Set;

@Repository
public class CareCircleRepository implements CareCircles {

    static final String TOPIC = "hearth.patient.events";

    private final TenantScopedMongo mongo;
    private final VersionedDocuments versioned;

    CareCircleRepository(TenantScopedMongo mongo, VersionedDocuments versioned) {
        this.mongo = mongo;
        this.versioned = versioned;
    }

    public record Versioned(CareCircle circle, long version) {
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(CareCircleDocument.class, "members.subject");
    }

    public Versioned find(String patientId) {
        return mongo.findById(patientId, CareCircleDocument.class)
                .map(d -> new Versioned(new CareCircle(patientId, d.members()), d.version()))
                .orElseGet(() -> new Versioned(CareCircle.empty(patientId), 0));
    }

    @Override
    public Optional<Set<ConsentScope>> consentOf(String patientId, String subject) {
        return find(patientId).circle().member(subject).map(CareCircleMember::scopes);
    }

    /** The patients whose circle lists {@code subject}: what a family member's patient list shows. */
    @Override
    public List<String> patientsOf(String subject) {
        return mongo.find(Query.query(Criteria.where("members.subject").is(subject)).limit(200), CareCircleDocument.class)
                .stream().map(CareCircleDocument::id).toList();
    }

boolean save(WithEvents<CareCircle> changed, long expectedVersion) {
        CareCircle circle = changed.result();
        return versioned.createOrUpdate(circle.patientId(), expectedVersion, TOPIC, changed.events(),
                entries -> new CareCircleDocument(circle.patientId(), TenantContext.current().value(), circle.members(),
                        1, entries),
                new Update().set("members", circle.members()), CareCircleDocument.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection careCircleOutboxCollection() {
            return new OutboxCollection(CareCircleDocument.COLLECTION);
        }
    }
}
