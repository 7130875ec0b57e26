package org.hearth.patient.carecircle;

import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hearth.patient.access.CareCircles;
import org.hearth.patient.access.ConsentScope;
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

@Repository
public class CareCircleRepository implements CareCircles {

    static final String TOPIC = "hearth.patient.events";

    private final TenantScopedMongo mongo;
    private final AggregateStore<CareCircle, CareCircleDocument> store;

    CareCircleRepository(TenantScopedMongo mongo, AggregateStores stores) {
        this.mongo = mongo;
        this.store = stores.of(CareCircleDocument.class, TOPIC)
                .readAs(d -> new CareCircle(d.id(), d.members()))
                .identifiedBy(CareCircle::patientId)
                .createdAs((circle, tenant, version, outbox) ->
                        new CareCircleDocument(circle.patientId(), tenant, circle.members(), version, outbox))
                .updatedAs(circle -> new Update().set("members", circle.members()));
    }

    public record Versioned(CareCircle circle, long version) {}

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(CareCircleDocument.class, "members.subject");
    }

    public Versioned find(String patientId) {
        var stored = store.findOr(patientId, () -> CareCircle.empty(patientId));
        return new Versioned(stored.aggregate(), stored.version());
    }

    @Override
    public Optional<Set<ConsentScope>> consentOf(String patientId, String subject) {
        return find(patientId).circle().member(subject).map(CareCircleMember::scopes);
    }

    /** The patients whose circle lists {@code subject}: what a family member's patient list shows. */
    @Override
    public List<String> patientsOf(String subject) {
        return mongo
                .find(Query.query(Criteria.where("members.subject").is(subject)).limit(200), CareCircleDocument.class)
                .stream()
                .map(CareCircleDocument::id)
                .toList();
    }

    boolean save(WithEvents<CareCircle> changed, long expectedVersion) {
        return store.save(changed, expectedVersion);
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection careCircleOutboxCollection() {
            return new OutboxCollection(CareCircleDocument.COLLECTION);
        }
    }
}
