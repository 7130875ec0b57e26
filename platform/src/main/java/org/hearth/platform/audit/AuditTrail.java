package org.hearth.platform.audit;

import java.util.List;
import org.hearth.platform.events.Outbox;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.events.OutboxEntry;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantOwned;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Hands audit records to Kafka through a transient outbox collection: each record is stored with its outbox
 * entry in one write, published on hearth.audit ({@code acks=all}) and then deleted. The audit store of record
 * is the topic's consumer; keeping a growing copy here would make every relay pass slower with every request.
 */
public class AuditTrail {

    /** Records wait here until the relay has published them on hearth.audit, then they are deleted. */
    public static final String COLLECTION = "audit_outbox";

    public static final String TOPIC = "hearth.audit";

    private final TenantScopedMongo mongo;
    private final Outbox outbox;

    public AuditTrail(TenantScopedMongo mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Document(COLLECTION)
    record AuditDocument(@Id String id, String tenantId, AuditRecord record, List<OutboxEntry> outbox)
            implements TenantOwned {}

    public void record(AuditRecord record) {
        mongo.insert(new AuditDocument(
                record.auditId(), TenantContext.current().value(), record, outbox.entries(TOPIC, List.of(record))));
        outbox.written();
    }

    /** Tells the relay to publish from the audit log too. */
    public static OutboxCollection outboxCollection() {
        return new OutboxCollection(COLLECTION, true);
    }
}
