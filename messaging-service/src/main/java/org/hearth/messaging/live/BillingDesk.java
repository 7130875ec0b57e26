package org.hearth.messaging.live;

import java.util.List;
import org.hearth.platform.tenancy.TenantOwned;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The agency's billing staff as messaging knows them: whoever of the billing role has opened a live stream. Billing
 * staff are on no care team, and messaging has no view of Keycloak, so the stream is where it meets them; billing's
 * own changes (an authorization decided, a line ready or held) are then delivered to them live. Stored, not kept in
 * memory, so that every replica delivers to the same people.
 */
@Component
public class BillingDesk {

    /** The contract's limit on recipients of one delivery. */
    static final int MAX = 50;

    private final TenantScopedMongo mongo;

    BillingDesk(TenantScopedMongo mongo) {
        this.mongo = mongo;
    }

    @Document("billing_desk")
    record Member(@Id String subject, String tenantId, long streams) implements TenantOwned {}

    /** Someone of the billing role opened a stream in the current agency (counted; idempotent membership). */
    void joined(String subject) {
        mongo.increment(subject, "streams", Member.class);
    }

    /** The current agency's billing staff, sorted; empty until one of them has opened the console. */
    public List<String> members() {
        return mongo.find(new Query().with(Sort.by("_id")).limit(MAX), Member.class).stream()
                .map(Member::subject)
                .toList();
    }
}
