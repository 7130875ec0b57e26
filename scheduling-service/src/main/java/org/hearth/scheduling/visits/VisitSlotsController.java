package org.hearth.scheduling.visits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.hearth.platform.problem.ApiException;
import org.hearth.scheduling.SchedulingSettings;
import org.hearth.scheduling.visits.Visit.VisitType;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Help for the coordinator who books: free slots with each clinician's load and travel, and why a visit is stuck. */
@RestController
@Tag(name = "Schedule views")
class VisitSlotsController {

    private final VisitRepository visits;
    private final VisitSlots slots;
    private final VisitAccess access;
    private final ZoneId zone;
    private final Clock clock;

    VisitSlotsController(
            VisitRepository visits, VisitSlots slots, VisitAccess access, SchedulingSettings settings, Clock clock) {
        this.visits = visits;
        this.slots = slots;
        this.access = access;
        this.zone = settings.zone();
        this.clock = clock;
    }

    /** Per unassigned visit of the week, what blocks it; a visit that can be booked is not listed. */
    record Blockers(LocalDate weekStart, String zone, Map<String, List<VisitSlots.Blocker>> visits) {}

    @GetMapping("/api/scheduling/v1/visits/{id}/slots")
    @PreAuthorize(VisitController.COORDINATORS)
    @Operation(
            summary = "Free slots for a visit on a day, per qualified clinician, with load and travel",
            description = "Times on a half-hour grid inside each active qualified clinician's working hours that the "
                    + "booking rules accept now (hours, time off, other visits and travel, the visit's window, the "
                    + "patient's preferred times, authorization). Each clinician comes with the visits they have that "
                    + "day and week and their daily limit; a clinician without a slot, and the visit when nobody has "
                    + "one, come with the rules that refuse. Times are instants; 'zone' is the agency's zone. "
                    + "Default day: the first day of the window not in the past; default length 60 minutes.")
    VisitSlots.Offer slots(
            @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) Integer minutes,
            @RequestParam(required = false) VisitType type) {
        Visit visit = visits.find(id)
                .map(VisitRepository.Versioned::visit)
                .orElseThrow(() -> ApiException.notFound("Visit " + id));
        access.sightOf(visit.patientId());
        int length = minutes == null ? 60 : minutes;
        if (length < 15 || length > 240) {
            throw ApiException.badRequest("minutes must be 15 to 240");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate day = date != null
                ? date
                : visit.earliest() == null || visit.earliest().isBefore(today) ? today : visit.earliest();
        return slots.offer(visit, day, length, type == null ? visit.type() : type);
    }

    @GetMapping("/api/scheduling/v1/board/blockers")
    @PreAuthorize(VisitController.COORDINATORS)
    @Operation(
            summary = "Why the week's unassigned visits cannot be booked, in the booking rules' words",
            description = "For each unassigned visit of the week (Sunday to Saturday; any day of it may be given) that "
                    + "no active qualified clinician could take at any time left in its window: the rules every "
                    + "candidate breaks (e.g. AUTHORIZATION_MISSING, AUTHORIZED_UNITS_EXHAUSTED, SKILL_MISSING), "
                    + "NO_QUALIFIED_CLINICIAN, WINDOW_PASSED, or NO_FREE_SLOT. Bookable visits are not listed.")
    Blockers blockers(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week) {
        LocalDate start = (week == null ? LocalDate.now(clock.withZone(zone)) : week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        Criteria unassigned = Criteria.where("visit.earliest")
                .lte(start.plusDays(6))
                .and("visit.latest")
                .gte(start)
                .and("visit.status")
                .is(Visit.Status.UNSCHEDULED);
        List<Visit> open = visits.list(unassigned, PageRequest.of(0, 2000)).getContent();
        return new Blockers(start, zone.getId(), slots.blockers(open));
    }
}
