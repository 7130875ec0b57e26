package org.hearth.patient.record;

import java.util.List;
import org.hearth.platform.aggregate.AggregateDocument;
import org.hearth.platform.events.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a patient is stored: the record, its agency, a version for optimistic locking, and pending events. */
@Document(PatientDocument.COLLECTION)
public record PatientDocument(@Id String id, String tenantId, Patient patient, long version, List<OutboxEntry> outbox)
        implements AggregateDocument {

    public static final String COLLECTION = "patients";
}
