package org.hearth.audit.ingest;

import java.time.Instant;
import java.util.List;

/** The audit-service's tolerant readers of the events on hearth.audit (contracts/events/audit.*). */
final class AuditReadersV1 {

    private AuditReadersV1() {}

    /**
     * @param actorName    optional, like organization and address: producers before this store did not send them
     * @param purposeOfUse breakGlass or sharedRecord when the access relied on an exception to the care relationship
     */
    record PatientDataAccessed(
            String auditId,
            String patientId,
            String actor,
            String actorName,
            List<String> roles,
            String clientId,
            String organization,
            String address,
            String action,
            int outcome,
            String correlationId,
            Instant at,
            String purposeOfUse,
            String patientAgency,
            String actorAgency,
            String grantId) {
        static final String TYPE = "org.hearth.audit.PatientDataAccessed.v1";
    }

    record AccessRefused(
            String auditId,
            Instant at,
            String source,
            int outcome,
            String reason,
            String method,
            String path,
            String actor,
            String actorName,
            String clientId,
            String agency,
            String organization,
            String address,
            String correlationId) {
        static final String TYPE = "org.hearth.audit.AccessRefused.v1";
    }
}
