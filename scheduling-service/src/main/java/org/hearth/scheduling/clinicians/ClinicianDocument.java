package org.hearth.scheduling.clinicians;

import org.hearth.platform.events.OutboxEntry;
import org.hearth.platform.aggregate.AggregateDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

@Document(ClinicianDocument.COLLECTION)
record ClinicianDocument(@Id String id, String tenantId, Clinician clinician, long version, List<OutboxEntry> outbox)
        implements AggregateDocument {

    static final String COLLECTION = "clinicians";
}
