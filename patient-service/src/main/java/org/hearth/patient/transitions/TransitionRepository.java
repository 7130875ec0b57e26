package org.hearth.patient.transitions;

import java.util.List;
import java.util.Optional;
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

/** One transition of care per patient (the one after the discharge that brought them to the agency). */
@Repository
public class TransitionRepository {

    static final String TOPIC = "hearth.patient.events";

    private final TenantScopedMongo mongo;
    private final AggregateStore<TransitionOfCare, TransitionDocument> store;

    TransitionRepository(TenantScopedMongo mongo, AggregateStores stores) {
        this.mongo = mongo;
        this.store = stores.of(TransitionDocument.class, TOPIC)
                .readAs(TransitionDocument::transition)
                .identifiedBy(TransitionOfCare::patientId)
                .createdAs((transition, tenant, version, outbox) ->
                        new TransitionDocument(transition.patientId(), tenant, transition, version, outbox))
                .updatedAs(transition -> new Update().set("transition", transition));
    }

    record Versioned(TransitionOfCare transition, long version) {}

    /** Starts the follow-up unless it exists (a retried admission); true if this call started it. */
    public boolean startIfAbsent(WithEvents<TransitionOfCare> started) {
        return store.insertIfAbsent(started);
    }

    Optional<Versioned> find(String patientId) {
        return store.find(patientId).map(v -> new Versioned(v.aggregate(), v.version()));
    }

    boolean update(WithEvents<TransitionOfCare> changed, long expectedVersion) {
        return store.update(changed, expectedVersion);
    }

    /** Transitions of every agency with a task still open (system job). */
    List<TransitionDocument> withOpenTasksAcrossAgencies(int limit) {
        return mongo.findAcrossAgencies(
                Query.query(Criteria.where("transition.tasks.status").is("OPEN")), limit, TransitionDocument.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection transitionOutboxCollection() {
            return new OutboxCollection(TransitionDocument.COLLECTION);
        }
    }
}
