package org.hearth.scheduling.sharing;

import java.util.Optional;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.hearth.scheduling.sharing.SharingEventsV1.SharingGrantedV1;
import org.hearth.scheduling.sharing.SharingEventsV1.SharingRevokedV1;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The sharing grants of patient-service as scheduling keeps them; each event is applied at most once (its id is
 * recorded in the same write). The other agency finds a grant only through {@link #grantedTo}.
 */
@Repository
class SharedGrants {

    static final String GRANTEE = "granteeAlias";

    private final TenantScopedMongo mongo;

    SharedGrants(TenantScopedMongo mongo) {
        this.mongo = mongo;
    }

    /** @return false when this event had been applied before (a redelivery) */
    boolean apply(String eventId, SharingGrantedV1 granted) {
        return mongo.applyOnce(
                granted.grantId(),
                eventId,
                new Update()
                        .set(GRANTEE, granted.granteeAlias())
                        .set("patientId", granted.patientId())
                        .set("parts", granted.parts())
                        .set("from", granted.from())
                        .set("until", granted.until()),
                SharedGrant.class);
    }

    boolean apply(String eventId, SharingRevokedV1 revoked) {
        return mongo.applyOnce(
                revoked.grantId(),
                eventId,
                new Update().set("patientId", revoked.patientId()).set("revokedAt", revoked.revokedAt()),
                SharedGrant.class);
    }

    /**
     * The grant {@code grantId} if another agency made it to {@code alias} (the caller's agency, from its verified
     * token): the one read across agencies here, by grantee instead of tenant ({@link TenantScopedMongo#findGrantedTo}).
     */
    Optional<SharedGrant> grantedTo(String alias, String grantId) {
        return mongo
                .findGrantedTo(GRANTEE, alias, Query.query(Criteria.where("_id").is(grantId)), 1, SharedGrant.class)
                .stream()
                .findFirst();
    }
}
