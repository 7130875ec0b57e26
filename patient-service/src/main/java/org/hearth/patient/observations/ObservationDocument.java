package org.hearth.patient.observations;

import java.util.List;
import org.hearth.platform.events.OutboxEntry;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reading per document. The id joins the agency and the client's observation id, so a resent batch finds
 * its readings already stored and two agencies can never collide on a client-chosen id.
 */
@Document(ObservationDocument.COLLECTION)
record ObservationDocument(@Id String id, String tenantId, Observation observation, List<OutboxEntry> outbox)
        implements TenantOwned {

    static final String COLLECTION = "observations";

    static String idOf(String tenantId, String observationId) {
        return tenantId + ":" + observationId;
    }
}
