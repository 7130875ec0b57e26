package org.hearth.scheduling.visits;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hearth.platform.events.DomainEvent;
import org.hearth.platform.events.WithEvents;
import org.hearth.scheduling.authorizations.UnitRule;
import org.hearth.scheduling.visits.VisitEvents.EvvExceptionRecorded;
import org.hearth.scheduling.visits.VisitEvents.MissedVisitRisk;
import org.hearth.scheduling.visits.VisitEvents.VisitCancelled;
import org.hearth.scheduling.visits.VisitEvents.VisitCheckedIn;
import org.hearth.scheduling.visits.VisitEvents.VisitCompleted;
import org.hearth.scheduling.visits.VisitEvents.VisitMissed;
import org.hearth.scheduling.visits.VisitEvents.VisitRescheduled;
import org.hearth.scheduling.visits.VisitEvents.VisitScheduled;

/**
 * One visit a patient is owed. It starts {@link Status#UNSCHEDULED} inside the week its plan of care orders it
 * ({@code earliest}..{@code latest}); booking gives it a clinician and a time; EVV check-in and check-out make it
 * completed; a miss or a cancellation ends it with a reason. Every change of booking is kept in {@code history}.
 *
 * @param discipline the plan-of-care discipline code (SN, PT, OT, ST, MSW, HHA, RD)
 * @param planVersion the plan version that ordered it; 0 for a visit added by hand
 */
public record Visit(
        String id,
        String patientId,
        String discipline,
        VisitType type,
        LocalDate earliest,
        LocalDate latest,
        int planVersion,
        Status status,
        Booking booking,
        Needs needs,
        CheckPoint checkIn,
        CheckPoint checkOut,
        List<EvvException> evvExceptions,
        String reason,
        Instant missedRiskRaisedAt,
        List<Change> history,
        Pairing pairing) {

    /**
     * A double-staffed visit is two visits paired: the leading one starts first and its partner between
     * {@code minGapMinutes} and {@code maxGapMinutes} later (0 and 0: together), by two different clinicians.
     */
    public record Pairing(String partnerVisitId, boolean leads, int minGapMinutes, int maxGapMinutes) {

        public Pairing {
            if (minGapMinutes < 0 || maxGapMinutes < minGapMinutes) {
                throw new IllegalArgumentException("pairing: the gap must satisfy 0 <= min <= max");
            }
        }
    }

    public enum Status {
        UNSCHEDULED,
        SCHEDULED,
        CHECKED_IN,
        COMPLETED,
        MISSED,
        CANCELLED
    }

    public enum VisitType {
        IN_HOME,
        TELEHEALTH
    }

    /** Who comes when. {@code units} are the authorized units the visit consumes, under {@code authorizationId}. */
    public record Booking(
            String clinicianId, Instant start, Instant end, String telehealthLink, String authorizationId, int units) {

        public Duration duration() {
            return Duration.between(start, end);
        }
    }

    /** Skills and certifications the visit calls for beyond the discipline (e.g. wound-care). */
    public record Needs(Set<String> skills, Set<String> certifications) {

        public static final Needs NONE = new Needs(Set.of(), Set.of());

        public Needs {
            skills = skills == null ? Set.of() : Set.copyOf(skills);
            certifications = certifications == null ? Set.of() : Set.copyOf(certifications);
        }
    }

    /** An EVV time stamp with where it was taken (null coordinates for telehealth or a device without GPS). */
    public record CheckPoint(Instant at, Double latitude, Double longitude, String clinicianId) {}

    /** Why an EVV record needs the coordinator's review; see {@link org.hearth.scheduling.geo.EvvLocationCheck}. */
    public record EvvException(
            @Schema(allowableValues = {"CHECK_IN", "CHECK_OUT"})
            String stage,

            String code,
            Double distanceMetres,
            Instant at) {}

    /** One entry of the visit's history: what happened, by whom (token subject), and the booking it left. */
    public record Change(
            Instant at, String by, String action, String clinicianId, Instant start, Instant end, String reason) {}

    public Visit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(discipline, "discipline");
        Objects.requireNonNull(status, "status");
        type = type == null ? VisitType.IN_HOME : type;
        needs = needs == null ? Needs.NONE : needs;
        evvExceptions = evvExceptions == null ? List.of() : List.copyOf(evvExceptions);
        history = history == null ? List.of() : List.copyOf(history);
        if (earliest != null && latest != null && latest.isBefore(earliest)) {
            throw new IllegalArgumentException("latest: must not be before earliest");
        }
    }

    /** A visit the plan of care (or a coordinator) asks for, not booked yet. */
    public static Visit unscheduled(
            String id,
            String patientId,
            String discipline,
            VisitType type,
            LocalDate earliest,
            LocalDate latest,
            int planVersion,
            Needs needs) {
        return new Visit(
                id,
                patientId,
                discipline,
                type,
                earliest,
                latest,
                planVersion,
                Status.UNSCHEDULED,
                null,
                needs,
                null,
                null,
                List.of(),
                null,
                null,
                List.of(),
                null);
    }

    /** The same visit paired with another for double staffing. */
    public Visit pairedWith(Pairing with) {
        return new Visit(
                id,
                patientId,
                discipline,
                type,
                earliest,
                latest,
                planVersion,
                status,
                booking,
                needs,
                checkIn,
                checkOut,
                evvExceptions,
                reason,
                missedRiskRaisedAt,
                history,
                with);
    }

    public boolean isActive() {
        return status == Status.SCHEDULED || status == Status.CHECKED_IN || status == Status.COMPLETED;
    }

    /** Books an unscheduled visit or moves a scheduled one; the previous booking stays in the history. */
    public WithEvents<Visit> book(Booking next, VisitType nextType, String by, Instant now) {
        if (status != Status.UNSCHEDULED && status != Status.SCHEDULED) {
            throw new IllegalStateException("a " + status.name().toLowerCase() + " visit cannot be booked");
        }
        boolean reschedule = status == Status.SCHEDULED;
        Visit booked = new Visit(
                id,
                patientId,
                discipline,
                nextType,
                earliest,
                latest,
                planVersion,
                Status.SCHEDULED,
                next,
                needs,
                null,
                null,
                evvExceptions,
                null,
                null,
                appended(new Change(
                        now,
                        by,
                        reschedule ? "RESCHEDULED" : "SCHEDULED",
                        next.clinicianId(),
                        next.start(),
                        next.end(),
                        null)),
                pairing);
        DomainEvent event = reschedule
                ? new VisitRescheduled(
                        id,
                        patientId,
                        discipline,
                        nextType,
                        next.clinicianId(),
                        next.start(),
                        next.end(),
                        booking.clinicianId(),
                        booking.start(),
                        booking.end())
                : new VisitScheduled(
                        id,
                        patientId,
                        discipline,
                        nextType,
                        next.clinicianId(),
                        next.start(),
                        next.end(),
                        earliest,
                        latest);
        return WithEvents.of(booked, event);
    }

    /** EVV check-in; a location exception is recorded with it (the visit happened, the record says where). */
    public WithEvents<Visit> checkIn(CheckPoint point, EvvException exception) {
        if (status != Status.SCHEDULED) {
            throw new IllegalStateException("only a scheduled visit can be checked in; this one is "
                    + status.name().toLowerCase());
        }
        List<DomainEvent> events = new ArrayList<>();
        events.add(new VisitCheckedIn(
                id, patientId, discipline, type, point.clinicianId(), point.at(), exception == null));
        Visit next = new Visit(
                id,
                patientId,
                discipline,
                type,
                earliest,
                latest,
                planVersion,
                Status.CHECKED_IN,
                booking,
                needs,
                point,
                null,
                withException(exception, events),
                null,
                missedRiskRaisedAt,
                history,
                pairing);
        return new WithEvents<>(next, events);
    }

    /** EVV check-out completes the visit; units follow the actual duration where the payer counts time. */
    public WithEvents<Visit> checkOut(CheckPoint point, EvvException exception, UnitRule units) {
        if (status != Status.CHECKED_IN) {
            throw new IllegalStateException("only a checked-in visit can be checked out; this one is "
                    + status.name().toLowerCase());
        }
        if (point.at().isBefore(checkIn.at())) {
            throw new IllegalStateException("check-out cannot precede check-in");
        }
        Duration worked = Duration.between(checkIn.at(), point.at());
        List<DomainEvent> events = new ArrayList<>();
        events.add(new VisitCompleted(
                id,
                patientId,
                discipline,
                type,
                point.clinicianId(),
                checkIn.at(),
                point.at(),
                (int) worked.toMinutes(),
                units.unitsFor(worked),
                booking.authorizationId()));
        Visit next = new Visit(
                id,
                patientId,
                discipline,
                type,
                earliest,
                latest,
                planVersion,
                Status.COMPLETED,
                booking,
                needs,
                checkIn,
                point,
                withException(exception, events),
                null,
                missedRiskRaisedAt,
                history,
                pairing);
        return new WithEvents<>(next, events);
    }

    /** A scheduled visit that did not happen. */
    public WithEvents<Visit> miss(String why, String by, Instant now) {
        if (status != Status.SCHEDULED) {
            throw new IllegalStateException("only a scheduled visit can be missed; this one is "
                    + status.name().toLowerCase());
        }
        return WithEvents.of(
                ended(Status.MISSED, why, by, now, "MISSED"),
                new VisitMissed(id, patientId, discipline, booking.clinicianId(), booking.start(), why));
    }

    /** Cancels a visit that has not started; a booked one tells its clinician through the event. */
    public WithEvents<Visit> cancel(String why, String by, Instant now) {
        if (status != Status.UNSCHEDULED && status != Status.SCHEDULED) {
            throw new IllegalStateException("a " + status.name().toLowerCase() + " visit cannot be cancelled");
        }
        return WithEvents.of(
                ended(Status.CANCELLED, why, by, now, "CANCELLED"),
                new VisitCancelled(
                        id,
                        patientId,
                        discipline,
                        booking == null ? null : booking.clinicianId(),
                        booking == null ? null : booking.start(),
                        why));
    }

    /**
     * Flags a scheduled visit nobody checked in to {@code grace} after its start, once; empty otherwise.
     */
    public java.util.Optional<WithEvents<Visit>> missedRisk(Instant now, Duration grace) {
        if (status != Status.SCHEDULED
                || missedRiskRaisedAt != null
                || booking.start().plus(grace).isAfter(now)) {
            return java.util.Optional.empty();
        }
        Visit flagged = new Visit(
                id,
                patientId,
                discipline,
                type,
                earliest,
                latest,
                planVersion,
                status,
                booking,
                needs,
                checkIn,
                checkOut,
                evvExceptions,
                reason,
                now,
                history,
                pairing);
        return java.util.Optional.of(WithEvents.of(
                flagged, new MissedVisitRisk(id, patientId, discipline, booking.clinicianId(), booking.start(), (int)
                        Duration.between(booking.start(), now).toMinutes())));
    }

    /** The same visit in another ordered week (a plan revision moved its requirement). */
    public Visit orderedFor(LocalDate newEarliest, LocalDate newLatest, int newPlanVersion) {
        return new Visit(
                id,
                patientId,
                discipline,
                type,
                newEarliest,
                newLatest,
                newPlanVersion,
                status,
                booking,
                needs,
                checkIn,
                checkOut,
                evvExceptions,
                reason,
                missedRiskRaisedAt,
                history,
                pairing);
    }

    private Visit ended(Status end, String why, String by, Instant now, String action) {
        return new Visit(
                id,
                patientId,
                discipline,
                type,
                earliest,
                latest,
                planVersion,
                end,
                booking,
                needs,
                checkIn,
                checkOut,
                evvExceptions,
                why,
                missedRiskRaisedAt,
                appended(new Change(
                        now,
                        by,
                        action,
                        booking == null ? null : booking.clinicianId(),
                        booking == null ? null : booking.start(),
                        booking == null ? null : booking.end(),
                        why)),
                pairing);
    }

    private List<EvvException> withException(EvvException exception, List<DomainEvent> events) {
        if (exception == null) {
            return evvExceptions;
        }
        events.add(new EvvExceptionRecorded(
                id, patientId, exception.stage(), exception.code(), exception.distanceMetres(), exception.at()));
        List<EvvException> all = new ArrayList<>(evvExceptions);
        all.add(exception);
        return all;
    }

    private List<Change> appended(Change change) {
        List<Change> all = new ArrayList<>(history);
        all.add(change);
        return all;
    }
}
