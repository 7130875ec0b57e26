package org.hearth.platform.audit;

import org.hearth.platform.events.DomainEvent;

import java.time.Instant;
import java.util.List;

/**
 * One access to a patient's data: ids, roles, the route template (never the query string or the body), the
 * HTTP status and the correlation id. Contains no PHI beyond the patient id.
 */
public record AuditRecord(String auditId, String patientId, String actor, List<String> roles, String clientId,
        String action, int outcome, String correlationId, Instant at) implements DomainEvent {

    public static final String TYPE = "org.hearth.audit.PatientDataAccessed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return patientId;
    }
}
