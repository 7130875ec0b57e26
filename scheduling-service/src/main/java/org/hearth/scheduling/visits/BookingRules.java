package org.hearth.scheduling.visits;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.platform.problem.RuleViolation;
import org.hearth.scheduling.authorizations.AuthorizationGrant;
import org.hearth.scheduling.clinicians.Clinician;
import org.hearth.scheduling.clinicians.Clinician.Discipline;
import org.hearth.scheduling.geo.GeoPoint;
import org.hearth.scheduling.geo.TravelTimeEstimator;
import org.hearth.scheduling.patients.TimeWindow;
import org.hearth.scheduling.visits.Visit.VisitType;

/**
 * The hard rules of booking a visit. Every rule is checked and every broken one reported, so a coordinator fixes
 * the booking in one go instead of discovering the rules one refusal at a time. Plain Java: the optimizer can use
 * the same rules.
 */
public final class BookingRules {

    /** Which clinicians may serve each plan-of-care discipline. */
    static final Map<String, Set<Discipline>> QUALIFIED = Map.of(
            "SN", Set.of(Discipline.RN, Discipline.LPN),
            "PT", Set.of(Discipline.PT),
            "OT", Set.of(Discipline.OT),
            "ST", Set.of(Discipline.ST),
            "MSW", Set.of(Discipline.SOCIAL_WORKER),
            "HHA", Set.of(Discipline.AIDE),
            "RD", Set.of(Discipline.DIETITIAN));

    /** Whether the clinician's discipline may make visits of the plan-of-care discipline code. */
    public static boolean qualifies(Clinician clinician, String visitDiscipline) {
        return QUALIFIED.getOrDefault(visitDiscipline, Set.of()).contains(clinician.discipline());
    }

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final TravelTimeEstimator travel;
    private final ZoneId zone;

    public BookingRules(TravelTimeEstimator travel, ZoneId zone) {
        this.travel = travel;
        this.zone = zone;
    }

    /** The patient as booking needs to know them. */
    public record PatientFacts(String status, GeoPoint home, List<TimeWindow> windows) {}

    /** Another visit of the same clinician that day; {@code location} is null for telehealth. */
    public record Neighbour(String visitId, Instant start, Instant end, GeoPoint location) {}

    /** The proposed booking. */
    public record Proposal(Clinician clinician, Instant start, Instant end, VisitType type) {}

    /** The violations, or none and the authorization the visit will consume. */
    public record Outcome(List<RuleViolation> violations, String authorizationId, int units) {

        public boolean allowed() {
            return violations.isEmpty();
        }
    }

    /**
     * @param grants the patient's authorizations for the visit's discipline (empty: the payer requires none)
     * @param unitsUsed units already booked or used per authorization id, excluding this visit
     */
    public Outcome check(
            Visit visit,
            Proposal proposal,
            PatientFacts patient,
            List<Neighbour> clinicianDay,
            List<AuthorizationGrant> grants,
            Map<String, Integer> unitsUsed) {
        List<RuleViolation> violations = new ArrayList<>();
        Clinician clinician = proposal.clinician();
        LocalDateTime start = LocalDateTime.ofInstant(proposal.start(), zone);
        LocalDateTime end = LocalDateTime.ofInstant(proposal.end(), zone);
        LocalDate day = start.toLocalDate();

        if (!"ACTIVE".equals(patient.status())) {
            violations.add(new RuleViolation(
                    "PATIENT_NOT_ACTIVE",
                    "the patient is " + describe(patient.status())
                            + "; visits can be booked for active patients only"));
        }
        Set<Discipline> qualified = QUALIFIED.getOrDefault(visit.discipline(), Set.of());
        if (!qualified.contains(clinician.discipline())) {
            violations.add(new RuleViolation(
                    "DISCIPLINE_MISMATCH",
                    "a " + clinician.discipline() + " cannot make a " + visit.discipline() + " visit; it needs "
                            + qualified.stream().map(Enum::name).sorted().toList()));
        }
        List<String> missingSkills = visit.needs().skills().stream()
                .filter(s -> !clinician.skills().contains(s))
                .sorted()
                .toList();
        if (!missingSkills.isEmpty()) {
            violations.add(new RuleViolation("SKILL_MISSING", "the clinician lacks " + missingSkills));
        }
        List<String> invalid = visit.needs().certifications().stream()
                .filter(c -> !clinician.certifiedOn(c, day))
                .sorted()
                .toList();
        if (!invalid.isEmpty()) {
            violations.add(
                    new RuleViolation("CERTIFICATION_INVALID", "no certification valid on " + day + " for " + invalid));
        }
        if (!clinician.isAvailable(start, end)) {
            violations.add(new RuleViolation(
                    "CLINICIAN_UNAVAILABLE",
                    "the clinician is not working "
                            + day.getDayOfWeek() + " " + start.toLocalTime().format(HH_MM) + "-"
                            + end.toLocalTime().format(HH_MM)
                            + (clinician.active() ? " (working hours or time off)" : " (inactive)")));
        }
        if (clinicianDay.size() >= clinician.maxVisitsPerDay()) {
            violations.add(new RuleViolation(
                    "DAILY_LIMIT",
                    "the clinician already has " + clinicianDay.size() + " visits on " + day + " (limit "
                            + clinician.maxVisitsPerDay() + ")"));
        }
        checkOverlapAndTravel(proposal, patient, clinicianDay, violations);
        if (visit.earliest() != null && (day.isBefore(visit.earliest()) || day.isAfter(visit.latest()))) {
            violations.add(new RuleViolation(
                    "OUTSIDE_ORDERED_WEEK",
                    "the plan of care orders this visit between " + visit.earliest() + " and " + visit.latest()));
        }
        if (!patient.windows().isEmpty() && patient.windows().stream().noneMatch(w -> w.contains(start, end))) {
            violations.add(new RuleViolation(
                    "OUTSIDE_PATIENT_WINDOW",
                    "the patient's preferred times on "
                            + day.getDayOfWeek() + " are "
                            + patient.windows().stream()
                                    .filter(w -> w.day() == day.getDayOfWeek())
                                    .map(TimeWindow::toString)
                                    .toList()));
        }
        return authorize(visit, proposal, day, grants, unitsUsed, violations);
    }

    private void checkOverlapAndTravel(
            Proposal proposal, PatientFacts patient, List<Neighbour> clinicianDay, List<RuleViolation> violations) {
        GeoPoint here = proposal.type() == VisitType.TELEHEALTH ? null : patient.home();
        List<Neighbour> sorted = clinicianDay.stream()
                .sorted(Comparator.comparing(Neighbour::start))
                .toList();
        Neighbour before = null;
        Neighbour after = null;
        for (Neighbour other : sorted) {
            if (other.start().isBefore(proposal.end()) && proposal.start().isBefore(other.end())) {
                violations.add(new RuleViolation(
                        "OVERLAP",
                        "overlaps the clinician's visit " + local(other.start()) + "-" + local(other.end())));
            } else if (!other.end().isAfter(proposal.start())) {
                before = other;
            } else if (after == null) {
                after = other;
            }
        }
        if (before != null) {
            Duration needed = between(before.location(), here);
            if (before.end().plus(needed).isAfter(proposal.start())) {
                violations.add(new RuleViolation(
                        "TRAVEL_TIME",
                        "needs " + needed.toMinutes()
                                + " min of travel after the visit ending " + local(before.end()) + "; start at "
                                + local(before.end().plus(needed)) + " or later"));
            }
        }
        if (after != null) {
            Duration needed = between(here, after.location());
            if (proposal.end().plus(needed).isAfter(after.start())) {
                violations.add(new RuleViolation(
                        "TRAVEL_TIME",
                        "needs " + needed.toMinutes()
                                + " min of travel to the visit starting " + local(after.start()) + "; end by "
                                + local(after.start().minus(needed))));
            }
        }
    }

    private Outcome authorize(
            Visit visit,
            Proposal proposal,
            LocalDate day,
            List<AuthorizationGrant> grants,
            Map<String, Integer> unitsUsed,
            List<RuleViolation> violations) {
        if (grants.isEmpty()) {
            return new Outcome(List.copyOf(violations), null, 1);
        }
        List<AuthorizationGrant> covering = grants.stream()
                .filter(AuthorizationGrant::approved)
                .filter(g -> g.covers(day))
                .toList();
        if (covering.isEmpty()) {
            violations.add(new RuleViolation(
                    "AUTHORIZATION_MISSING",
                    "the payer requires prior authorization for " + visit.discipline() + " and none is approved for "
                            + day));
            return new Outcome(List.copyOf(violations), null, 0);
        }
        int bestRemaining = 0;
        int needed = 0;
        for (AuthorizationGrant grant : covering) {
            int units = grant.unitRule().unitsFor(Duration.between(proposal.start(), proposal.end()));
            int remaining = grant.approvedUnits() - unitsUsed.getOrDefault(grant.authorizationId(), 0);
            if (remaining >= units) {
                return new Outcome(List.copyOf(violations), grant.authorizationId(), units);
            }
            bestRemaining = Math.max(bestRemaining, remaining);
            needed = units;
        }
        violations.add(new RuleViolation(
                "AUTHORIZED_UNITS_EXHAUSTED",
                "the visit needs " + needed + " unit(s); " + bestRemaining + " authorized unit(s) remain"));
        return new Outcome(List.copyOf(violations), null, 0);
    }

    private Duration between(GeoPoint from, GeoPoint to) {
        return from == null || to == null ? Duration.ZERO : travel.between(from, to);
    }

    private String local(Instant instant) {
        return LocalTime.ofInstant(instant, zone).format(HH_MM);
    }

    private static String describe(String status) {
        return status == null ? "unknown to scheduling" : status.toLowerCase().replace('_', ' ');
    }
}
