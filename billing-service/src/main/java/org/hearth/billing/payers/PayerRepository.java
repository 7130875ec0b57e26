package org.hearth.billing.payers;

import jakarta.annotation.PostConstruct;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** The agency's payers; a name is unique within the agency. */
@Repository
public class PayerRepository {

    private final TenantScopedMongo mongo;

    PayerRepository(TenantScopedMongo mongo) {
        this.mongo = mongo;
    }

    public record Versioned(Payer payer, long version) {
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureUniqueIndex(PayerDocument.class, "payer.name");
    }

    public Optional<Versioned> find(String id) {
        return mongo.findById(id, PayerDocument.class).map(d -> new Versioned(d.payer(), d.version()));
    }

    /** @return false when the agency already has a payer of that name */
    boolean insert(Payer payer) {
        try {
            mongo.insert(new PayerDocument(payer.id(), TenantContext.current().value(), payer, 1));
            return true;
        } catch (DuplicateKeyException sameName) {
            return false;
        }
    }

    boolean update(Payer payer, long expectedVersion) {
        return mongo.updateIfVersion(payer.id(), expectedVersion, "version",
                new Update().set("payer", payer).inc("version", 1), PayerDocument.class);
    }

    Page<Payer> list(Pageable pageable) {
        return mongo.findPage(new Criteria(), pageable, PayerDocument.class).map(PayerDocument::payer);
    }
}
