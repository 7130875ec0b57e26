package org.hearth.scheduling.clinicians;

import java.util.List;
import org.hearth.platform.aggregate.AggregateDocument;
import org.hearth.platform.events.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(ClinicianDocument.COLLECTION)
record ClinicianDocument(@Id String id, String tenantId, Clinician clinician, long version, List<OutboxEntry> outbox)
        implements AggregateDocument {

    static final String COLLECTION = "clinicians";
}
