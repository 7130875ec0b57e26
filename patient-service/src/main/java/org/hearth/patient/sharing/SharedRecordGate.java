package org.hearth.patient.sharing;

import org.hearth.patient.alerts.AlertSettings;
import org.hearth.patient.agency.Agency;
import org.hearth.platform.audit.AuditRecord;
import org.hearth.platform.audit.AuditTrail;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.hearth.platform.correlation.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one place where an agency reads another agency's patient: only what a sharing grant in force names, for the
 * agency it names. Why a grant and not a wider tenant filter: the tenant filter is what makes every other query of
 * this service safe by construction (a repository cannot forget it), so it stays untouched; a share is a recorded,
 * revocable consent with parts and a period, checked here on every request and read inside the owner's tenant
 * ({@link TenantContext#callAs}), so the owner's own scoping applies to what is read. A grant that is unknown, for
 * another agency, revoked, out of its period or without the part answers 404, exactly like a patient of another agency.
 * Every read is audited twice, once in each agency's trail, each record naming both agencies.
 */
@Component
class SharedRecordGate {

    private static final Logger log = LoggerFactory.getLogger(SharedRecordGate.class);

    private final SharingGrants grants;
    private final AuditTrail trail;
    /** Only for the agency's zone, the one the chart sets (hearth.alerts.zone), in which a grant's dates are read. */
    private final AlertSettings settings;
    private final Clock clock;

    SharedRecordGate(SharingGrants grants, AuditTrail trail, AlertSettings settings, Clock clock) {
        this.grants = grants;
        this.trail = trail;
        this.settings = settings;
        this.clock = clock;
    }

    java.time.Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), settings.zone());
    }

    /** The grants in force for the caller's agency, newest first. */
    List<SharingGrant> inForce() {
        LocalDate today = today();
        return grants.grantedTo(Agency.ofCaller().alias(), null).stream().filter(g -> g.activeOn(today)).toList();
    }

    /** The grant if it is in force for the caller's agency and shares {@code part} (null: any part); else 404. */
    SharingGrant require(String grantId, SharedPart part) {
        LocalDate today = today();
        return grants.grantedTo(Agency.ofCaller().alias(), grantId).stream()
                .filter(g -> part == null ? g.activeOn(today) : g.shares(part, today)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Shared record " + grantId));
    }

    /** Reads as the patient's agency, then leaves the audit record in both agencies. */
    <T> T read(SharingGrant grant, String action, Supplier<T> read) {
        T result = TenantContext.callAs(TenantId.of(grant.ownerAgency()), read);
        audit(grant, action);
        return result;
    }

    /** The client's address as the interceptor records it: the gateway's X-Forwarded-For first hop, else the peer. */
    private static String address() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String forwarded = attributes.getRequest().getHeader("X-Forwarded-For");
            String address = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip()
                    : attributes.getRequest().getRemoteAddr();
            return address == null || address.length() > 64 ? null : address;
        }
        return null;
    }

    private void audit(SharingGrant grant, String action) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (!(caller instanceof JwtAuthenticationToken jwt)) {
            return;
        }
        String reader = TenantContext.current().value();
        List<String> roles = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
        String name = jwt.getToken().getClaimAsString("name") != null ? jwt.getToken().getClaimAsString("name")
                : jwt.getToken().getClaimAsString("preferred_username");
        String organization = Agency.ofCaller().alias();
        String address = address();
        for (String agency : List.of(grant.ownerAgency(), reader)) {
            try {
                TenantContext.runAs(TenantId.of(agency), () -> trail.record(new AuditRecord(UUID.randomUUID().toString(),
                        grant.patientId(), jwt.getToken().getSubject(), roles, jwt.getToken().getClaimAsString("azp"),
                        action, 200, CorrelationId.current().orElse(null), clock.instant(), AuditRecord.SHARED_RECORD,
                        grant.ownerAgency(), reader, grant.id(), name, organization, address)));
            } catch (RuntimeException e) {
                log.error("AUDIT RECORD NOT WRITTEN for {} (shared record, patient id withheld): {}", action, e.toString());
            }
        }
    }
}
