package org.hearth.scheduling.visits;

import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.problem.RuleViolation;
import org.hearth.platform.web.Versions;
import org.hearth.scheduling.authorizations.AuthorizationGrant;
import org.hearth.scheduling.authorizations.Authorizations;
import org.hearth.scheduling.clinicians.Clinician;
import org.hearth.scheduling.clinicians.ClinicianRepository;
import org.hearth.scheduling.geo.GeoPoint;
import org.hearth.scheduling.patients.PatientProjection;
import org.hearth.scheduling.patients.PatientProjectionRepository;
import org.hearth.scheduling.visits.BookingRules.Neighbour;
import org.hearth.scheduling.visits.BookingRules.PatientFacts;
import org.hearth.scheduling.visits.BookingRules.Proposal;
import org.hearth.scheduling.visits.Visit.Booking;
import org.hearth.scheduling.visits.Visit.VisitType;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Books and reschedules visits: checks the request, gathers what the rules need (the clinician's day, the
 * patient's place and windows, the authorizations), and writes only a booking that breaks no rule.
 */
@Component
public class VisitBooking {

    static final Duration LONGEST_VISIT = Duration.ofHours(12);

    private final VisitRepository visits;
    private final ClinicianRepository clinicians;
    private final PatientProjectionRepository patients;
    private final Authorizations authorizations;
    private final BookingRules rules;
    private final ZoneId zone;
    private final Clock clock;

    VisitBooking(VisitRepository visits, ClinicianRepository clinicians, PatientProjectionRepository patients,
            Authorizations authorizations, BookingRules rules, SchedulingSettings settings, Clock clock) {
        this.visits = visits;
        this.clinicians = clinicians;
        this.patients = patients;
        this.authorizations = authorizations;
        this.rules = rules;
        this.zone = settings.zone();
        this.clock = clock;
    }

    /** A booking as asked for; {@code telehealthLink} only for telehealth visits. */
    public record Request(String clinicianId, Instant start, Instant end, VisitType type, String telehealthLink) {
    }

    /** The optimizer's way in: the same checks and events as a coordinator's booking. */
    public VisitRepository.Versioned bookAsPlanned(String visitId, long expectedVersion, Request request, String by) {
        return book(visitId, expectedVersion, request, by);
    }

    /** @return the booked visit at {@code expectedVersion + 1} */
    VisitRepository.Versioned book(String visitId, long expectedVersion, Request request, String by) {
        VisitRepository.Versioned stored = visits.find(visitId).orElseThrow(() -> ApiException.notFound("Visit " + visitId));
        if (stored.version() != expectedVersion) {
            throw Versions.stale();
        }
        Visit visit = stored.visit();
        VisitType type = request.type() == null ? visit.type() : request.type();
        Clinician clinician = validate(request, type);
        if (visit.status() != Visit.Status.UNSCHEDULED && visit.status() != Visit.Status.SCHEDULED) {
            throw ApiException.conflict("A " + visit.status().name().toLowerCase().replace('_', '-')
                    + " visit cannot be booked");
        }
        PatientProjection patient = patients.findById(visit.patientId()).orElse(null);
        PatientFacts facts = patient == null ? new PatientFacts(null, null, List.of())
                : new PatientFacts(patient.status(), patient.home(), patient.timeWindows());
        List<AuthorizationGrant> grants = authorizations.of(visit.patientId(), visit.discipline());
        Map<String, Integer> used = visits.unitsUsed(grants.stream().map(AuthorizationGrant::authorizationId).toList(),
                visit.id());
        BookingRules.Outcome outcome = rules.check(visit, new Proposal(clinician, request.start(), request.end(), type),
                facts, neighbours(clinician.id(), request.start(), visit.id()), grants, used);
        List<RuleViolation> pairing = pairingViolations(visit, clinician.id(), request.start());
        if (!pairing.isEmpty()) {
            List<RuleViolation> all = new ArrayList<>(outcome.violations());
            all.addAll(pairing);
            outcome = new BookingRules.Outcome(all, outcome.authorizationId(), outcome.units());
        }
        if (!outcome.allowed()) {
            throw ApiException.rulesViolated("The booking breaks " + outcome.violations().size()
                    + " rule(s); nothing was changed.", outcome.violations());
        }
        Booking booking = new Booking(clinician.id(), request.start(), request.end(),
                type == VisitType.TELEHEALTH ? request.telehealthLink() : null, outcome.authorizationId(), outcome.units());
        var next = visit.book(booking, type, by, clock.instant());
        if (!visits.update(next, stored.version())) {
            throw Versions.stale();
        }
        return new VisitRepository.Versioned(next.result(), stored.version() + 1);
    }

    /** Bad input is a 400 and stores nothing; a clinician of another agency is as unknown as one who does not exist. */
    private Clinician validate(Request request, VisitType type) {
        List<FieldError> errors = new ArrayList<>();
        Instant now = clock.instant();
        if (!request.end().isAfter(request.start())) {
            errors.add(new FieldError("end", "must be after start"));
        } else if (Duration.between(request.start(), request.end()).compareTo(LONGEST_VISIT) > 0) {
            errors.add(new FieldError("end", "a visit lasts at most 12 hours"));
        } else if (!LocalDate.ofInstant(request.start(), zone).equals(LocalDate.ofInstant(request.end(), zone))) {
            errors.add(new FieldError("end", "a visit must end on the day it starts"));
        }
        if (request.start().isBefore(now)) {
            errors.add(new FieldError("start", "must not be in the past"));
        }
        if (type == VisitType.TELEHEALTH && (request.telehealthLink() == null
                || !request.telehealthLink().startsWith("https://"))) {
            errors.add(new FieldError("telehealthLink", "a telehealth visit needs an https link"));
        }
        if (type == VisitType.IN_HOME && request.telehealthLink() != null) {
            errors.add(new FieldError("telehealthLink", "only telehealth visits have a link"));
        }
        Clinician clinician = clinicians.find(request.clinicianId()).map(ClinicianRepository.Versioned::clinician)
                .orElse(null);
        if (clinician == null) {
            errors.add(new FieldError("clinicianId", "no such clinician in this agency"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return clinician;
    }

    /** The clinician's other visits of that local day, with where each takes place. */
    private List<Neighbour> neighbours(String clinicianId, Instant start, String exceptVisitId) {
        LocalDate day = LocalDate.ofInstant(start, zone);
        List<Visit> sameDay = visits.ofClinician(clinicianId, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant()).stream().filter(v -> !v.id().equals(exceptVisitId)).toList();
        Map<String, GeoPoint> homes = homesOf(sameDay);
        return sameDay.stream().map(v -> new Neighbour(v.id(), v.booking().start(), v.booking().end(),
                v.type() == VisitType.TELEHEALTH ? null : homes.get(v.patientId()))).toList();
    }

    /** A double-staffed visit needs another clinician than its partner, and the agreed gap to the partner's start. */
    private List<RuleViolation> pairingViolations(Visit visit, String clinicianId,
            Instant start) {
        Visit.Pairing pairing = visit.pairing();
        if (pairing == null) {
            return List.of();
        }
        Visit partner = visits.find(pairing.partnerVisitId()).map(VisitRepository.Versioned::visit).orElse(null);
        if (partner == null || partner.booking() == null || !partner.isActive()) {
            return List.of();
        }
        List<RuleViolation> violations = new ArrayList<>();
        if (partner.booking().clinicianId().equals(clinicianId)) {
            violations.add(new RuleViolation("DOUBLE_STAFFING",
                    "a double-staffed visit needs two different clinicians"));
        }
        long gap = Duration.between(pairing.leads() ? start : partner.booking().start(),
                pairing.leads() ? partner.booking().start() : start).toMinutes();
        if (gap < pairing.minGapMinutes() || gap > pairing.maxGapMinutes()) {
            violations.add(new RuleViolation("DOUBLE_STAFFING", "the second clinician "
                    + "must start " + pairing.minGapMinutes() + "-" + pairing.maxGapMinutes()
                    + " minutes after the first; this booking makes it " + gap));
        }
        return violations;
    }

    /** Whether {@code subject} signs in as the clinician booked for the visit. */
    boolean isAssigned(Visit visit, String subject) {
        return visit.booking() != null && clinicians.find(visit.booking().clinicianId())
                .map(c -> subject.equals(c.clinician().subject())).orElse(false);
    }

    ZoneId zone() {
        return zone;
    }

    Map<String, GeoPoint> homesOf(List<Visit> someVisits) {
        return patients.findAll(someVisits.stream().map(Visit::patientId).distinct().toList()).stream()
                .filter(p -> p.home() != null)
                .collect(Collectors.toMap(PatientProjection::patientId, PatientProjection::home, (a, b) -> a));
    }

    Function<Visit, GeoPoint> locator(List<Visit> someVisits) {
        Map<String, GeoPoint> homes = homesOf(someVisits);
        return v -> v.type() == VisitType.TELEHEALTH ? null : homes.get(v.patientId());
    }
}
