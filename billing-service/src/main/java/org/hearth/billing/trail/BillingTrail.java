package org.hearth.billing.trail;

import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hearth.billing.BillingEvents;
import org.hearth.billing.BillingEvents.BillableLineOnHold;
import org.hearth.billing.BillingEvents.BillableLineReady;
import org.hearth.billing.BillingSettings;
import org.hearth.billing.authorizations.AuthorizationRepository;
import org.hearth.billing.authorizations.PriorAuthorization;
import org.hearth.billing.patients.BillingFile;
import org.hearth.billing.patients.BillingFiles;
import org.hearth.billing.patients.Coverage;
import org.hearth.billing.payers.Payer;
import org.hearth.billing.payers.PayerRepository;
import org.hearth.billing.trail.BillableLine.HoldReason;
import org.hearth.billing.trail.SchedulingEventsV1.EvvExceptionRecordedV1;
import org.hearth.billing.trail.SchedulingEventsV1.VisitCompletedV1;
import org.hearth.platform.events.DomainEvent;
import org.hearth.platform.events.Outbox;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Turns completed visits into billable lines. Units are consumed from the matching authorization first (once per
 * visit: the authorization records the visit id in the same write), then the line is inserted under the visit id;
 * a redelivery, or a crash between the two writes, is repaired by the next delivery without counting twice.
 */
@Component
public class BillingTrail {

    private static final Logger log = LoggerFactory.getLogger(BillingTrail.class);
    /** Versioned writes of a held line that may lose to another writer before this evaluation gives up. */
    private static final int WRITE_ATTEMPTS = 5;

    private final BillingFiles files;
    private final PayerRepository payers;
    private final AuthorizationRepository authorizations;
    private final TenantScopedMongo mongo;
    private final Outbox outbox;
    private final ZoneId zone;
    private final Clock clock;

    BillingTrail(
            BillingFiles files,
            PayerRepository payers,
            AuthorizationRepository authorizations,
            TenantScopedMongo mongo,
            Outbox outbox,
            BillingSettings settings,
            Clock clock) {
        this.files = files;
        this.payers = payers;
        this.authorizations = authorizations;
        this.mongo = mongo;
        this.outbox = outbox;
        this.zone = settings.zone();
        this.clock = clock;
    }

    @Configuration(proxyBeanMethods = false)
    static class Outboxes {
        @Bean
        OutboxCollection billableLineOutboxCollection() {
            return new OutboxCollection(BillableLine.COLLECTION);
        }
    }

    /** EVV exceptions seen per visit (they may arrive before or after the completion). */
    @org.springframework.data.mongodb.core.mapping.Document("evv_exceptions")
    record EvvExceptions(
            @org.springframework.data.annotation.Id String visitId,
            String tenantId,
            List<String> codes,
            List<String> processedEventIds)
            implements org.hearth.platform.tenancy.TenantOwned {}

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(BillableLine.class, "patientId", "status");
    }

    /** The facts of a completed visit that its line is judged on, from the event or from the stored line. */
    private record Visit(
            String visitId,
            String patientId,
            String discipline,
            LocalDate day,
            int units,
            String bookedAuthorizationId,
            String clinicianId) {}

    /** What the rules say of a visit now: whom to bill, the authorization consumed, and what still holds it. */
    private record Verdict(Payer payer, String authorizationId, List<HoldReason> holds) {

        BillableLine.Status status() {
            return holds.isEmpty() ? BillableLine.Status.READY : BillableLine.Status.ON_HOLD;
        }

        String payerId() {
            return payer == null ? null : payer.id();
        }

        LocalDate filingDeadline(LocalDate day) {
            return payer == null ? null : day.plusDays(payer.timelyFilingDays());
        }
    }

    public void completed(VisitCompletedV1 completed) {
        Optional<BillableLine> existing = mongo.findById(completed.visitId(), BillableLine.class);
        if (existing.isPresent()) {
            // a redelivery or a republication: the line exists; if it is held, its facts may have arrived since
            log.info("Visit {} already has its billable line", completed.visitId());
            reevaluate(existing.get());
            return;
        }
        Visit visit = new Visit(
                completed.visitId(),
                completed.patientId(),
                completed.discipline(),
                LocalDate.ofInstant(completed.checkedInAt(), zone),
                completed.units(),
                completed.authorizationId(),
                completed.clinicianId());
        insertLine(visit, evaluate(visit, Optional.empty()));
    }

    /**
     * Evaluates again every held line of the patient, because a fact a line may wait for has just arrived (billing
     * file, signed plan, coverage, approved authorization). Lines that now pass become ready, publishing
     * {@code BillableLineReady} once; business holds stay. Safe to repeat and to run on several replicas at once.
     *
     * @return how many lines became ready
     */
    public int reevaluateHeld(String patientId) {
        int ready = 0;
        for (BillableLine line : mongo.find(
                Query.query(
                        Criteria.where("patientId").is(patientId).and("status").is(BillableLine.Status.ON_HOLD)),
                BillableLine.class)) {
            ready += reevaluate(line) ? 1 : 0;
        }
        return ready;
    }

    /** @return true if this call moved the line to ready */
    private boolean reevaluate(BillableLine read) {
        BillableLine line = read;
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            if (line.status() != BillableLine.Status.ON_HOLD) {
                return false; // ready already: its event was published by whoever moved it
            }
            Visit visit = new Visit(
                    line.visitId(),
                    line.patientId(),
                    line.discipline(),
                    line.serviceDate(),
                    line.units(),
                    line.bookedAuthorizationId(),
                    line.clinicianId());
            Verdict verdict = evaluate(visit, Optional.of(line));
            if (unchanged(line, verdict)) {
                return false;
            }
            if (moved(line, verdict)) {
                log.info(
                        "Held visit {} re-evaluated: {} {} (was {})",
                        line.visitId(),
                        verdict.status(),
                        verdict.holds(),
                        line.holdReasons());
                return verdict.status() == BillableLine.Status.READY;
            }
            // another replica or the EVV consumer changed the line since it was read: judge the new state
            Optional<BillableLine> current = mongo.findById(line.id(), BillableLine.class);
            if (current.isEmpty()) {
                return false;
            }
            line = current.get();
        }
        throw new IllegalStateException("billable line " + read.id() + " kept changing; retrying");
    }

    /**
     * The one set of rules for a line, applied when the visit is completed and whenever the line is evaluated
     * again: coverage billed first on the service date, a signed plan, the authorization the payer requires (its
     * units consumed once per visit) and no EVV exception. Business holds of {@code previous} are kept: only their
     * own resolution lifts them.
     */
    private Verdict evaluate(Visit visit, Optional<BillableLine> previous) {
        Optional<BillingFile> file = files.find(visit.patientId());
        Optional<Coverage> coverage = file.flatMap(f -> f.billedFirstOn(visit.day()));
        Optional<Payer> payer = coverage.flatMap(c -> payers.find(c.payerId())).map(PayerRepository.Versioned::payer);
        EnumSet<HoldReason> holds = EnumSet.noneOf(HoldReason.class);
        previous.ifPresent(line -> line.holdReasons().stream()
                .filter(HoldReason.BUSINESS::contains)
                .forEach(holds::add));
        if (payer.isEmpty()) {
            holds.add(HoldReason.NO_COVERAGE);
        }
        if (file.map(BillingFile::signedPlanVersion).isEmpty()) {
            holds.add(HoldReason.UNSIGNED_PLAN);
        }
        String authorizationId = previous.map(BillableLine::authorizationId).orElse(null);
        if (payer.isPresent() && payer.get().requiresAuthorization(visit.discipline())) {
            Optional<AuthorizationRepository.Versioned> authorization = matching(visit);
            if (authorization.isEmpty()) {
                holds.add(HoldReason.AUTHORIZATION_MISSING);
            } else {
                boolean consumedBefore =
                        authorization.get().authorization().consumedVisitIds().contains(visit.visitId());
                PriorAuthorization consumed = consume(authorization.get(), visit);
                authorizationId = consumed.id();
                // whether the visit went beyond the approval is decided when its units are consumed: later visits
                // using the same authorization up must not hold a line that fitted (the stored line remembers)
                boolean judgedBefore = consumedBefore
                        && previous.map(BillableLine::authorizationId)
                                .filter(consumed.id()::equals)
                                .isPresent();
                if (!judgedBefore
                        && consumed.unitsUsed() > (consumed.approvedUnits() == null ? 0 : consumed.approvedUnits())) {
                    holds.add(HoldReason.AUTHORIZATION_EXHAUSTED);
                }
            }
        }
        if (mongo.findById(visit.visitId(), EvvExceptions.class).isPresent()) {
            holds.add(HoldReason.EVV_EXCEPTION);
        }
        return new Verdict(payer.orElse(null), authorizationId, List.copyOf(holds));
    }

    private static boolean unchanged(BillableLine line, Verdict verdict) {
        return line.status() == verdict.status()
                && line.holdReasons().equals(verdict.holds())
                && Objects.equals(line.payerId(), verdict.payerId())
                && Objects.equals(line.authorizationId(), verdict.authorizationId())
                && Objects.equals(line.filingDeadline(), verdict.filingDeadline(line.serviceDate()));
    }

    /**
     * Writes the new verdict if the line is still at the version it was read at, with the event in the same
     * single-document write: whoever wins publishes, once. False when the line changed meanwhile.
     */
    private boolean moved(BillableLine line, Verdict verdict) {
        versioned(line);
        BillableLine next = withVerdict(line, verdict);
        Update update = new Update()
                .set("status", next.status())
                .set("holdReasons", next.holdReasons())
                .set("payerId", next.payerId())
                .set("authorizationId", next.authorizationId())
                .set("filingDeadline", next.filingDeadline())
                .inc(BillableLine.VERSION, 1);
        boolean saved = mongo.updateIfVersion(
                line.id(),
                line.version(),
                BillableLine.VERSION,
                outbox.append(update, BillingEvents.TOPIC, List.of(event(next))),
                BillableLine.class);
        if (saved) {
            outbox.written();
        }
        return saved;
    }

    /** An EVV exception holds the visit's line until a person has reviewed it. */
    public void evvException(String eventId, EvvExceptionRecordedV1 exception) {
        mongo.applyOnce(
                exception.visitId(), eventId, new Update().addToSet("codes", exception.code()), EvvExceptions.class);
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            Optional<BillableLine> line = mongo.findById(exception.visitId(), BillableLine.class);
            if (line.isEmpty() || line.get().holdReasons().contains(HoldReason.EVV_EXCEPTION)) {
                return; // the line, when made, finds the stored exception
            }
            List<HoldReason> reasons = new ArrayList<>(line.get().holdReasons());
            reasons.add(HoldReason.EVV_EXCEPTION);
            BillableLine current = line.get(); // payer, authorization and deadline stay: only the hold changes
            versioned(current);
            Update update = new Update()
                    .set("status", BillableLine.Status.ON_HOLD)
                    .set("holdReasons", reasons)
                    .inc(BillableLine.VERSION, 1);
            if (mongo.updateIfVersion(
                    current.id(),
                    current.version(),
                    BillableLine.VERSION,
                    outbox.append(update, BillingEvents.TOPIC, List.of(onHold(current, reasons))),
                    BillableLine.class)) {
                outbox.written();
                return;
            }
        }
        throw new IllegalStateException("billable line " + exception.visitId() + " kept changing; retrying");
    }

    private Optional<AuthorizationRepository.Versioned> matching(Visit visit) {
        LocalDate day = visit.day();
        List<AuthorizationRepository.Versioned> all = authorizations.of(visit.patientId(), visit.discipline());
        return all.stream()
                .filter(a -> a.authorization().consumedVisitIds().contains(visit.visitId()))
                .findFirst()
                .or(() -> all.stream()
                        .filter(a -> a.authorization().id().equals(visit.bookedAuthorizationId()))
                        .findFirst())
                .or(() -> all.stream()
                        .filter(a -> a.authorization().approved())
                        .filter(a -> !day.isBefore(a.authorization().from())
                                && !day.isAfter(a.authorization().to()))
                        .max(Comparator.comparingInt(a -> a.authorization().unitsRemaining())));
    }

    private PriorAuthorization consume(AuthorizationRepository.Versioned stored, Visit visit) {
        var next = stored.authorization().consume(visit.visitId(), visit.units(), clock.instant());
        if (next.isEmpty()) {
            return stored.authorization(); // consumed by an earlier delivery of this event
        }
        if (!authorizations.update(next.get(), stored.version())) {
            throw new IllegalStateException(
                    "authorization " + stored.authorization().id() + " changed meanwhile; retrying");
        }
        return next.get().result();
    }

    /** A line stored before lines had versions gets version 0 (a no-op when it has one), so a versioned write can match. */
    private void versioned(BillableLine line) {
        if (line.version() == 0) {
            mongo.update(line.id(), new Update().max(BillableLine.VERSION, 0L), BillableLine.class);
        }
    }

    private void insertLine(Visit visit, Verdict verdict) {
        BillableLine line = new BillableLine(
                visit.visitId(),
                TenantContext.current().value(),
                visit.patientId(),
                visit.visitId(),
                verdict.payerId(),
                visit.discipline(),
                HcpcsCodes.of(visit.discipline()),
                visit.day(),
                visit.units(),
                verdict.authorizationId(),
                visit.clinicianId(),
                verdict.status(),
                verdict.holds(),
                verdict.filingDeadline(visit.day()),
                List.of(),
                visit.bookedAuthorizationId(),
                1L);
        try {
            mongo.insert(new BillableLine(
                    line.id(),
                    line.tenantId(),
                    line.patientId(),
                    line.visitId(),
                    line.payerId(),
                    line.discipline(),
                    line.hcpcs(),
                    line.serviceDate(),
                    line.units(),
                    line.authorizationId(),
                    line.clinicianId(),
                    line.status(),
                    line.holdReasons(),
                    line.filingDeadline(),
                    outbox.entries(BillingEvents.TOPIC, List.of(event(line))),
                    line.bookedAuthorizationId(),
                    line.version()));
            outbox.written();
            log.info("Visit {} billable: {} {}", visit.visitId(), line.status(), line.holdReasons());
        } catch (DuplicateKeyException alreadyBilled) {
            log.info("Visit {} already has its billable line", visit.visitId());
        }
    }

    private static BillableLine withVerdict(BillableLine line, Verdict verdict) {
        return new BillableLine(
                line.id(),
                line.tenantId(),
                line.patientId(),
                line.visitId(),
                verdict.payerId(),
                line.discipline(),
                line.hcpcs(),
                line.serviceDate(),
                line.units(),
                verdict.authorizationId(),
                line.clinicianId(),
                verdict.status(),
                verdict.holds(),
                verdict.filingDeadline(line.serviceDate()),
                line.outbox(),
                line.bookedAuthorizationId(),
                line.version() + 1);
    }

    /** What a line's state announces: ready to bill, or held with every reason. */
    private static DomainEvent event(BillableLine line) {
        return line.status() == BillableLine.Status.READY
                ? new BillableLineReady(
                        line.id(),
                        line.patientId(),
                        line.visitId(),
                        line.payerId(),
                        line.discipline(),
                        line.hcpcs(),
                        line.serviceDate(),
                        line.units(),
                        line.authorizationId())
                : onHold(line, line.holdReasons());
    }

    private static BillableLineOnHold onHold(BillableLine line, List<HoldReason> reasons) {
        return new BillableLineOnHold(
                line.id(),
                line.patientId(),
                line.visitId(),
                line.payerId(),
                line.discipline(),
                line.hcpcs(),
                line.serviceDate(),
                line.units(),
                reasons.stream().map(Enum::name).toList());
    }
}
