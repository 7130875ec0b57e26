package org.hearth.patient.careplan;

import java.util.List;
import org.hearth.platform.aggregate.AggregateDocument;
import org.hearth.platform.events.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One document per patient: every version of the plan, a version counter for If-Match, pending events. */
@Document(CarePlanDocument.COLLECTION)
record CarePlanDocument(
        @Id String id, String tenantId, List<CarePlanVersion> versions, long version, List<OutboxEntry> outbox)
        implements AggregateDocument {

    static final String COLLECTION = "care_plans";
}
