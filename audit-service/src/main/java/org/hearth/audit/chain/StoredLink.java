package org.hearth.audit.chain;

import java.util.Map;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A {@link ChainRecord} as MongoDB stores it ({@code _id} = agency:seq). */
@Document(ChainStore.RECORDS)
public record StoredLink(
        @Id String id,
        String tenantId,
        long seq,
        String eventId,
        String recordedAt,
        Map<String, Object> facts,
        Map<String, Object> entry,
        String prevHash,
        String hash)
        implements TenantOwned {

    static StoredLink of(ChainRecord r) {
        return new StoredLink(
                ChainRecord.idOf(r.tenantId(), r.seq()),
                r.tenantId(),
                r.seq(),
                r.eventId(),
                r.recordedAt(),
                r.facts(),
                r.entry(),
                r.prevHash(),
                r.hash());
    }

    public ChainRecord record() {
        return new ChainRecord(tenantId, seq, eventId, recordedAt, facts, entry, prevHash, hash);
    }
}
