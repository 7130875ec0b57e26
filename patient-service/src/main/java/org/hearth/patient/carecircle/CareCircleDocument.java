package org.hearth.patient.carecircle;

import java.util.List;
import org.hearth.platform.aggregate.AggregateDocument;
import org.hearth.platform.events.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(CareCircleDocument.COLLECTION)
record CareCircleDocument(
        @Id String id, String tenantId, List<CareCircleMember> members, long version, List<OutboxEntry> outbox)
        implements AggregateDocument {

    static final String COLLECTION = "care_circles";
}
