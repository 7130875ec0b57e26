package org.hearth.scheduling.visits;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.platform.aggregate.AggregateStore;
import org.hearth.platform.aggregate.AggregateStores;
import org.hearth.platform.events.DomainEvent;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.hearth.scheduling.visits.Visit.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Visits of the current agency. Every change is one single-document write with its events. */
@Repository
public class VisitRepository {

    static final List<Status> HOLDING_TIME = List.of(Status.SCHEDULED, Status.CHECKED_IN, Status.COMPLETED);

    private final TenantScopedMongo mongo;
    private final AggregateStore<Visit, VisitDocument> store;
    private final ClinicianDays days;

    VisitRepository(TenantScopedMongo mongo, AggregateStores stores, ClinicianDays days) {
        this.mongo = mongo;
        this.store = stores.of(VisitDocument.class, VisitEvents.TOPIC)
                .readAs(VisitDocument::visit)
                .identifiedBy(Visit::id)
                .createdAs((visit, tenant, version, outbox) ->
                        new VisitDocument(visit.id(), tenant, visit, version, outbox))
                .updatedAs(visit -> new Update().set("visit", visit));
        this.days = days;
    }

    public record Versioned(Visit visit, long version) {}

    @Configuration(proxyBeanMethods = false)
    static class Outbox {
        @Bean
        OutboxCollection visitOutboxCollection() {
            return new OutboxCollection(VisitDocument.COLLECTION);
        }
    }

    @PostConstruct
    void createIndexes() {
        mongo.ensureIndex(VisitDocument.class, "visit.patientId", "visit.earliest");
        mongo.ensureIndex(VisitDocument.class, "visit.booking.clinicianId", "visit.booking.start");
        mongo.ensureIndex(VisitDocument.class, "visit.status", "visit.earliest");
    }

    public Optional<Versioned> find(String id) {
        return store.find(id).map(v -> new Versioned(v.aggregate(), v.version()));
    }

    /** Inserts a visit at version 1; false if a visit with its id exists (a generated visit applied before). */
    boolean insertIfAbsent(Visit visit, List<? extends DomainEvent> events) {
        return store.save(new WithEvents<>(visit, List.<DomainEvent>copyOf(events)), 0);
    }

    /**
     * Writes the visit's next state and its events if nobody changed it since {@code expectedVersion}. A write that
     * ends the visit's hold on its clinician's time (cancelled, missed) then gives that time back, whoever made it:
     * after the visit's write, so the day never lacks a claim of a visit still booked.
     */
    boolean update(WithEvents<Visit> next, long expectedVersion) {
        boolean saved = store.update(next, expectedVersion);
        Visit visit = next.result();
        if (saved && visit.booking() != null && !visit.isActive()) {
            days.release(visit.id(), visit.booking());
        }
        return saved;
    }

    /** Deletes a generated visit if it is still unscheduled (a coordinator may have just booked it). */
    boolean deleteIfUnscheduled(String id) {
        return mongo.deleteWhere(
                        Query.query(
                                Criteria.where("_id").is(id).and("visit.status").is(Status.UNSCHEDULED)),
                        VisitDocument.class)
                == 1;
    }

    public List<Visit> ofPatient(String patientId) {
        return mongo
                .find(
                        Query.query(Criteria.where("visit.patientId").is(patientId))
                                .with(Sort.by("visit.earliest", "_id")),
                        VisitDocument.class)
                .stream()
                .map(VisitDocument::visit)
                .toList();
    }

    /** The patient's visits with their versions (FHIR reads give the version as {@code meta.versionId}). */
    public List<Versioned> versionedOfPatient(String patientId) {
        return mongo
                .find(
                        Query.query(Criteria.where("visit.patientId").is(patientId))
                                .with(Sort.by("visit.earliest", "_id")),
                        VisitDocument.class)
                .stream()
                .map(d -> new Versioned(d.visit(), d.version()))
                .toList();
    }

    /** Up to {@code limit} visits of the agency with their versions. */
    public List<Versioned> versioned(int limit) {
        return mongo.find(new Query().with(Sort.by("_id")).limit(limit), VisitDocument.class).stream()
                .map(d -> new Versioned(d.visit(), d.version()))
                .toList();
    }

    /** Visits of a clinician that hold time in {@code [from, to)}: scheduled, in progress or done. */
    public List<Visit> ofClinician(String clinicianId, Instant from, Instant to) {
        return mongo
                .find(
                        Query.query(Criteria.where("visit.booking.clinicianId")
                                        .is(clinicianId)
                                        .and("visit.booking.start")
                                        .lt(to)
                                        .and("visit.booking.end")
                                        .gt(from)
                                        .and("visit.status")
                                        .in(HOLDING_TIME))
                                .with(Sort.by("visit.booking.start")),
                        VisitDocument.class)
                .stream()
                .map(VisitDocument::visit)
                .toList();
    }

    /** Units booked or used per authorization, leaving out {@code exceptVisitId} (the visit being rebooked). */
    public Map<String, Integer> unitsUsed(Collection<String> authorizationIds, String exceptVisitId) {
        Map<String, Integer> used = new HashMap<>();
        if (authorizationIds.isEmpty()) {
            return used;
        }
        mongo.find(
                        Query.query(Criteria.where("visit.booking.authorizationId")
                                .in(authorizationIds)
                                .and("visit.status")
                                .in(HOLDING_TIME)
                                .and("_id")
                                .ne(exceptVisitId)),
                        VisitDocument.class)
                .forEach(d -> used.merge(
                        d.visit().booking().authorizationId(),
                        d.visit().booking().units(),
                        Integer::sum));
        return used;
    }

    /** Per authorization, the visits (but {@code exceptVisitId}) whose bookings hold its units, with their units. */
    Map<String, Map<String, Integer>> unitHolders(Collection<String> authorizationIds, String exceptVisitId) {
        Map<String, Map<String, Integer>> holders = new HashMap<>();
        if (authorizationIds.isEmpty()) {
            return holders;
        }
        mongo.find(
                        Query.query(Criteria.where("visit.booking.authorizationId")
                                .in(authorizationIds)
                                .and("visit.status")
                                .in(HOLDING_TIME)
                                .and("_id")
                                .ne(exceptVisitId)),
                        VisitDocument.class)
                .forEach(d -> holders.computeIfAbsent(d.visit().booking().authorizationId(), a -> new HashMap<>())
                        .put(d.id(), d.visit().booking().units()));
        return holders;
    }

    public Page<Visit> list(Criteria criteria, Pageable pageable) {
        return store.page(criteria, pageable);
    }

    /** For the missed-visit watch: scheduled visits of every agency that started before {@code startedBefore}. */
    List<VisitDocument> unflaggedLateAcrossAgencies(Instant startedBefore, int limit) {
        return mongo.findAcrossAgencies(
                Query.query(Criteria.where("visit.status")
                                .is(Status.SCHEDULED)
                                .and("visit.booking.start")
                                .lt(startedBefore)
                                .and("visit.missedRiskRaisedAt")
                                .is(null))
                        .with(Sort.by("visit.booking.start")),
                limit,
                VisitDocument.class);
    }
}
