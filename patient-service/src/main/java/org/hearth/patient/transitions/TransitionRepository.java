package org.hearth.patient.transitions;

import org.hearth.platform.events.Outbox;
import org.hearth.platform.events.VersionedDocuments;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** One transition of care per patient (the one after the discharge that brought them to the agency). */
@Repository
public class TransitionRepository {

    static final String TOPIC = "hearth.patient.events";

    private final TenantScopedMongo mongo;
    private final Outbox outbox;
    private final VersionedDocuments versioned;

    TransitionRepository(TenantScopedMongo mongo, Outbox outbox, VersionedDocuments versioned) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.versioned = versioned;
    }

    record Versioned(TransitionOfCare transition, long version) {
    }

    /** Starts the follow-up unless it exists (a retried admission); true if this call started it. */
    public boolean startIfAbsent(WithEvents<TransitionOfCare> started) {
        String patientId = started.result().patientId();
        try {
            mongo.insert(new TransitionDocument(patientId, TenantContext.current().value(), started.result(), 1,
                    outbox.entries(TOPIC, started.events())));
            outbox.written();
            return true;
        } catch (DuplicateKeyException startedBefore) {
            return false;
        }
    }

    Optional<Versioned> find(String patientId) {
        return mongo.findById(patientId, TransitionDocument.class).map(d -> new Versioned(d.transition(), d.version()));
    }

boolean update(WithEvents<TransitionOfCare> changed, long expectedVersion) {
        return versioned.update(changed.result().patientId(), expectedVersion, TOPIC, changed.events(),
                new Update().set("transition", changed.result()), TransitionDocument.class);
    }

    /** Transitions of every agency with a task still open (system job). */
    List<TransitionDocument> withOpenTasksAcrossAgencies(int limit) {
        return mongo.findAcrossAgencies(Query.query(Criteria.where("transition.tasks.status").is("OPEN")), limit,
                TransitionDocument.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection transitionOutboxCollection() {
            return new OutboxCollection(TransitionDocument.COLLECTION);
        }
    }
}
