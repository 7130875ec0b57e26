package org.hearth.patient.alerts;

import org.hearth.platform.events.OutboxEntry;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

@Document(AlertDocument.COLLECTION)
record AlertDocument(@Id String id, String tenantId, Alert alert, long version, List<OutboxEntry> outbox)
        implements TenantOwned {

    static final String COLLECTION = "alerts";
}
