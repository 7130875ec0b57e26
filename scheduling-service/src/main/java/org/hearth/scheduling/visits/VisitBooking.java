package org.hearth.scheduling.visits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.observability.MetricTags;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.problem.RuleViolation;
import org.hearth.platform.web.Versions;
import org.hearth.scheduling.SchedulingSettings;
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
import org.hearth.scheduling.visits.ClinicianDayDocument.Claim;
import org.hearth.scheduling.visits.Visit.Booking;
import org.hearth.scheduling.visits.Visit.VisitType;
import org.springframework.stereotype.Component;

/**
 * Books and reschedules visits: checks the request, gathers what the rules need (the clinician's day, the
 * patient's place and windows, the authorizations), and writes only a booking that breaks no rule.
 */
@Component
public class VisitBooking {

    static final Duration LONGEST_VISIT = Duration.ofHours(12);
    /** Enough for every booking of a busy day to win its turn; then 409 rather than a request that never ends. */
    static final int CLAIM_ATTEMPTS = 10;

    private static final RuleViolation TWO_CLINICIANS =
            new RuleViolation("DOUBLE_STAFFING", "a double-staffed visit needs two different clinicians");

    private final VisitRepository visits;
    private final ClinicianRepository clinicians;
    private final PatientProjectionRepository patients;
    private final Authorizations authorizations;
    private final BookingRules rules;
    private final ClinicianDays days;
    private final AuthorizationUnits units;
    private final ZoneId zone;
    private final Clock clock;
    private final MeterRegistry meters;

    VisitBooking(
            VisitRepository visits,
            ClinicianRepository clinicians,
            PatientProjectionRepository patients,
            Authorizations authorizations,
            BookingRules rules,
            ClinicianDays days,
            AuthorizationUnits units,
            SchedulingSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this.meters = meters;
        this.visits = visits;
        this.clinicians = clinicians;
        this.patients = patients;
        this.authorizations = authorizations;
        this.rules = rules;
        this.days = days;
        this.units = units;
        this.zone = settings.zone();
        this.clock = clock;
    }

    /** A booking as asked for; {@code telehealthLink} only for telehealth visits. */
    public record Request(String clinicianId, Instant start, Instant end, VisitType type, String telehealthLink) {}

    /** The optimizer's way in: the same checks and events as a coordinator's booking. */
    public VisitRepository.Versioned bookAsPlanned(String visitId, long expectedVersion, Request request, String by) {
        return book(visitId, expectedVersion, request, by);
    }

    /**
     * Checks the rules against the clinician's day as stored in its day document and claims the time in the same
     * conditional write; only then is the visit written, and if that fails the claim is taken back. A booking that
     * loses the race on the day reads it again and is checked again, so it gets the answer a later booking would.
     *
     * @return the booked visit at {@code expectedVersion + 1}
     */
    VisitRepository.Versioned book(String visitId, long expectedVersion, Request request, String by) {
        VisitRepository.Versioned stored =
                visits.find(visitId).orElseThrow(() -> ApiException.notFound("Visit " + visitId));
        if (stored.version() != expectedVersion) {
            throw Versions.stale();
        }
        Visit visit = stored.visit();
        VisitType type = request.type() == null ? visit.type() : request.type();
        request = keepingTheLink(request, visit, type);
        Clinician clinician = validate(request, type);
        if (visit.status() != Visit.Status.UNSCHEDULED && visit.status() != Visit.Status.SCHEDULED) {
            throw ApiException.conflict(
                    "A " + visit.status().name().toLowerCase().replace('_', '-') + " visit cannot be booked");
        }
        Facts known = factsOf(visit);
        PatientFacts facts = known.patient();
        List<AuthorizationGrant> grants = known.grants();
        List<RuleViolation> pairing = pairingViolations(visit, clinician.id(), request.start());
        Proposal proposal = new Proposal(clinician, request.start(), request.end(), type);
        LocalDate date = days.dayOf(request.start());
        for (int attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            // units are read again on every attempt: a booking that lost a race must count what the winner took.
            // The ledgers are read before the visits, never after: a rival's claim leaves its ledger only once its
            // visit is written, so whatever this read misses in a ledger, the visits read next show; and a claim
            // made after this read moves the ledger's version, so our own claim fails and we read again. Read the
            // other way round, a rival committing in between is in neither (the double use BookingRaceIT found).
            Map<String, AuthorizationUnits.Ledger> ledgers = new java.util.HashMap<>();
            for (AuthorizationGrant grant : grants) {
                ledgers.put(grant.authorizationId(), units.read(grant.authorizationId()));
            }
            Map<String, Map<String, Integer>> holders = visits.unitHolders(
                    grants.stream().map(AuthorizationGrant::authorizationId).toList(), visit.id());
            Map<String, Integer> used = new java.util.HashMap<>();
            for (AuthorizationGrant grant : grants) {
                AuthorizationUnits.Ledger ledger = ledgers.get(grant.authorizationId());
                Map<String, Integer> booked = holders.getOrDefault(grant.authorizationId(), Map.of());
                used.put(
                        grant.authorizationId(),
                        booked.values().stream().mapToInt(Integer::intValue).sum()
                                + ledger.unitsTakenBesides(visit.id(), booked.keySet(), now));
            }
            Optional<ClinicianDayDocument> day = days.find(clinician.id(), date);
            List<Claim> holding = ClinicianDayState.holding(
                    day.map(ClinicianDayDocument::claims).orElse(List.of()),
                    visits.ofClinician(clinician.id(), days.startOf(date), days.startOf(date.plusDays(1))),
                    now);
            List<Claim> others = holding.stream()
                    .filter(c -> !c.visitId().equals(visit.id()))
                    .toList();
            BookingRules.Outcome outcome = rules.check(visit, proposal, facts, neighbours(others), grants, used);
            List<RuleViolation> all = new ArrayList<>(outcome.violations());
            all.addAll(pairing);
            all.addAll(partnerClaimed(visit, others, pairing));
            if (!all.isEmpty()) {
                refused(all);
                throw ApiException.rulesViolated(
                        "The booking breaks " + all.size() + " rule(s); nothing was changed.", all);
            }
            Claim mine = new Claim(
                    UUID.randomUUID().toString(),
                    visit.id(),
                    visit.patientId(),
                    type,
                    request.start(),
                    request.end(),
                    now);
            // the authorization's units first, then the clinician's time: each is one conditional write
            AuthorizationUnitsDocument.UnitClaim unitClaim = outcome.authorizationId() == null
                    ? null
                    : new AuthorizationUnitsDocument.UnitClaim(mine.claimId(), visit.id(), outcome.units(), now);
            if (unitClaim != null && !units.claim(ledgers.get(outcome.authorizationId()), unitClaim, now)) {
                pause(attempt);
                continue;
            }
            List<Claim> next = new ArrayList<>(holding);
            next.add(mine);
            boolean dayClaimed = false;
            try {
                dayClaimed = days.write(
                        clinician.id(),
                        date,
                        day.map(ClinicianDayDocument::version).orElse(0L),
                        next);
                if (dayClaimed) {
                    Booking booking = new Booking(
                            clinician.id(),
                            request.start(),
                            request.end(),
                            type == VisitType.TELEHEALTH ? request.telehealthLink() : null,
                            outcome.authorizationId(),
                            outcome.units());
                    return commit(stored, visit.book(booking, type, by, now), mine, date);
                }
            } finally {
                // written or not, the visit now counts its own units (or holds none): the claim has done its work
                if (unitClaim != null) {
                    units.release(outcome.authorizationId(), unitClaim.claimId());
                }
            }
            pause(attempt);
        }
        throw ApiException.conflict("The clinician's day kept changing while this booking was checked; try again");
    }

    /**
     * Writes the visit behind its claim. If the visit changed meanwhile, the claim is taken back and nothing stays
     * half-written; if it was written, the time its previous booking held is given back.
     */
    private VisitRepository.Versioned commit(
            VisitRepository.Versioned stored, WithEvents<Visit> next, Claim mine, LocalDate date) {
        String clinicianId = next.result().booking().clinicianId();
        boolean saved = false;
        try {
            saved = visits.update(next, stored.version());
        } finally {
            if (!saved) {
                days.release(clinicianId, date, c -> c.claimId().equals(mine.claimId()));
            }
        }
        if (!saved) {
            throw Versions.stale();
        }
        Booking previous = stored.visit().status() == Visit.Status.SCHEDULED
                ? stored.visit().booking()
                : null;
        if (previous != null) {
            days.release(
                    previous.clinicianId(),
                    days.dayOf(previous.start()),
                    c -> c.holds(mine.visitId(), previous.start(), previous.end())
                            && !c.claimId().equals(mine.claimId()));
        }
        return new VisitRepository.Versioned(next.result(), stored.version() + 1);
    }

    /**
     * {@code hearth.bookings.refused}: one count per rule a refused booking broke (a booking breaking two rules counts
     * once under each), by agency; coordinators' bookings and the planner's alike.
     */
    private void refused(List<RuleViolation> violations) {
        String agency = MetricTags.agency();
        violations.stream()
                .map(RuleViolation::rule)
                .distinct()
                .forEach(rule -> Counter.builder("hearth.bookings.refused")
                        .description("Bookings refused, by the rule they would have broken")
                        .tag("rule", rule)
                        .tag(MetricTags.AGENCY, agency)
                        .register(meters)
                        .increment());
    }

    /** What the rules need to know about a visit besides the proposal: its patient, authorizations and units used. */
    record Facts(PatientFacts patient, List<AuthorizationGrant> grants, Map<String, Integer> used) {}

    Facts factsOf(Visit visit) {
        PatientProjection patient = patients.findById(visit.patientId()).orElse(null);
        PatientFacts facts = patient == null
                ? new PatientFacts(null, null, List.of())
                : new PatientFacts(patient.status(), patient.home(), patient.timeWindows());
        List<AuthorizationGrant> grants = authorizations.of(visit.patientId(), visit.discipline());
        Map<String, Integer> used = visits.unitsUsed(
                grants.stream().map(AuthorizationGrant::authorizationId).toList(), visit.id());
        return new Facts(facts, grants, used);
    }

    /**
     * The clinician's other visits of a local day as a booking would see them now (claims still held and booked
     * visits), without {@code exceptVisitId}: what the slot finder checks proposals against.
     */
    List<Neighbour> neighboursOn(String clinicianId, LocalDate date, String exceptVisitId) {
        List<Claim> stored =
                days.find(clinicianId, date).map(ClinicianDayDocument::claims).orElse(List.of());
        List<Claim> holding = ClinicianDayState.holding(
                stored,
                visits.ofClinician(clinicianId, days.startOf(date), days.startOf(date.plusDays(1))),
                clock.instant());
        return neighbours(
                holding.stream().filter(c -> !c.visitId().equals(exceptVisitId)).toList());
    }

    /** The rules a double-staffed visit adds for this clinician and start (none for a single visit). */
    List<RuleViolation> pairingRules(Visit visit, String clinicianId, Instant start) {
        return pairingViolations(visit, clinicianId, start);
    }

    /** The partner of a double-staffed visit claimed by this clinician in a booking not written to its visit yet. */
    private static List<RuleViolation> partnerClaimed(Visit visit, List<Claim> others, List<RuleViolation> pairing) {
        if (visit.pairing() == null
                || pairing.contains(TWO_CLINICIANS)
                || others.stream()
                        .noneMatch(c -> c.visitId().equals(visit.pairing().partnerVisitId()))) {
            return List.of();
        }
        return List.of(TWO_CLINICIANS);
    }

    /** Backs off a little, at random, so racing bookings do not collide again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(2, 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.conflict("Interrupted while booking; try again");
        }
    }

    /**
     * A telehealth visit moved without a link keeps the one it was booked with: the family already has it, and a move
     * (by a coordinator, or by the optimizer's plan, which knows nothing of links) must not need it sent again.
     */
    private static Request keepingTheLink(Request request, Visit visit, VisitType type) {
        if (type != VisitType.TELEHEALTH
                || request.telehealthLink() != null
                || visit.booking() == null
                || visit.booking().telehealthLink() == null) {
            return request;
        }
        return new Request(
                request.clinicianId(),
                request.start(),
                request.end(),
                request.type(),
                visit.booking().telehealthLink());
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
        if (type == VisitType.TELEHEALTH
                && (request.telehealthLink() == null
                        || !request.telehealthLink().startsWith("https://"))) {
            errors.add(new FieldError("telehealthLink", "a telehealth visit needs an https link"));
        }
        if (type == VisitType.IN_HOME && request.telehealthLink() != null) {
            errors.add(new FieldError("telehealthLink", "only telehealth visits have a link"));
        }
        Clinician clinician = clinicians
                .find(request.clinicianId())
                .map(ClinicianRepository.Versioned::clinician)
                .orElse(null);
        if (clinician == null) {
            errors.add(new FieldError("clinicianId", "no such clinician in this agency"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return clinician;
    }

    /** The clinician's other claims of that local day, with where each takes place (the patient's home now). */
    private List<Neighbour> neighbours(List<Claim> others) {
        Map<String, GeoPoint> homes =
                homes(others.stream().map(Claim::patientId).distinct().toList());
        return others.stream()
                .map(c -> new Neighbour(
                        c.visitId(),
                        c.start(),
                        c.end(),
                        c.type() == VisitType.TELEHEALTH ? null : homes.get(c.patientId())))
                .toList();
    }

    /** A double-staffed visit needs another clinician than its partner, and the agreed gap to the partner's start. */
    private List<RuleViolation> pairingViolations(Visit visit, String clinicianId, Instant start) {
        Visit.Pairing pairing = visit.pairing();
        if (pairing == null) {
            return List.of();
        }
        Visit partner = visits.find(pairing.partnerVisitId())
                .map(VisitRepository.Versioned::visit)
                .orElse(null);
        if (partner == null || partner.booking() == null || !partner.isActive()) {
            return List.of();
        }
        List<RuleViolation> violations = new ArrayList<>();
        if (partner.booking().clinicianId().equals(clinicianId)) {
            violations.add(TWO_CLINICIANS);
        }
        long gap = Duration.between(
                        pairing.leads() ? start : partner.booking().start(),
                        pairing.leads() ? partner.booking().start() : start)
                .toMinutes();
        if (gap < pairing.minGapMinutes() || gap > pairing.maxGapMinutes()) {
            violations.add(new RuleViolation(
                    "DOUBLE_STAFFING",
                    "the second clinician "
                            + "must start " + pairing.minGapMinutes() + "-" + pairing.maxGapMinutes()
                            + " minutes after the first; this booking makes it " + gap));
        }
        return violations;
    }

    /** Whether {@code subject} signs in as the clinician booked for the visit. */
    boolean isAssigned(Visit visit, String subject) {
        return visit.booking() != null
                && clinicians
                        .find(visit.booking().clinicianId())
                        .map(c -> subject.equals(c.clinician().subject()))
                        .orElse(false);
    }

    ZoneId zone() {
        return zone;
    }

    Map<String, GeoPoint> homesOf(List<Visit> someVisits) {
        return homes(someVisits.stream().map(Visit::patientId).distinct().toList());
    }

    private Map<String, GeoPoint> homes(List<String> patientIds) {
        return patients.findAll(patientIds).stream()
                .filter(p -> p.home() != null)
                .collect(Collectors.toMap(PatientProjection::patientId, PatientProjection::home, (a, b) -> a));
    }

    Function<Visit, GeoPoint> locator(List<Visit> someVisits) {
        Map<String, GeoPoint> homes = homesOf(someVisits);
        return v -> v.type() == VisitType.TELEHEALTH ? null : homes.get(v.patientId());
    }
}
