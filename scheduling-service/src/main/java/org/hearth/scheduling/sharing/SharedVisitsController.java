package org.hearth.scheduling.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hearth.platform.audit.SharedRecordAudit;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.security.Caller;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.hearth.platform.web.PageResponse;
import org.hearth.platform.web.Paging;
import org.hearth.scheduling.SchedulingSettings;
import org.hearth.scheduling.clinicians.ClinicianRepository;
import org.hearth.scheduling.visits.Visit;
import org.hearth.scheduling.visits.VisitRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The visits of a patient another agency shares with the caller's agency (the VISITS part of a sharing grant of
 * patient-service). The grant is checked on every request: for the caller's agency (its alias from the verified
 * token), in force today in the agencies' zone, not revoked, naming VISITS; anything else answers 404, as another
 * agency's data always does. The visits are read inside the owner's tenant ({@link TenantContext#callAs}), so the
 * tenant filter stays the rule for every query; each read is audited in both agencies ({@link SharedRecordAudit}).
 */
@RestController
@Tag(name = "Sharing with another agency")
class SharedVisitsController {

    static final String STAFF = "hasAnyRole('agency-admin','coordinator','physician','nurse','therapist','aide',"
            + "'social-worker','case-manager')";
    static final String ROUTE = "/api/scheduling/v1/shared-records/{grantId}/visits";

    private final SharedGrants grants;
    private final VisitRepository visits;
    private final ClinicianRepository clinicians;
    private final SharedRecordAudit audit;
    private final ZoneId zone;
    private final Clock clock;

    SharedVisitsController(
            SharedGrants grants,
            VisitRepository visits,
            ClinicianRepository clinicians,
            SharedRecordAudit audit,
            SchedulingSettings settings,
            Clock clock) {
        this.grants = grants;
        this.visits = visits;
        this.clinicians = clinicians;
        this.audit = audit;
        this.zone = settings.zone();
        this.clock = clock;
    }

    /**
     * What the other agency's coordinator needs to work around the owner's visits, and no more: when (the booked time,
     * or the days an unbooked visit is due), which discipline, in the home or by video, its status, and the clinician's
     * first name (what the patient and family call them, as the family view shows). Not the clinician's id, the
     * telehealth link (a way into the call), EVV positions, reasons, units or authorizations: the owner's own business.
     */
    record SharedVisit(
            LocalDate earliest,
            LocalDate latest,
            Instant start,
            Instant end,
            String discipline,
            Visit.VisitType type,
            Visit.Status status,
            String clinicianFirstName) {}

    @GetMapping(ROUTE)
    @PreAuthorize(STAFF)
    @Operation(
            summary = "The visits of a patient another agency shares with my agency, in date order; paged",
            description = "404 unless the sharing grant is for the caller's agency, in force today, not revoked, and "
                    + "shares VISITS. Visits booked to start, or not booked and due, from a day on (default today) to "
                    + "an optional last day; each item gives times, discipline, type, status and the clinician's first "
                    + "name. Each read is audited in both agencies (purposeOfUse sharedRecord).")
    PageResponse<SharedVisit> visits(
            @PathVariable String grantId,
            @Parameter(description = "first day (default today, agency's zone)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @Parameter(description = "last day")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        SharedGrant grant = Caller.agencyAlias()
                .flatMap(alias -> grants.grantedTo(alias, grantId))
                .filter(g -> g.sharesVisitsOn(today))
                .orElseThrow(() -> ApiException.notFound("Shared record " + grantId));
        LocalDate since = from == null ? today : from;
        if (to != null && to.isBefore(since)) {
            throw ApiException.invalid(List.of(new FieldError("to", "must not be before from")));
        }
        PageRequest paging = Paging.of(page, size).withSort(Sort.by("visit.earliest", "visit.booking.start", "_id"));
        PageResponse<SharedVisit> shared = TenantContext.callAs(TenantId.of(grant.tenantId()), () -> {
            Criteria criteria = Criteria.where("visit.patientId")
                    .is(grant.patientId())
                    .orOperator(due(since, to), booked(since, to));
            Map<String, String> firstNames = new HashMap<>();
            return PageResponse.of(visits.list(criteria, paging), v -> shared(v, firstNames));
        });
        audit.read(grant.grantId(), grant.patientId(), grant.tenantId(), "GET " + ROUTE);
        return shared;
    }

    /** Visits not booked yet whose days overlap {@code from}..{@code to}. */
    private static Criteria due(LocalDate from, LocalDate to) {
        Criteria due =
                Criteria.where("visit.booking").is(null).and("visit.latest").gte(from);
        return to == null ? due : due.and("visit.earliest").lte(to);
    }

    /** Booked visits that start on {@code from}..{@code to} in the agencies' zone. */
    private Criteria booked(LocalDate from, LocalDate to) {
        Criteria booked = Criteria.where("visit.booking.start")
                .gte(from.atStartOfDay(zone).toInstant());
        return to == null ? booked : booked.lt(to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private SharedVisit shared(Visit v, Map<String, String> firstNames) {
        Visit.Booking booking = v.booking();
        String firstName = booking == null || booking.clinicianId() == null
                ? null
                : firstNames.computeIfAbsent(
                        booking.clinicianId(),
                        id -> clinicians
                                .find(id)
                                .map(c -> c.clinician().name().strip().split("\\s+")[0])
                                .orElse(null));
        return new SharedVisit(
                v.earliest(),
                v.latest(),
                booking == null ? null : booking.start(),
                booking == null ? null : booking.end(),
                v.discipline(),
                v.type(),
                v.status(),
                firstName);
    }
}
