package org.hearth.scheduling.visits;

import java.time.Instant;
import java.time.LocalDate;
import org.hearth.platform.events.DomainEvent;
import org.hearth.scheduling.visits.Visit.VisitType;

/**
 * What scheduling publishes on {@code hearth.scheduling.events} (schemas: contracts/events/scheduling.*.v1.json).
 * Ids, codes, times and counts only: no names, addresses or notes. The CloudEvents type is derived from the record
 * name, so a new event cannot be published under a mistyped name.
 */
public final class VisitEvents {

    public static final String TOPIC = "hearth.scheduling.events";

    private VisitEvents() {}

    /** Every visit event is about one patient; its id is the Kafka key, so a patient's visit events stay ordered. */
    public sealed interface VisitEvent extends DomainEvent {

        String visitId();

        String patientId();

        @Override
        default String eventType() {
            return DomainEvent.typeOf("scheduling", getClass());
        }

        @Override
        default String subject() {
            return patientId();
        }
    }

    public record VisitScheduled(
            String visitId,
            String patientId,
            String discipline,
            VisitType type,
            String clinicianId,
            Instant start,
            Instant end,
            LocalDate earliest,
            LocalDate latest)
            implements VisitEvent {}

    public record VisitRescheduled(
            String visitId,
            String patientId,
            String discipline,
            VisitType type,
            String clinicianId,
            Instant start,
            Instant end,
            String previousClinicianId,
            Instant previousStart,
            Instant previousEnd)
            implements VisitEvent {}

    /** @param locationVerified false when an EVV exception was recorded with the check-in */
    public record VisitCheckedIn(
            String visitId,
            String patientId,
            String discipline,
            VisitType type,
            String clinicianId,
            Instant checkedInAt,
            boolean locationVerified)
            implements VisitEvent {}

    /** Billing counts {@code units} against {@code authorizationId} (null when the payer needs no authorization). */
    public record VisitCompleted(
            String visitId,
            String patientId,
            String discipline,
            VisitType type,
            String clinicianId,
            Instant checkedInAt,
            Instant checkedOutAt,
            int durationMinutes,
            int units,
            String authorizationId)
            implements VisitEvent {}

    /** A scheduled visit did not happen; patient-service and messaging inform the physician and the family. */
    public record VisitMissed(
            String visitId,
            String patientId,
            String discipline,
            String clinicianId,
            Instant scheduledStart,
            String reason)
            implements VisitEvent {}

    public record VisitCancelled(
            String visitId,
            String patientId,
            String discipline,
            String clinicianId,
            Instant scheduledStart,
            String reason)
            implements VisitEvent {}

    /** Nobody checked in {@code minutesLate} after the start: the coordinator should call before it is a miss. */
    public record MissedVisitRisk(
            String visitId,
            String patientId,
            String discipline,
            String clinicianId,
            Instant scheduledStart,
            int minutesLate)
            implements VisitEvent {}

    /** @param stage CHECK_IN or CHECK_OUT; @param code OUTSIDE_RADIUS, NO_LOCATION or PATIENT_ADDRESS_NOT_GEOCODED */
    public record EvvExceptionRecorded(
            String visitId, String patientId, String stage, String code, Double distanceMetres, Instant at)
            implements VisitEvent {}
}
