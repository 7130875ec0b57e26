package org.hearth.platform.audit;

import org.hearth.platform.events.Outbox;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.events.OutboxEntry;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantOwned;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** Writes audit records to the service's {@code audit_log} collection, each with its outbox entry. */
public class AuditTrail {

    public static final String COLLECTION = "audit_log";
    public static final String TOPIC = "hearth.audit";

    private final TenantScopedMongo mongo;
    private final Outbox outbox;

    public AuditTrail(TenantScopedMongo mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Document(COLLECTION)
    record AuditDocument(@Id String id, String tenantId, AuditRecord record, List<OutboxEntry> outbox)
            implements TenantOwned {
    }

    public void record(AuditRecord record) {
        mongo.insert(new AuditDocument(record.auditId(), TenantContext.current().value(), record,
                outbox.entries(TOPIC, List.of(record))));
        outbox.written();
    }

    /** Tells the relay to publish from the audit log too. */
    public static OutboxCollection outboxCollection() {
        return new OutboxCollection(COLLECTION);
    }
}
