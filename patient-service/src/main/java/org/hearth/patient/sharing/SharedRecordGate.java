package org.hearth.patient.sharing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.hearth.patient.agency.Agency;
import org.hearth.patient.alerts.AlertSettings;
import org.hearth.platform.audit.SharedRecordAudit;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.springframework.stereotype.Component;

/**
 * The one place where an agency reads another agency's patient: only what a sharing grant in force names, for the
 * agency it names. Why a grant and not a wider tenant filter: the tenant filter is what makes every other query of
 * this service safe by construction (a repository cannot forget it), so it stays untouched; a share is a recorded,
 * revocable consent with parts and a period, checked here on every request and read inside the owner's tenant
 * ({@link TenantContext#callAs}), so the owner's own scoping applies to what is read. A grant that is unknown, for
 * another agency, revoked, out of its period or without the part answers 404, exactly like a patient of another agency.
 * Every read is audited twice, once in each agency's trail, each record naming both agencies ({@link
 * SharedRecordAudit}, which scheduling-service uses for the shared visits too).
 */
@Component
class SharedRecordGate {

    private final SharingGrants grants;
    private final SharedRecordAudit audit;
    /** Only for the agency's zone, the one the chart sets (hearth.alerts.zone), in which a grant's dates are read. */
    private final AlertSettings settings;

    private final Clock clock;

    SharedRecordGate(SharingGrants grants, SharedRecordAudit audit, AlertSettings settings, Clock clock) {
        this.grants = grants;
        this.audit = audit;
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
        return grants.grantedTo(Agency.ofCaller().alias(), null).stream()
                .filter(g -> g.activeOn(today))
                .toList();
    }

    /** The grant if it is in force for the caller's agency and shares {@code part} (null: any part); else 404. */
    SharingGrant require(String grantId, SharedPart part) {
        LocalDate today = today();
        return grants.grantedTo(Agency.ofCaller().alias(), grantId).stream()
                .filter(g -> part == null ? g.activeOn(today) : g.shares(part, today))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Shared record " + grantId));
    }

    /** Reads as the patient's agency, then leaves the audit record in both agencies. */
    <T> T read(SharingGrant grant, String action, Supplier<T> read) {
        T result = TenantContext.callAs(TenantId.of(grant.ownerAgency()), read);
        audit.read(grant.id(), grant.patientId(), grant.ownerAgency(), action);
        return result;
    }
}
