package org.hearth.patient.sharing;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hearth.platform.aggregate.AggregateDocument;
import org.hearth.platform.aggregate.AggregateStore;
import org.hearth.platform.aggregate.AggregateStores;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.events.OutboxEntry;
import org.hearth.platform.events.VersionedDocuments;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Sharing grants, each the document of the patient's agency. The owner reads and revokes them as any of its
 * documents; the agency they name finds them only through {@link #grantedTo}, the one read across agencies. A grant
 * is an aggregate: its creation and its revocation are written with {@link SharingGranted} / {@link SharingRevoked} in
 * one write, so scheduling (which serves the shared visits) learns of every change and of nothing unsaved.
 */
@Repository
class SharingGrants {

    static final String GRANTEE = "granteeAlias";
    /** With the patient's other facts, keyed by the patient: a revocation is never overtaken by its grant. */
    static final String TOPIC = "hearth.patient.events";

    private static final int REVOKE_ATTEMPTS = 5;

    private final TenantScopedMongo mongo;
    private final AggregateStore<SharingGrant, GrantDocument> store;

    SharingGrants(TenantScopedMongo mongo, AggregateStores stores) {
        this.mongo = mongo;
        this.store = stores.of(GrantDocument.class, TOPIC)
                .readAs(GrantDocument::grant)
                .identifiedBy(SharingGrant::id)
                .createdAs((grant, tenant, version, outbox) ->
                        new GrantDocument(grant.id(), tenant, grant.granteeAlias(), grant, version, outbox))
                .updatedAs(grant -> new Update().set("grant", grant));
    }

    /** {@code granteeAlias} sits at the top so the grantee's lookup is one field. */
    @Document(GrantDocument.COLLECTION)
    record GrantDocument(
            @Id String id,
            String tenantId,
            String granteeAlias,
            SharingGrant grant,
            long version,
            List<OutboxEntry> outbox)
            implements AggregateDocument {
        static final String COLLECTION = "sharing_grants";
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(GrantDocument.class, "grant.patientId");
        // the grantee's lookup is by granteeAlias alone; TenantScopedMongo's indexes all start with tenantId, and an
        // agency receives few grants, so it goes without an index of its own for now
    }

    /** Stores the grant with its {@link SharingGranted} in one write. */
    SharingGrant insert(SharingGrant grant) {
        return store.insert(WithEvents.of(grant, SharingGranted.of(grant)));
    }

    Optional<SharingGrant> find(String id) {
        return store.find(id).map(AggregateStore.Versioned::aggregate);
    }

    List<SharingGrant> ofPatient(String patientId) {
        return mongo
                .find(
                        Query.query(Criteria.where("grant.patientId").is(patientId))
                                .with(Sort.by(Sort.Direction.DESC, "grant.grantedAt"))
                                .limit(200),
                        GrantDocument.class)
                .stream()
                .map(GrantDocument::grant)
                .toList();
    }

    /**
     * Ends the grant now and publishes {@link SharingRevoked} with it in one write (a second revocation changes
     * nothing and publishes nothing); false when the agency has no such grant.
     */
    boolean revoke(String id, String by, Instant now) {
        for (int attempt = 0; attempt < REVOKE_ATTEMPTS; attempt++) {
            Optional<AggregateStore.Versioned<SharingGrant>> stored = store.find(id);
            if (stored.isEmpty()) {
                return false;
            }
            SharingGrant grant = stored.get().aggregate();
            if (grant.revokedAt() != null) {
                return true; // the first revocation is the one on record
            }
            if (stored.get().version() == 0) {
                // a grant stored before grants had versions: give it its first, then revoke as any other
                mongo.update(id, new Update().max(VersionedDocuments.VERSION, 1L), GrantDocument.class);
                continue;
            }
            if (store.update(
                    WithEvents.of(grant.revokedBy(by, now), new SharingRevoked(grant.patientId(), grant.id(), now)),
                    stored.get().version())) {
                return true;
            }
        }
        throw ApiException.conflict("The grant kept changing while it was revoked; try again");
    }

    /**
     * Grants another agency made to {@code alias} (the caller's agency, from its verified token), optionally one by id;
     * revoked ones included (the gate decides), at most 200.
     */
    List<SharingGrant> grantedTo(String alias, String grantId) {
        Query query = grantId == null
                ? new Query().with(Sort.by(Sort.Direction.DESC, "grant.grantedAt"))
                : Query.query(Criteria.where("_id").is(grantId));
        return mongo.findGrantedTo(GRANTEE, alias, query, 200, GrantDocument.class).stream()
                .map(GrantDocument::grant)
                .toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class Relay {
        @Bean
        OutboxCollection sharingOutboxCollection() {
            return new OutboxCollection(GrantDocument.COLLECTION);
        }
    }
}
