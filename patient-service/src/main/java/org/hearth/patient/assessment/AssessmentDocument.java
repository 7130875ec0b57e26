package org.hearth.patient.assessment;

import java.util.List;
import org.hearth.platform.aggregate.AggregateDocument;
import org.hearth.platform.events.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(AssessmentDocument.COLLECTION)
record AssessmentDocument(
        @Id String id, String tenantId, InitialAssessment assessment, long version, List<OutboxEntry> outbox)
        implements AggregateDocument {

    static final String COLLECTION = "assessments";
}
