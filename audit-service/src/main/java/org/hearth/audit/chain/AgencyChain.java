package org.hearth.audit.chain;

import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That an agency has a chain (what the checkpoint and retention jobs iterate over), and where it ended at the last
 * append: a hint that spares the next append a search for the last link, never trusted without checking that link.
 *
 * @param headSeq  the newest link an append stored (absent on chains from before the hint)
 * @param headHash that link's hash
 */
@Document("audit_chains")
record AgencyChain(@Id String id, String tenantId, Long headSeq, String headHash) implements TenantOwned {}
