package org.hearth.platform.audit;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.hearth.platform.correlation.CorrelationId;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What a service calls after another agency's staff read a patient's data under a sharing grant (the patient's
 * consent): the read is recorded twice, once in the patient's agency's trail and once in the reader's, each record
 * naming both agencies and the grant ({@link AuditRecord#SHARED_RECORD}). Such routes name a grant, not a patient, so
 * {@link AuditInterceptor} records nothing for them; this is their one record per agency. One helper, so every service
 * that serves a shared part audits it the same way. Call it from the request, outside
 * {@link TenantContext#callAs} (the current tenant is the reader's agency).
 */
public class SharedRecordAudit {

    private static final Logger log = LoggerFactory.getLogger(SharedRecordAudit.class);

    private final AuditTrail trail;
    private final Clock clock;

    public SharedRecordAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * @param grantId       the sharing grant the read relied on
     * @param patientAgency the agency whose patient it is (the grant's owner)
     * @param action        method and route template, e.g. {@code GET /api/…/shared-records/{grantId}/visits}
     */
    public void read(String grantId, String patientId, String patientAgency, String action) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (!(caller instanceof JwtAuthenticationToken jwt)) {
            return;
        }
        String reader = TenantContext.current().value();
        List<String> roles = RefusalAudit.rolesOf(caller);
        String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? RefusalAudit.addressOf(request.getRequest())
                : null;
        for (String agency : List.of(patientAgency, reader)) {
            try {
                TenantContext.runAs(
                        TenantId.of(agency),
                        () -> trail.record(new AuditRecord(
                                UUID.randomUUID().toString(),
                                patientId,
                                jwt.getToken().getSubject(),
                                roles,
                                jwt.getToken().getClaimAsString("azp"),
                                action,
                                200,
                                CorrelationId.current().orElse(null),
                                clock.instant(),
                                AuditRecord.SHARED_RECORD,
                                patientAgency,
                                reader,
                                grantId,
                                RefusalAudit.nameOf(jwt),
                                RefusalAudit.organizationOf(jwt),
                                address)));
            } catch (RuntimeException e) {
                // the answer is on its way; an audit failure must be loud in operations, not silent
                log.error(
                        "AUDIT RECORD NOT WRITTEN for {} (shared record, patient id withheld): {}",
                        action,
                        e.toString());
            }
        }
    }
}
