package org.hearth.patient.careteam;

import java.util.List;
import org.hearth.platform.aggregate.AggregateDocument;
import org.hearth.platform.events.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One document per patient: its team, a version for If-Match, and pending events. */
@Document(CareTeamDocument.COLLECTION)
record CareTeamDocument(
        @Id String id, String tenantId, List<CareTeamMember> members, long version, List<OutboxEntry> outbox)
        implements AggregateDocument {

    static final String COLLECTION = "care_teams";
}
