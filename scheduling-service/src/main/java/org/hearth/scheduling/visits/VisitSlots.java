package org.hearth.scheduling.visits;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.platform.problem.RuleViolation;
import org.hearth.scheduling.SchedulingSettings;
import org.hearth.scheduling.clinicians.Clinician;
import org.hearth.scheduling.clinicians.ClinicianRepository;
import org.hearth.scheduling.geo.GeoPoint;
import org.hearth.scheduling.geo.TravelTimeEstimator;
import org.hearth.scheduling.visits.BookingRules.Neighbour;
import org.hearth.scheduling.visits.BookingRules.Proposal;
import org.hearth.scheduling.visits.Visit.VisitType;
import org.springframework.stereotype.Component;

/**
 * Free slots for a visit and what blocks a visit nobody can book. Both ask the booking rules themselves
 * ({@link BookingRules#check}) about candidate times on a half-hour grid inside each qualified clinician's working
 * hours, against the clinician's day as a booking would see it: a slot offered is a booking the rules accept now,
 * and a blocker is a rule every candidate breaks. Nothing is claimed or written.
 */
@Component
class VisitSlots {

    static final Duration STEP = Duration.ofMinutes(30);
    /** The shortest visit the board tries when it asks what blocks a visit: a blocker then blocks any visit. */
    static final Duration SHORTEST = Duration.ofMinutes(30);

    private final VisitBooking booking;
    private final BookingRules rules;
    private final ClinicianRepository clinicians;
    private final VisitRepository visits;
    private final TravelTimeEstimator travel;
    private final SchedulingSettings settings;
    private final ZoneId zone;
    private final Clock clock;

    VisitSlots(
            VisitBooking booking,
            BookingRules rules,
            ClinicianRepository clinicians,
            VisitRepository visits,
            TravelTimeEstimator travel,
            SchedulingSettings settings,
            Clock clock) {
        this.booking = booking;
        this.rules = rules;
        this.clinicians = clinicians;
        this.visits = visits;
        this.travel = travel;
        this.settings = settings;
        this.zone = settings.zone();
        this.clock = clock;
    }

    /** A bookable time, with the travel from where the clinician is before it (home base or the previous visit). */
    record Slot(Instant start, Instant end, long travelMinutesFromPrevious) {}

    /** One clinician's free slots that day and load; {@code why} says what the rules refuse when there is no slot. */
    record ClinicianSlots(
            String clinicianId,
            String name,
            Clinician.Discipline discipline,
            int visitsThatDay,
            int visitsThatWeek,
            int maxVisitsPerDay,
            List<Slot> slots,
            List<Blocker> why) {}

    /** A reason in the rules' words: the rule's code and its sentence. */
    record Blocker(String rule, String message) {}

    /** The offer for a visit on a day; {@code blockers} when no clinician has a slot. */
    record Offer(
            String visitId,
            LocalDate date,
            String zone,
            int minutes,
            VisitType type,
            List<ClinicianSlots> clinicians,
            List<Blocker> blockers) {}

    /** One candidate and what the rules say about it. */
    private record Trial(Instant start, Instant end, List<RuleViolation> violations) {}

    /** Free slots of {@code minutes} on {@code date} for every active clinician qualified for the visit. */
    Offer offer(Visit visit, LocalDate date, int minutes, VisitType type) {
        Lookups lookups = new Lookups(visit);
        Duration length = Duration.ofMinutes(minutes);
        LocalDate sunday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        List<ClinicianSlots> offered = new ArrayList<>();
        List<List<RuleViolation>> all = new ArrayList<>();
        for (Clinician clinician : qualified(visit, clinicians.active(500))) {
            List<Neighbour> day = lookups.day(clinician.id(), date);
            List<Trial> trials = trials(visit, clinician, date, length, type, lookups);
            List<Slot> slots = trials.stream()
                    .filter(t -> t.violations().isEmpty())
                    .map(t -> new Slot(t.start(), t.end(), travelBefore(clinician, day, t.start(), type, lookups)))
                    .toList();
            trials.forEach(t -> all.add(t.violations()));
            int week = (int) visits
                    .ofClinician(
                            clinician.id(),
                            sunday.atStartOfDay(zone).toInstant(),
                            sunday.plusDays(7).atStartOfDay(zone).toInstant())
                    .stream()
                    .filter(v -> !v.id().equals(visit.id()) && v.isActive())
                    .count();
            offered.add(new ClinicianSlots(
                    clinician.id(),
                    clinician.name(),
                    clinician.discipline(),
                    day.size(),
                    week,
                    clinician.maxVisitsPerDay(),
                    slots,
                    slots.isEmpty()
                            ? summary(
                                    trials.stream().map(Trial::violations).toList(),
                                    "no free time of " + minutes + " minutes on " + date)
                            : List.of()));
        }
        boolean none = offered.stream().allMatch(c -> c.slots().isEmpty());
        List<Blocker> blockers = !none
                ? List.of()
                : offered.isEmpty()
                        ? List.of(noneQualified(visit))
                        : summary(all, "no qualified clinician has " + minutes + " free minutes on " + date);
        return new Offer(visit.id(), date, zone.getId(), minutes, type, offered, blockers);
    }

    /**
     * What keeps each unassigned visit from being booked at all in the rest of its window, in the rules' words; a
     * visit that some clinician could take at some time is absent. One lookup of each clinician's day serves all.
     */
    Map<String, List<Blocker>> blockers(List<Visit> unassigned) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<String, List<Blocker>> found = new LinkedHashMap<>();
        Map<String, List<Neighbour>> days = new HashMap<>();
        List<Clinician> active = clinicians.active(500);
        for (Visit visit : unassigned) {
            if (visit.status() != Visit.Status.UNSCHEDULED || visit.latest() == null) {
                continue;
            }
            if (visit.latest().isBefore(today)) {
                found.put(visit.id(), List.of(new Blocker("WINDOW_PASSED", "its window ended on " + visit.latest())));
                continue;
            }
            List<Clinician> qualified = qualified(visit, active);
            if (qualified.isEmpty()) {
                found.put(visit.id(), List.of(noneQualified(visit)));
                continue;
            }
            Lookups lookups = new Lookups(visit, days);
            List<List<RuleViolation>> all = new ArrayList<>();
            boolean bookable = false;
            LocalDate from = visit.earliest().isBefore(today) ? today : visit.earliest();
            search:
            for (LocalDate day = from; !day.isAfter(visit.latest()); day = day.plusDays(1)) {
                for (Clinician clinician : qualified) {
                    for (Trial trial : trials(visit, clinician, day, SHORTEST, visit.type(), lookups)) {
                        if (trial.violations().isEmpty()) {
                            bookable = true;
                            break search;
                        }
                        all.add(trial.violations());
                    }
                }
            }
            if (!bookable) {
                found.put(visit.id(), summary(all, "no qualified clinician has free time in the visit's window"));
            }
        }
        return found;
    }

    /** Active clinicians whose discipline may make the visit (the rules' own table); skills and licences are rules. */
    private static List<Clinician> qualified(Visit visit, List<Clinician> active) {
        return active.stream()
                .filter(c -> BookingRules.qualifies(c, visit.discipline()))
                .sorted(Comparator.comparing(Clinician::name))
                .toList();
    }

    private static Blocker noneQualified(Visit visit) {
        return new Blocker(
                "NO_QUALIFIED_CLINICIAN",
                "no active clinician on the roster may make "
                        + visit.discipline() + " visits (it needs "
                        + BookingRules.QUALIFIED.getOrDefault(visit.discipline(), Set.of()).stream()
                                .map(Enum::name)
                                .sorted()
                                .collect(Collectors.joining(" or "))
                        + ")");
    }

    /**
     * Candidates every half hour inside the clinician's hours of that day, not before now, each checked by the rules.
     * A day the clinician does not work is tried once, at the start of the agency's default window, so that the
     * rules say why (not working, on leave, inactive).
     */
    private List<Trial> trials(
            Visit visit, Clinician clinician, LocalDate date, Duration length, VisitType type, Lookups lookups) {
        Instant now = clock.instant();
        List<LocalTime> starts = new ArrayList<>();
        clinician.hours().stream()
                .filter(h -> h.day() == date.getDayOfWeek())
                .findFirst()
                .ifPresentOrElse(
                        h -> {
                            int last = h.end().toSecondOfDay() / 60 - (int) length.toMinutes();
                            for (int minute = h.start().toSecondOfDay() / 60;
                                    minute <= last;
                                    minute += (int) STEP.toMinutes()) {
                                starts.add(LocalTime.ofSecondOfDay(minute * 60L));
                            }
                        },
                        () -> starts.add(settings.planning().defaultWindowStart()));
        List<Neighbour> day = lookups.day(clinician.id(), date);
        List<Trial> trials = new ArrayList<>();
        for (LocalTime time : starts) {
            Instant start = date.atTime(time).atZone(zone).toInstant();
            Instant end = start.plus(length);
            if (start.isBefore(now)) {
                continue;
            }
            List<RuleViolation> violations = new ArrayList<>(rules.check(
                            visit,
                            new Proposal(clinician, start, end, type),
                            lookups.facts().patient(),
                            day,
                            lookups.facts().grants(),
                            lookups.facts().used())
                    .violations());
            violations.addAll(booking.pairingRules(visit, clinician.id(), start));
            trials.add(new Trial(start, end, violations));
        }
        return trials;
    }

    /** Minutes from where the clinician is before {@code start}: the previous visit's home, else their home base. */
    private long travelBefore(
            Clinician clinician, List<Neighbour> day, Instant start, VisitType type, Lookups lookups) {
        GeoPoint here =
                type == VisitType.TELEHEALTH ? null : lookups.facts().patient().home();
        GeoPoint from = day.stream()
                .filter(n -> !n.end().isAfter(start))
                .max(Comparator.comparing(Neighbour::end))
                .map(Neighbour::location)
                .orElse(clinician.homeBase());
        return here == null || from == null ? 0 : travel.between(from, here).toMinutes();
    }

    /**
     * The rules every candidate broke, each with the first candidate's sentence; when no single rule explains it
     * (each time fails for its own reason), one sentence saying there is no free time.
     */
    static List<Blocker> summary(List<List<RuleViolation>> trials, String noFreeTime) {
        if (trials.isEmpty()) {
            return List.of(new Blocker("NO_FREE_SLOT", noFreeTime));
        }
        Set<String> common = new LinkedHashSet<>(
                trials.getFirst().stream().map(RuleViolation::rule).toList());
        trials.forEach(t -> common.retainAll(t.stream().map(RuleViolation::rule).collect(Collectors.toSet())));
        if (common.isEmpty()) {
            return List.of(new Blocker("NO_FREE_SLOT", noFreeTime));
        }
        return common.stream()
                .map(rule -> trials.getFirst().stream()
                        .filter(v -> v.rule().equals(rule))
                        .findFirst()
                        .map(v -> new Blocker(v.rule(), v.message()))
                        .orElseThrow())
                .toList();
    }

    /** What the candidates of one visit share: its facts, and the clinicians' days (shared across visits too). */
    private final class Lookups {

        private final Visit visit;
        private final Map<String, List<Neighbour>> days;
        private VisitBooking.Facts facts;

        Lookups(Visit visit) {
            this(visit, new HashMap<>());
        }

        Lookups(Visit visit, Map<String, List<Neighbour>> days) {
            this.visit = visit;
            this.days = days;
        }

        VisitBooking.Facts facts() {
            if (facts == null) {
                facts = booking.factsOf(visit);
            }
            return facts;
        }

        /** The clinician's day without this visit (a shared day holding it is read again for this visit). */
        List<Neighbour> day(String clinicianId, LocalDate date) {
            List<Neighbour> shared =
                    days.computeIfAbsent(clinicianId + "|" + date, k -> booking.neighboursOn(clinicianId, date, ""));
            return shared.stream()
                    .filter(n -> !Objects.equals(n.visitId(), visit.id()))
                    .toList();
        }
    }
}
