package org.hearth.patient.sharing;

import jakarta.annotation.PostConstruct;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantOwned;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sharing grants, each the document of the patient's agency. The owner reads and revokes them as any of its
 * documents; the agency they name finds them only through {@link #grantedTo}, the one read across agencies.
 */
@Repository
class SharingGrants {

    static final String GRANTEE = "granteeAlias";

    private final TenantScopedMongo mongo;

    SharingGrants(TenantScopedMongo mongo) {
        this.mongo = mongo;
    }

    /** {@code granteeAlias} sits at the top so the grantee's lookup is one indexed field. */
    @Document(GrantDocument.COLLECTION)
    record GrantDocument(@Id String id, String tenantId, String granteeAlias, SharingGrant grant) implements TenantOwned {
        static final String COLLECTION = "sharing_grants";
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(GrantDocument.class, "grant.patientId");
        // the grantee's lookup is by granteeAlias alone; TenantScopedMongo's indexes all start with tenantId, and an
        // agency receives few grants, so it goes without an index of its own for now
    }

    SharingGrant insert(SharingGrant grant) {
        mongo.insert(new GrantDocument(grant.id(), TenantContext.current().value(), grant.granteeAlias(), grant));
        return grant;
    }

    Optional<SharingGrant> find(String id) {
        return mongo.findById(id, GrantDocument.class).map(GrantDocument::grant);
    }

    List<SharingGrant> ofPatient(String patientId) {
        return mongo.find(Query.query(Criteria.where("grant.patientId").is(patientId))
                .with(Sort.by(Sort.Direction.DESC, "grant.grantedAt")).limit(200), GrantDocument.class)
                .stream().map(GrantDocument::grant).toList();
    }

    /** Ends the grant now (a second revocation changes nothing); false when the agency has no such grant. */
    boolean revoke(String id, String by, Instant now) {
        Optional<SharingGrant> grant = find(id);
        if (grant.isEmpty()) {
            return false;
        }
        if (grant.get().revokedAt() == null) {
            mongo.update(id, new Update().set("grant.revokedAt", now).set("grant.revokedBy", by), GrantDocument.class);
        }
        return true;
    }

    /**
     * Grants another agency made to {@code alias} (the caller's agency, from its verified token), optionally one by id;
     * revoked ones included (the gate decides), at most 200.
     */
    List<SharingGrant> grantedTo(String alias, String grantId) {
        Query query = grantId == null ? new Query().with(Sort.by(Sort.Direction.DESC, "grant.grantedAt"))
                : Query.query(Criteria.where("_id").is(grantId));
        return mongo.findGrantedTo(GRANTEE, alias, query, 200, GrantDocument.class).stream()
                .map(GrantDocument::grant).toList();
    }
}
