package org.hearth.patient.observations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.security.Caller;
import org.springframework.stereotype.Component;

/**
 * The one way readings come in, whatever the API (REST batches, FHIR {@code Observation} creates): the caller may
 * record vitals for the patient, every reading could have been taken, and a new one is stored with its
 * ObservationRecorded event, which is what the alert rules read. A batch is checked whole before anything is stored.
 */
@Component
public class VitalsIngestion {

    /** Device clocks drift; a reading from further in the future than this is a wrong clock, not a reading. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final PatientAccess access;
    private final ObservationRepository observations;
    private final Clock clock;

    VitalsIngestion(PatientAccess access, ObservationRepository observations, Clock clock) {
        this.access = access;
        this.observations = observations;
        this.clock = clock;
    }

    /** One reading as sent: the id is chosen by the client, the unit is a UCUM code (null: the canonical unit). */
    public record Reading(String id, Vital vital, double value, String unit, Instant observedAt) {}

    /** What was stored: the readings in canonical units, and how many of them were new. */
    public record Result(List<Observation> readings, int accepted, int alreadyRecorded) {}

    /**
     * Checks and stores the readings of one patient.
     *
     * @param field the name of the list in error messages, e.g. {@code observations}
     * @throws ApiException 404/403 by the access rules, 400 with one field error per impossible reading
     */
    public Result record(String patientId, List<Reading> batch, String field) {
        LocalDate born = access.require(patientId, Purpose.VITALS).birthDate();
        List<Observation> readings = validated(patientId, born, batch, field);
        int accepted = 0;
        for (Observation reading : readings) {
            if (observations.insertIfNew(reading)) {
                accepted++;
            }
        }
        if (accepted > 0) {
            observations.written();
        }
        return new Result(readings, accepted, readings.size() - accepted);
    }

    /** Readings that could have been taken: not in the future (beyond the clocks' tolerance), not before birth. */
    private List<Observation> validated(String patientId, LocalDate born, List<Reading> batch, String field) {
        Instant now = clock.instant();
        ObservationSource source = source();
        String recordedBy = Caller.subject();
        List<FieldError> errors = new ArrayList<>();
        List<Observation> readings = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Reading reading = batch.get(i);
            String at = field + "[" + i + "]";
            if (reading.observedAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
                errors.add(new FieldError(at + ".observedAt", "is in the future"));
                continue;
            }
            // the earliest zone's midnight of the birth date: a reading before it was taken before the patient was born
            if (reading.observedAt()
                    .isBefore(born.atStartOfDay(ZoneOffset.ofHours(14)).toInstant())) {
                errors.add(new FieldError(at + ".observedAt", "is before the patient's birth"));
                continue;
            }
            try {
                double value = reading.vital().canonical(reading.value(), reading.unit());
                readings.add(new Observation(
                        reading.id().toLowerCase(),
                        patientId,
                        reading.vital(),
                        value,
                        reading.observedAt(),
                        source,
                        recordedBy,
                        now));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(at + ".value", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return readings;
    }

    private static ObservationSource source() {
        if (Caller.hasRole("partner")) {
            return ObservationSource.DEVICE;
        }
        return Caller.hasRole("family") && !Caller.hasRole("nurse")
                ? ObservationSource.FAMILY
                : ObservationSource.CLINICIAN;
    }
}
