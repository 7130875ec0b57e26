package org.hearth.patient.assessment;

import org.hearth.platform.events.OutboxEntry;
import org.hearth.platform.aggregate.AggregateDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

@Document(AssessmentDocument.COLLECTION)
record AssessmentDocument(@Id String id, String tenantId, InitialAssessment assessment, long version,
        List<OutboxEntry> outbox) implements AggregateDocument {

    static final String COLLECTION = "assessments";
}
