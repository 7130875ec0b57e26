package org.hearth.patient.alerts;

import java.time.Instant;
import java.util.Map;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantOwned;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Per-patient limits that replace default thresholds by key; a patient without overrides uses the defaults. */
@Repository
class AlertThresholds {

    @Document("alert_thresholds")
    record ThresholdsDocument(
            @Id String id, String tenantId, Map<String, Double> limits, long version, String setBy, Instant setAt)
            implements TenantOwned {}

    record Versioned(Map<String, Double> limits, long version) {}

    private final TenantScopedMongo mongo;

    AlertThresholds(TenantScopedMongo mongo) {
        this.mongo = mongo;
    }

    Versioned find(String patientId) {
        return mongo.findById(patientId, ThresholdsDocument.class)
                .map(d -> new Versioned(d.limits() == null ? Map.of() : d.limits(), d.version()))
                .orElseGet(() -> new Versioned(Map.of(), 0));
    }

    boolean save(String patientId, Map<String, Double> limits, long expectedVersion, String by, Instant now) {
        return mongo.createOrUpdate(
                patientId,
                expectedVersion,
                "version",
                () -> new ThresholdsDocument(patientId, TenantContext.current().value(), limits, 1, by, now),
                new Update().set("limits", limits).set("setBy", by).set("setAt", now),
                ThresholdsDocument.class);
    }
}
