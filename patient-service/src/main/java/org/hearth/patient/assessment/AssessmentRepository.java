package org.hearth.patient.assessment;

import java.util.Optional;
import org.hearth.platform.aggregate.AggregateStore;
import org.hearth.platform.aggregate.AggregateStores;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.events.WithEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
public class AssessmentRepository {

    static final String TOPIC = "hearth.patient.events";

    private final AggregateStore<InitialAssessment, AssessmentDocument> store;

    AssessmentRepository(AggregateStores stores) {
        this.store = stores.of(AssessmentDocument.class, TOPIC)
                .readAs(AssessmentDocument::assessment)
                .identifiedBy(InitialAssessment::patientId)
                .createdAs((assessment, tenant, version, outbox) ->
                        new AssessmentDocument(assessment.patientId(), tenant, assessment, version, outbox))
                .updatedAs(assessment -> new Update().set("assessment", assessment));
    }

    record Versioned(InitialAssessment assessment, long version) {}

    Optional<Versioned> find(String patientId) {
        return store.find(patientId).map(v -> new Versioned(v.aggregate(), v.version()));
    }

    /** Whether the patient's initial assessment is completed: the care plan's precondition. */
    public boolean isCompleted(String patientId) {
        return find(patientId)
                .map(v -> v.assessment().status() == InitialAssessment.AssessmentStatus.COMPLETED)
                .orElse(false);
    }

    boolean save(WithEvents<InitialAssessment> changed, long expectedVersion) {
        return store.save(changed, expectedVersion);
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection assessmentOutboxCollection() {
            return new OutboxCollection(AssessmentDocument.COLLECTION);
        }
    }
}
