package org.hearth.patient.assessment;

import org.hearth.platform.events.Outbox;
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
    private final Outbox outbox;

    AssessmentRepository(TenantScopedMongo mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
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
        boolean saved = mongo.createOrUpdate(assessment.patientId(), expectedVersion, "version",
                () -> new AssessmentDocument(assessment.patientId(), TenantContext.current().value(), assessment, 1,
                        outbox.entries(TOPIC, changed.events())),
                outbox.append(new Update().set("assessment", assessment), TOPIC, changed.events()),
                AssessmentDocument.class);
        if (saved && !changed.events().isEmpty()) {
            outbox.written();
        }
        return saved;
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection assessmentOutboxCollection() {
            return new OutboxCollection(AssessmentDocument.COLLECTION);
        }
    }
}
