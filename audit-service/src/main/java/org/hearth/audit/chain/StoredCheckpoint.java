package org.hearth.audit.chain;

import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A {@link Checkpoint} as MongoDB stores it ({@code _id} = agency:seq). */
@Document(ChainStore.CHECKPOINTS)
record StoredCheckpoint(@Id String id, String tenantId, long seq, String hash, String signedAt, String signature)
        implements TenantOwned {

    static StoredCheckpoint of(Checkpoint c) {
        return new StoredCheckpoint(
                ChainRecord.idOf(c.tenantId(), c.seq()), c.tenantId(), c.seq(), c.hash(), c.signedAt(), c.signature());
    }

    Checkpoint checkpoint() {
        return new Checkpoint(tenantId, seq, hash, signedAt, signature);
    }
}
