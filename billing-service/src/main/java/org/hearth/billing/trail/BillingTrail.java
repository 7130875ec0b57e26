package org.hearth.billing.trail;

import org.hearth.billing.BillingEvents;
import org.hearth.billing.BillingEvents.BillableLineOnHold;
import org.hearth.billing.BillingEvents.BillableLineReady;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns completed visits into billable lines. Units are consumed from the matching authorization first (once per
 * visit: the authorization records the visit id in the same write), then the line is inserted under the visit id;
 * a redelivery, or a crash between the two writes, is repaired by the next delivery without counting twice.
 */
@Component
public class BillingTrail {

    private static final Logger log = LoggerFactory.getLogger(BillingTrail.class);

    private final BillingFiles files;
    private final PayerRepository payers;
    private final AuthorizationRepository authorizations;
    private final TenantScopedMongo mongo;
    private final Outbox outbox;
    private final ZoneId zone;
    private final Clock clock;

    BillingTrail(BillingFiles files, PayerRepository payers, AuthorizationRepository authorizations,
            TenantScopedMongo mongo, Outbox outbox, @Value("${hearth.billing.zone:America/New_York}") ZoneId zone,
            Clock clock) {
        this.files = files;
        this.payers = payers;
        this.authorizations = authorizations;
        this.mongo = mongo;
        this.outbox = outbox;
        this.zone = zone;
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
    record EvvExceptions(@org.springframework.data.annotation.Id String visitId, String tenantId, List<String> codes,
            List<String> processedEventIds) implements org.hearth.platform.tenancy.TenantOwned {
    }

    public void completed(VisitCompletedV1 visit) {
        LocalDate day = LocalDate.ofInstant(visit.checkedInAt(), zone);
        Optional<BillingFile> file = files.find(visit.patientId());
        Optional<Coverage> coverage = file.flatMap(f -> f.billedFirstOn(day));
        Optional<Payer> payer = coverage.flatMap(c -> payers.find(c.payerId())).map(PayerRepository.Versioned::payer);
        List<HoldReason> holds = new ArrayList<>();
        if (payer.isEmpty()) {
            holds.add(HoldReason.NO_COVERAGE);
        }
        if (file.map(BillingFile::signedPlanVersion).isEmpty()) {
            holds.add(HoldReason.UNSIGNED_PLAN);
        }
        String authorizationId = null;
        if (payer.isPresent() && payer.get().requiresAuthorization(visit.discipline())) {
            Optional<AuthorizationRepository.Versioned> authorization = matching(visit, day);
            if (authorization.isEmpty()) {
                holds.add(HoldReason.AUTHORIZATION_MISSING);
            } else {
                PriorAuthorization consumed = consume(authorization.get(), visit);
                authorizationId = consumed.id();
                if (consumed.unitsUsed() > (consumed.approvedUnits() == null ? 0 : consumed.approvedUnits())) {
                    holds.add(HoldReason.AUTHORIZATION_EXHAUSTED);
                }
            }
        }
        if (mongo.findById(visit.visitId(), EvvExceptions.class).isPresent()) {
            holds.add(HoldReason.EVV_EXCEPTION);
        }
        insertLine(visit, day, payer.orElse(null), authorizationId, holds);
    }

    /** An EVV exception holds the visit's line until a person has reviewed it. */
    public void evvException(String eventId, EvvExceptionRecordedV1 exception) {
        mongo.applyOnce(exception.visitId(), eventId, new Update().addToSet("codes", exception.code()),
                EvvExceptions.class);
        mongo.findById(exception.visitId(), BillableLine.class)
                .filter(line -> !line.holdReasons().contains(HoldReason.EVV_EXCEPTION))
                .ifPresent(line -> {
                    List<HoldReason> reasons = new ArrayList<>(line.holdReasons());
                    reasons.add(HoldReason.EVV_EXCEPTION);
                    List<DomainEvent> events = List.of(onHold(line, reasons));
                    mongo.updateIfPresent(line.id(), outbox.append(new Update().set("status", BillableLine.Status.ON_HOLD)
                            .set("holdReasons", reasons), BillingEvents.TOPIC, events), BillableLine.class);
                    outbox.written();
                });
    }

    private Optional<AuthorizationRepository.Versioned> matching(VisitCompletedV1 visit, LocalDate day) {
        List<AuthorizationRepository.Versioned> all = authorizations.of(visit.patientId(), visit.discipline());
        return all.stream().filter(a -> a.authorization().consumedVisitIds().contains(visit.visitId())).findFirst()
                .or(() -> all.stream().filter(a -> a.authorization().id().equals(visit.authorizationId())).findFirst())
                .or(() -> all.stream().filter(a -> a.authorization().approved())
                        .filter(a -> !day.isBefore(a.authorization().from()) && !day.isAfter(a.authorization().to()))
                        .max(Comparator.comparingInt(a -> a.authorization().unitsRemaining())));
    }

    private PriorAuthorization consume(AuthorizationRepository.Versioned stored, VisitCompletedV1 visit) {
        var next = stored.authorization().consume(visit.visitId(), visit.units(), clock.instant());
        if (next.isEmpty()) {
            return stored.authorization(); // consumed by an earlier delivery of this event
        }
        if (!authorizations.update(next.get(), stored.version())) {
            throw new IllegalStateException("authorization " + stored.authorization().id() + " changed meanwhile; retrying");
        }
        return next.get().result();
    }

    private void insertLine(VisitCompletedV1 visit, LocalDate day, Payer payer, String authorizationId,
            List<HoldReason> holds) {
        BillableLine.Status status = holds.isEmpty() ? BillableLine.Status.READY : BillableLine.Status.ON_HOLD;
        BillableLine line = new BillableLine(visit.visitId(), TenantContext.current().value(), visit.patientId(),
                visit.visitId(), payer == null ? null : payer.id(), visit.discipline(), HcpcsCodes.of(visit.discipline()),
                day, visit.units(), authorizationId, visit.clinicianId(), status, holds,
                payer == null ? null : day.plusDays(payer.timelyFilingDays()), List.of());
        DomainEvent event = holds.isEmpty()
                ? new BillableLineReady(line.id(), line.patientId(), line.visitId(), line.payerId(), line.discipline(),
                        line.hcpcs(), day, line.units(), authorizationId)
                : onHold(line, holds);
        try {
            mongo.insert(new BillableLine(line.id(), line.tenantId(), line.patientId(), line.visitId(), line.payerId(),
                    line.discipline(), line.hcpcs(), line.serviceDate(), line.units(), line.authorizationId(),
                    line.clinicianId(), status, holds, line.filingDeadline(),
                    outbox.entries(BillingEvents.TOPIC, List.of(event))));
            outbox.written();
            log.info("Visit {} billable: {} {}", visit.visitId(), status, holds);
        } catch (DuplicateKeyException alreadyBilled) {
            log.info("Visit {} already has its billable line", visit.visitId());
        }
    }

    private static BillableLineOnHold onHold(BillableLine line, List<HoldReason> reasons) {
        return new BillableLineOnHold(line.id(), line.patientId(), line.visitId(), line.payerId(), line.discipline(),
                line.hcpcs(), line.serviceDate(), line.units(), reasons.stream().map(Enum::name).toList());
    }
}
