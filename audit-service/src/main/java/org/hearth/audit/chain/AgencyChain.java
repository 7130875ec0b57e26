package org.hearth.audit.chain;

import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** That an agency has a chain: what the checkpoint and retention jobs iterate over. */
@Document("audit_chains")
record AgencyChain(@Id String id, String tenantId) implements TenantOwned {
}
