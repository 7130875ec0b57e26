package org.hearth.scheduling.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.hearth.scheduling.visits.Visit;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * A visit as an {@code Appointment}: its status, the booked time, the week the plan of care allows
 * ({@code requestedPeriod}), the patient and the clinician, and the EVV check-in and check-out times as extensions
 * (R4's Appointment has no element for when it really started and ended).
 */
final class AppointmentMapper {

    private static final Map<String, String> DISCIPLINES = Map.of(
            "SN",
            "Skilled nursing",
            "PT",
            "Physical therapy",
            "OT",
            "Occupational therapy",
            "ST",
            "Speech therapy",
            "MSW",
            "Medical social work",
            "HHA",
            "Home health aide",
            "RD",
            "Dietitian");

    private AppointmentMapper() {}

    static AppointmentStatus status(Visit visit) {
        return switch (visit.status()) {
            case UNSCHEDULED -> AppointmentStatus.PROPOSED;
            case SCHEDULED -> AppointmentStatus.BOOKED;
            case CHECKED_IN -> AppointmentStatus.ARRIVED;
            case COMPLETED -> AppointmentStatus.FULFILLED;
            case MISSED -> visit.booking() == null ? AppointmentStatus.CANCELLED : AppointmentStatus.NOSHOW;
            case CANCELLED -> AppointmentStatus.CANCELLED;
        };
    }

    /** When it changed last: its last history entry, else its check-out. */
    static Instant lastUpdated(Visit visit) {
        if (!visit.history().isEmpty()) {
            return visit.history().getLast().at();
        }
        return visit.checkOut() == null ? null : visit.checkOut().at();
    }

    /** The instant searches by {@code date} compare: the booked start, else the first day the visit may take. */
    static Instant when(Visit visit) {
        if (visit.booking() != null) {
            return visit.booking().start();
        }
        return visit.earliest() == null
                ? null
                : visit.earliest().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static Appointment toFhir(Visit visit, long version) {
        Appointment appointment = new Appointment();
        appointment.setId(visit.id());
        appointment.getMeta().setVersionId(Long.toString(version));
        Instant updated = lastUpdated(visit);
        if (updated != null) {
            appointment.getMeta().setLastUpdated(Date.from(updated));
        }
        AppointmentStatus status = status(visit);
        appointment.setStatus(status);
        String discipline = visit.discipline();
        appointment.addServiceType(new CodeableConcept(
                        new Coding(FhirCodes.DISCIPLINE, discipline, DISCIPLINES.getOrDefault(discipline, discipline)))
                .setText(DISCIPLINES.getOrDefault(discipline, discipline)));
        appointment.setAppointmentType(new CodeableConcept(new Coding(
                FhirCodes.VISIT_TYPE,
                visit.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                visit.type() == Visit.VisitType.TELEHEALTH ? "Telehealth visit" : "Visit at home")));
        appointment.setDescription(DISCIPLINES.getOrDefault(discipline, discipline)
                + (visit.type() == Visit.VisitType.TELEHEALTH ? " visit by telehealth" : " visit at home"));
        if (visit.booking() != null && status != AppointmentStatus.PROPOSED) {
            appointment.setStart(Date.from(visit.booking().start()));
            appointment.setEnd(Date.from(visit.booking().end()));
            appointment.setMinutesDuration((int) visit.booking().duration().toMinutes());
        }
        if (visit.earliest() != null && visit.latest() != null) {
            appointment.addRequestedPeriod(
                    new Period().setStartElement(day(visit.earliest())).setEndElement(day(visit.latest())));
        }
        if ((status == AppointmentStatus.CANCELLED || status == AppointmentStatus.NOSHOW) && visit.reason() != null) {
            appointment.setCancelationReason(new CodeableConcept().setText(visit.reason()));
        }
        appointment
                .addParticipant()
                .setActor(new Reference("Patient/" + visit.patientId()))
                .setRequired(Appointment.ParticipantRequired.REQUIRED)
                .setStatus(ParticipationStatus.ACCEPTED);
        if (visit.booking() != null && visit.booking().clinicianId() != null) {
            appointment
                    .addParticipant()
                    .setActor(new Reference("Practitioner/" + visit.booking().clinicianId()))
                    .setRequired(Appointment.ParticipantRequired.REQUIRED)
                    .setStatus(ParticipationStatus.ACCEPTED);
        }
        if (visit.checkIn() != null) {
            appointment.addExtension(
                    FhirCodes.EVV_CHECK_IN,
                    new DateTimeType(Date.from(visit.checkIn().at())));
        }
        if (visit.checkOut() != null) {
            appointment.addExtension(
                    FhirCodes.EVV_CHECK_OUT,
                    new DateTimeType(Date.from(visit.checkOut().at())));
        }
        return appointment;
    }

    private static DateTimeType day(LocalDate day) {
        return new DateTimeType(day.toString()); // day precision, as written
    }
}
