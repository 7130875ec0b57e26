package org.hearth.patient.assessment;

import org.hearth.platform.events.VersionedDocuments;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Optional;

@Repository
public class AssessmentRepository {

    static final String TOPIC = "hearth.patient.events";

    private final TenantScopedMongo mongo;
    private final VersionedDocuments versioned;

    AssessmentRepository(TenantScopedMongo mongo, VersionedDocuments versioned) {
        this.mongo = mongo;
        this.versioned = versioned;
    }

    record Versioned(InitialAssessment assessment, long version) {
    }

    Optional<Versioned> find(String patientId) {
        return mongo.findById(patientId, AssessmentDocument.class).map(d -> new Versioned(d.assessment(), d.version()));
    }

    /** Whether the patient's initial assessment is completed: the care plan's precondition. */
    public boolean isCompleted(String patientId) {
        return find(patientId).map(v -> v.assessment().status() == InitialAssessment.AssessmentStatus.COMPLETED)
                .orElse(false);
    }

boolean save(WithEvents<InitialAssessment> changed, long expectedVersion) {
        InitialAssessment assessment = changed.result();
        return versioned.createOrUpdate(assessment.patientId(), expectedVersion, TOPIC, changed.events(),
                entries -> new AssessmentDocument(assessment.patientId(), TenantContext.current().value(), assessment, 1,
                        entries),
                new Update().set("assessment", assessment), AssessmentDocument.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection assessmentOutboxCollection() {
            return new OutboxCollection(AssessmentDocument.COLLECTION);
        }
    }
}
