package org.hearth.platform.audit;

import java.time.Instant;
import java.util.List;
import org.hearth.platform.events.DomainEvent;

/**
 * One access to a patient's data: ids, roles, the route template (never the query string or the body), the
 * HTTP status and the correlation id. Contains no PHI beyond the patient id.
 *
 * @param purposeOfUse  null for the usual relationship; {@link #BREAK_GLASS} or {@link #SHARED_RECORD} when the
 *                      access relied on an exception to it
 * @param patientAgency the agency whose patient it is, when another agency read it under a sharing grant
 * @param actorAgency   the caller's agency, when it is not the patient's
 * @param grantId       the break-glass or sharing grant the access relied on
 * @param actorName     the caller's name from the token (staff names are what the access log shows), may be null
 * @param organization  the alias of the caller's agency from the token, may be null
 * @param address       the client's network address (first X-Forwarded-For hop, else the peer), may be null
 */
public record AuditRecord(
        String auditId,
        String patientId,
        String actor,
        List<String> roles,
        String clientId,
        String action,
        int outcome,
        String correlationId,
        Instant at,
        String purposeOfUse,
        String patientAgency,
        String actorAgency,
        String grantId,
        String actorName,
        String organization,
        String address)
        implements DomainEvent {

    public static final String TYPE = "org.hearth.audit.PatientDataAccessed.v1";
    public static final String BREAK_GLASS = "breakGlass";
    public static final String SHARED_RECORD = "sharedRecord";
    /**
     * Request attribute an access rule sets when it let the request through on a break-glass grant: the grant id.
     * The interceptor then records the access with {@link #BREAK_GLASS}.
     */
    public static final String BREAK_GLASS_ATTRIBUTE = "org.hearth.audit.breakGlassGrant";

    /** An access through the usual relationship. */
    public AuditRecord(
            String auditId,
            String patientId,
            String actor,
            List<String> roles,
            String clientId,
            String action,
            int outcome,
            String correlationId,
            Instant at) {
        this(auditId, patientId, actor, roles, clientId, action, outcome, correlationId, at, null, null, null, null);
    }

    /** An access without the caller's name, organisation and address. */
    public AuditRecord(
            String auditId,
            String patientId,
            String actor,
            List<String> roles,
            String clientId,
            String action,
            int outcome,
            String correlationId,
            Instant at,
            String purposeOfUse,
            String patientAgency,
            String actorAgency,
            String grantId) {
        this(
                auditId,
                patientId,
                actor,
                roles,
                clientId,
                action,
                outcome,
                correlationId,
                at,
                purposeOfUse,
                patientAgency,
                actorAgency,
                grantId,
                null,
                null,
                null);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return patientId;
    }
}
