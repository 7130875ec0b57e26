package org.hearth.billing.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Billing files of the current agency. Events are applied once each; clerk writes check the version. */
@Repository
public class BillingFiles {

    private final TenantScopedMongo mongo;

    BillingFiles(TenantScopedMongo mongo) {
        this.mongo = mongo;
    }

    public Optional<BillingFile> find(String patientId) {
        return mongo.findById(patientId, BillingFile.class);
    }

    public boolean admitted(String eventId, String patientId, LocalDate startOfCare, String referringPartner) {
        return mongo.applyOnce(
                patientId,
                eventId,
                new Update()
                        .set("startOfCare", startOfCare)
                        .set("referringPartner", referringPartner)
                        .setOnInsert("version", 1L),
                BillingFile.class);
    }

    /** The billing file holding the coverage {@code coverageId}, in the current agency. */
    public Optional<BillingFile> findByCoverage(String coverageId) {
        return mongo
                .find(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("coverages.id")
                                        .is(coverageId)),
                        BillingFile.class)
                .stream()
                .findFirst();
    }

    public boolean planSigned(String eventId, String patientId, int planVersion, Instant signedAt) {
        return mongo.applyOnce(
                patientId,
                eventId,
                new Update()
                        .set("signedPlanVersion", planVersion)
                        .set("planSignedAt", signedAt)
                        .setOnInsert("version", 1L),
                BillingFile.class);
    }

    boolean setCoverages(String patientId, long expectedVersion, List<Coverage> coverages) {
        return mongo.updateIfVersion(
                patientId,
                expectedVersion,
                "version",
                new Update().set("coverages", coverages).inc("version", 1),
                BillingFile.class);
    }

    boolean setMedicare(String patientId, long expectedVersion, MedicareFacts facts) {
        return mongo.updateIfVersion(
                patientId,
                expectedVersion,
                "version",
                new Update().set("medicare", facts).inc("version", 1),
                BillingFile.class);
    }
}
