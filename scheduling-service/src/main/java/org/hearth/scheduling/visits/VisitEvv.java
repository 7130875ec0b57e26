package org.hearth.scheduling.visits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.ProblemType;
import org.hearth.scheduling.SchedulingSettings;
import org.hearth.scheduling.authorizations.AuthorizationGrant;
import org.hearth.scheduling.authorizations.Authorizations;
import org.hearth.scheduling.authorizations.UnitRule;
import org.hearth.scheduling.clinicians.Clinician;
import org.hearth.scheduling.clinicians.ClinicianRepository;
import org.hearth.scheduling.geo.EvvLocationCheck;
import org.hearth.scheduling.geo.GeoPoint;
import org.hearth.scheduling.patients.PatientProjection;
import org.hearth.scheduling.patients.PatientProjectionRepository;
import org.hearth.scheduling.visits.Visit.CheckPoint;
import org.hearth.scheduling.visits.Visit.EvvException;
import org.springframework.stereotype.Component;

/**
 * Electronic visit verification (21st Century Cures Act §12006): check-in and check-out record the six elements,
 * which are the service type (the visit's discipline), the patient, the date, the location, the clinician and the
 * times. Only the assigned clinician checks in, from two hours before the start until the end of that day; the
 * time is the server's, not the device's. A location away from the patient's home is recorded as an exception.
 */
@Component
class VisitEvv {

    static final Duration EARLIEST_CHECK_IN = Duration.ofHours(2);

    /** When check-in is open for a visit starting at {@code start}: [opensAt, closesAt), closing at the day's end. */
    record CheckInWindow(Instant opensAt, Instant closesAt) {

        static CheckInWindow of(Instant start, ZoneId zone) {
            LocalDate day = LocalDate.ofInstant(start, zone);
            return new CheckInWindow(
                    start.minus(EARLIEST_CHECK_IN),
                    day.plusDays(1).atStartOfDay(zone).toInstant());
        }

        boolean isOpenAt(Instant now) {
            return !now.isBefore(opensAt) && now.isBefore(closesAt);
        }
    }

    private final VisitRepository visits;
    private final ClinicianRepository clinicians;
    private final PatientProjectionRepository patients;
    private final Authorizations authorizations;
    private final EvvLocationCheck locationCheck;
    private final ZoneId zone;
    private final Clock clock;

    VisitEvv(
            VisitRepository visits,
            ClinicianRepository clinicians,
            PatientProjectionRepository patients,
            Authorizations authorizations,
            SchedulingSettings settings,
            Clock clock) {
        this.visits = visits;
        this.clinicians = clinicians;
        this.patients = patients;
        this.authorizations = authorizations;
        this.locationCheck = settings.evvCheck();
        this.zone = settings.zone();
        this.clock = clock;
    }

    /** Where the device was; both null when it could not tell (recorded as NO_LOCATION for in-home visits). */
    record Position(Double latitude, Double longitude) {}

    VisitRepository.Versioned checkIn(String visitId, String callerSubject, Position position) {
        VisitRepository.Versioned stored = assigned(visitId, callerSubject);
        Visit visit = stored.visit();
        Instant now = clock.instant();
        if (visit.status() != Visit.Status.SCHEDULED) {
            throw ApiException.conflict("Only a scheduled visit can be checked in; this one is "
                    + visit.status().name().toLowerCase().replace('_', '-'));
        }
        LocalDate day = LocalDate.ofInstant(visit.booking().start(), zone);
        if (!CheckInWindow.of(visit.booking().start(), zone).isOpenAt(now)) {
            throw ApiException.conflict("Check-in is open from two hours before the visit until the end of " + day);
        }
        CheckPoint point = new CheckPoint(
                now, position.latitude(), position.longitude(), visit.booking().clinicianId());
        return write(stored, visit.checkIn(point, exception(visit, position, "CHECK_IN", now)));
    }

    VisitRepository.Versioned checkOut(String visitId, String callerSubject, Position position) {
        VisitRepository.Versioned stored = assigned(visitId, callerSubject);
        Visit visit = stored.visit();
        if (visit.status() != Visit.Status.CHECKED_IN) {
            throw ApiException.conflict("Only a checked-in visit can be checked out; this one is "
                    + visit.status().name().toLowerCase().replace('_', '-'));
        }
        Instant now = clock.instant();
        CheckPoint point = new CheckPoint(
                now, position.latitude(), position.longitude(), visit.booking().clinicianId());
        UnitRule units = visit.booking().authorizationId() == null
                ? UnitRule.PER_VISIT
                : authorizations.of(visit.patientId(), visit.discipline()).stream()
                        .filter(g -> g.authorizationId().equals(visit.booking().authorizationId()))
                        .map(AuthorizationGrant::unitRule)
                        .findFirst()
                        .orElse(UnitRule.PER_VISIT);
        return write(stored, visit.checkOut(point, exception(visit, position, "CHECK_OUT", now), units));
    }

    private EvvException exception(Visit visit, Position position, String stage, Instant now) {
        if (visit.type() == Visit.VisitType.TELEHEALTH) {
            return null; // no home to compare with; the video platform's log is the record
        }
        GeoPoint reported = position.latitude() == null || position.longitude() == null
                ? null
                : new GeoPoint(position.latitude(), position.longitude());
        GeoPoint home = patients.findById(visit.patientId())
                .map(PatientProjection::home)
                .orElse(null);
        return locationCheck
                .check(home, reported)
                .map(e -> new EvvException(stage, e.code(), e.distanceMetres(), now))
                .orElse(null);
    }

    /** The visit if the caller is its assigned clinician; other clinicians get 403, other agencies 404. */
    private VisitRepository.Versioned assigned(String visitId, String callerSubject) {
        VisitRepository.Versioned stored =
                visits.find(visitId).orElseThrow(() -> ApiException.notFound("Visit " + visitId));
        String clinicianId = stored.visit().booking() == null
                ? null
                : stored.visit().booking().clinicianId();
        boolean mine = clinicianId != null
                && clinicians
                        .find(clinicianId)
                        .map(ClinicianRepository.Versioned::clinician)
                        .map(Clinician::subject)
                        .filter(callerSubject::equals)
                        .isPresent();
        if (!mine) {
            throw new ApiException(ProblemType.FORBIDDEN, "Only the clinician assigned to the visit records EVV");
        }
        return stored;
    }

    private VisitRepository.Versioned write(
            VisitRepository.Versioned stored, org.hearth.platform.events.WithEvents<Visit> next) {
        if (!visits.update(next, stored.version())) {
            throw ApiException.conflict("The visit changed at the same time; try again");
        }
        return new VisitRepository.Versioned(next.result(), stored.version() + 1);
    }
}
