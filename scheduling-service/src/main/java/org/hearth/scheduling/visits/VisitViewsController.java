package org.hearth.scheduling.visits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.security.Caller;
import org.hearth.scheduling.SchedulingSettings;
import org.hearth.scheduling.authorizations.Authorizations;
import org.hearth.scheduling.authorizations.UnitRule;
import org.hearth.scheduling.clinicians.Clinician;
import org.hearth.scheduling.clinicians.ClinicianRepository;
import org.hearth.scheduling.geo.GeoPoint;
import org.hearth.scheduling.geo.TravelTimeEstimator;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read models of the schedule: a clinician's day in route order, a patient's upcoming visits, the week board, iCal. */
@RestController
@Tag(name = "Schedule views")
class VisitViewsController {

    static final int MAX_DAYS = 62;

    private final VisitRepository visits;
    private final ClinicianRepository clinicians;
    private final VisitBooking booking;
    private final VisitAccess access;
    private final TravelTimeEstimator travel;
    private final Authorizations authorizations;
    private final ZoneId zone;
    private final Clock clock;

    VisitViewsController(
            VisitRepository visits,
            ClinicianRepository clinicians,
            VisitBooking booking,
            VisitAccess access,
            TravelTimeEstimator travel,
            Authorizations authorizations,
            SchedulingSettings settings,
            Clock clock) {
        this.authorizations = authorizations;
        this.visits = visits;
        this.clinicians = clinicians;
        this.booking = booking;
        this.access = access;
        this.travel = travel;
        this.zone = settings.zone();
        this.clock = clock;
    }

    /**
     * One stop of a route: the visit, the estimated travel to it from the previous stop (or home base), and when its
     * EVV check-in is open (from two hours before the start until the end of its day in the agency's zone).
     */
    record Stop(
            String visitId,
            String patientId,
            String discipline,
            Visit.VisitType type,
            Visit.Status status,
            Instant start,
            Instant end,
            long travelMinutesFromPrevious,
            double kilometresFromPrevious,
            Instant checkInOpensAt,
            Instant checkInClosesAt) {}

    /** @param zone the agency's time zone, in which the day runs and its times are meant to be read */
    record Day(
            String clinicianId,
            LocalDate date,
            List<Stop> stops,
            long totalTravelMinutes,
            double totalKilometres,
            ZoneId zone) {}

    /** What a family member with the SCHEDULE consent sees of a visit: when, which discipline, and who by first name. */
    record FamilyVisit(Instant start, Instant end, String discipline, String clinicianFirstName) {}

    record PatientVisits(String patientId, List<Visit> visits, List<FamilyVisit> familyView) {}

    /** An authorization with what scheduling has booked or used against it. */
    record AuthorizationUse(
            String authorizationId,
            String discipline,
            String status,
            UnitRule unitRule,
            int approvedUnits,
            int unitsBookedOrUsed,
            int unitsRemaining,
            LocalDate from,
            LocalDate to) {}

    /** {@code zone}: the agency's zone, in which the days are counted and the console shows and takes times. */
    record Board(LocalDate weekStart, Map<LocalDate, List<Visit>> booked, List<Visit> unassigned, String zone) {}

    @GetMapping("/api/scheduling/v1/clinicians/{clinicianId}/day")
    @PreAuthorize(VisitController.COORDINATORS + " or " + VisitController.CLINICIANS)
    @Operation(
            summary = "A clinician's day in route order with travel estimates",
            description = "Coordinators see anyone's day; a clinician sees their own. Telehealth stops need no travel.")
    Day day(
            @PathVariable String clinicianId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Clinician clinician = visibleClinician(clinicianId);
        LocalDate day = date == null ? LocalDate.now(clock.withZone(zone)) : date;
        List<Visit> route = visits.ofClinician(
                clinicianId,
                day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
        Function<Visit, GeoPoint> place = booking.locator(route);
        List<Stop> stops = new ArrayList<>();
        GeoPoint previous = clinician.homeBase();
        long minutes = 0;
        double kilometres = 0;
        for (Visit visit : route) {
            GeoPoint here = place.apply(visit);
            long leg = previous == null || here == null
                    ? 0
                    : travel.between(previous, here).toMinutes();
            double km = previous == null || here == null ? 0 : Math.round(previous.metresTo(here) / 100.0) / 10.0;
            VisitEvv.CheckInWindow window =
                    VisitEvv.CheckInWindow.of(visit.booking().start(), zone);
            stops.add(new Stop(
                    visit.id(),
                    visit.patientId(),
                    visit.discipline(),
                    visit.type(),
                    visit.status(),
                    visit.booking().start(),
                    visit.booking().end(),
                    leg,
                    km,
                    window.opensAt(),
                    window.closesAt()));
            minutes += leg;
            kilometres += km;
            previous = here == null ? previous : here;
        }
        return new Day(clinicianId, day, stops, minutes, Math.round(kilometres * 10) / 10.0, zone);
    }

    @GetMapping("/api/scheduling/v1/patients/{patientId}/visits")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "A patient's visits from a day on (default today), in time order",
            description = "Staff who see the patient get the visits; a family member with the SCHEDULE consent gets "
                    + "familyView only (time, discipline, clinician's first name). Others: 404.")
    PatientVisits patientVisits(
            @PathVariable String patientId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from) {
        VisitAccess.Sight sight = access.sightOf(patientId);
        LocalDate since = from == null ? LocalDate.now(clock.withZone(zone)) : from;
        List<Visit> upcoming = visits.ofPatient(patientId).stream()
                .filter(v -> v.latest() == null || !v.latest().isBefore(since))
                .filter(v -> v.booking() == null
                        || !LocalDate.ofInstant(v.booking().start(), zone).isBefore(since))
                .sorted(Comparator.comparing((Visit v) -> v.booking() == null
                        ? v.earliest().atStartOfDay(zone).toInstant()
                        : v.booking().start()))
                .toList();
        if (sight == VisitAccess.Sight.FULL) {
            return new PatientVisits(patientId, upcoming, null);
        }
        List<FamilyVisit> family = upcoming.stream()
                .filter(v -> v.status() == Visit.Status.SCHEDULED || v.status() == Visit.Status.CHECKED_IN)
                .map(v -> new FamilyVisit(
                        v.booking().start(),
                        v.booking().end(),
                        v.discipline(),
                        firstName(v.booking().clinicianId())))
                .toList();
        return new PatientVisits(patientId, null, family);
    }

    @GetMapping("/api/scheduling/v1/patients/{patientId}/authorizations")
    @PreAuthorize(VisitController.COORDINATORS + " or hasAnyRole('billing','case-manager')")
    @Operation(
            summary = "The patient's prior authorizations with units booked, used and remaining",
            description = "As billing reported them; units of scheduled, in-progress and completed visits count")
    List<AuthorizationUse> authorizations(@PathVariable String patientId) {
        access.sightOf(patientId);
        List<AuthorizationUse> uses = new ArrayList<>();
        for (String discipline :
                BookingRules.QUALIFIED.keySet().stream().sorted().toList()) {
            var grants = authorizations.of(patientId, discipline);
            Map<String, Integer> used = visits.unitsUsed(
                    grants.stream().map(g -> g.authorizationId()).toList(), "");
            grants.forEach(g -> {
                int booked = used.getOrDefault(g.authorizationId(), 0);
                uses.add(new AuthorizationUse(
                        g.authorizationId(),
                        g.discipline(),
                        g.status(),
                        g.unitRule(),
                        g.approvedUnits(),
                        booked,
                        Math.max(0, g.approvedUnits() - booked),
                        g.from(),
                        g.to()));
            });
        }
        return uses;
    }

    @GetMapping("/api/scheduling/v1/board")
    @PreAuthorize(VisitController.COORDINATORS)
    @Operation(
            summary = "The agency's week board: booked visits by day and the visits still to book",
            description = "Weeks run Sunday to Saturday; any day of the week may be given (default: this week)")
    Board board(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week) {
        LocalDate start = (week == null ? LocalDate.now(clock.withZone(zone)) : week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        LocalDate end = start.plusDays(6);
        var criteria = org.springframework.data.mongodb.core.query.Criteria.where("visit.earliest")
                .lte(end)
                .and("visit.latest")
                .gte(start)
                .and("visit.status")
                .in(Visit.Status.UNSCHEDULED, Visit.Status.SCHEDULED, Visit.Status.CHECKED_IN, Visit.Status.COMPLETED);
        Map<LocalDate, List<Visit>> booked = new TreeMap<>();
        List<Visit> unassigned = new ArrayList<>();
        for (Visit visit : visits.list(criteria, org.springframework.data.domain.PageRequest.of(0, 2000))
                .getContent()) {
            if (visit.booking() == null) {
                unassigned.add(visit);
            } else {
                booked.computeIfAbsent(LocalDate.ofInstant(visit.booking().start(), zone), d -> new ArrayList<>())
                        .add(visit);
            }
        }
        booked.values()
                .forEach(list -> list.sort(Comparator.comparing(v -> v.booking().start())));
        return new Board(start, booked, unassigned, zone.getId());
    }

    @GetMapping(value = "/api/scheduling/v1/clinicians/{clinicianId}/calendar.ics", produces = "text/calendar")
    @PreAuthorize(VisitController.COORDINATORS + " or " + VisitController.CLINICIANS)
    @Operation(
            summary = "iCalendar feed of a clinician's visits (RFC 5545)",
            description = "From a day on (default today) for up to 62 days; events name the discipline and a short "
                    + "visit reference, never the patient")
    ResponseEntity<String> calendar(
            @PathVariable String clinicianId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) Integer days) {
        Clinician clinician = visibleClinician(clinicianId);
        int span = days == null ? 28 : days;
        if (span < 1 || span > MAX_DAYS) {
            throw ApiException.badRequest("days must be 1 to " + MAX_DAYS);
        }
        LocalDate since = from == null ? LocalDate.now(clock.withZone(zone)) : from;
        List<Visit> feed = visits.ofClinician(
                clinicianId,
                since.atStartOfDay(zone).toInstant(),
                since.plusDays(span).atStartOfDay(zone).toInstant());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .body(ICalendar.of(clinician.name(), feed, clock.instant()));
    }

    private Clinician visibleClinician(String clinicianId) {
        Clinician clinician = clinicians
                .find(clinicianId)
                .map(ClinicianRepository.Versioned::clinician)
                .orElseThrow(() -> ApiException.notFound("Clinician " + clinicianId));
        boolean coordinator = Caller.hasRole("coordinator") || Caller.hasRole("agency-admin");
        if (!coordinator && !Caller.subject().equals(clinician.subject())) {
            throw ApiException.notFound("Clinician " + clinicianId);
        }
        return clinician;
    }

    private String firstName(String clinicianId) {
        return clinicians
                .find(clinicianId)
                .map(c -> c.clinician().name().split("\\s+")[0])
                .orElse(null);
    }
}
