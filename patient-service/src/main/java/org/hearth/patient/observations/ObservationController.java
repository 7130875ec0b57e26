package org.hearth.patient.observations;

import org.hearth.patient.access.Purpose;
import org.hearth.patient.access.PatientAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.security.Caller;
import org.hearth.platform.web.PageResponse;
import org.hearth.platform.web.Paging;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Record and read vital signs. A batch is checked whole before anything is stored: one impossible value
 * refuses the batch with the index of each bad reading, so a device never half-uploads.
 */
@RestController
@RequestMapping("/api/patients/v1/patients/{patientId}/observations")
@Tag(name = "Observations")
class ObservationController {

    static final int MAX_BATCH = 500;
    /** Device clocks drift; a reading from further in the future than this is a wrong clock, not a reading. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final PatientAccess access;
    private final ObservationRepository observations;
    private final Clock clock;

    ObservationController(PatientAccess access, ObservationRepository observations, Clock clock) {
        this.access = access;
        this.observations = observations;
        this.clock = clock;
    }

    record Reading(
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                    message = "must be a UUID chosen by the client") String id,
            @NotNull Vital vital, @NotNull Double value, @Size(max = 20) String unit, @NotNull Instant observedAt) {
    }

    record Batch(@NotNull @Size(min = 1, max = MAX_BATCH) List<@Valid @NotNull Reading> observations) {
    }

    record BatchResult(int accepted, int alreadyRecorded) {
    }

    /** A stored reading with its canonical unit. */
    record ObservationView(String id, Vital vital, double value, String unit, Instant observedAt,
            ObservationSource source, String recordedBy, Instant recordedAt) {
        static ObservationView of(Observation o) {
            return new ObservationView(o.id(), o.vital(), o.value(), o.unit(), o.observedAt(), o.source(),
                    o.recordedBy(), o.recordedAt());
        }
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('agency-admin','coordinator','physician','nurse','therapist','aide','family') "
            + "or (hasRole('partner') and hasAuthority('SCOPE_hearth.observations'))")
    @Operation(summary = "Record a batch of readings", description = "Idempotent by reading id: resending stores "
            + "nothing twice. Units are UCUM codes; impossible values are refused (400) and nothing is stored. "
            + "Publishes ObservationRecorded.v1 on hearth.patient.observations for each new reading")
    BatchResult record(@PathVariable String patientId, @Valid @RequestBody Batch batch) {
        java.time.LocalDate born = access.require(patientId, Purpose.VITALS).birthDate();
        List<Observation> readings = validated(patientId, born, batch.observations());
        int accepted = 0;
        for (Observation reading : readings) {
            if (observations.insertIfNew(reading)) {
                accepted++;
            }
        }
        if (accepted > 0) {
            observations.written();
        }
        return new BatchResult(accepted, readings.size() - accepted);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('agency-admin','coordinator','physician','nurse','therapist','aide','case-manager',"
            + "'family')")
    @Operation(summary = "Readings, newest first", description = "Filter by vital and observedAt in [from, to)")
    PageResponse<ObservationView> list(@PathVariable String patientId, @RequestParam(required = false) Vital vital,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        requirePatient(patientId);
        return PageResponse.of(observations.find(patientId, vital, from, to,
                Paging.of(page, size).withSort(Sort.by(Sort.Direction.DESC, "observation.observedAt"))), ObservationView::of);
    }

    /** Readings that could have been taken: not in the future (beyond the clocks' tolerance), not before birth. */
    private List<Observation> validated(String patientId, java.time.LocalDate born, List<Reading> batch) {
        Instant now = clock.instant();
        ObservationSource source = source();
        String recordedBy = Caller.subject();
        List<FieldError> errors = new ArrayList<>();
        List<Observation> readings = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Reading reading = batch.get(i);
            String field = "observations[" + i + "]";
            if (reading.observedAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
                errors.add(new FieldError(field + ".observedAt", "is in the future"));
                continue;
            }
            // the earliest zone's midnight of the birth date: a reading before it was taken before the patient was born
            if (reading.observedAt().isBefore(born.atStartOfDay(java.time.ZoneOffset.ofHours(14)).toInstant())) {
                errors.add(new FieldError(field + ".observedAt", "is before the patient's birth"));
                continue;
            }
            try {
                double value = reading.vital().canonical(reading.value(), reading.unit());
                readings.add(new Observation(reading.id().toLowerCase(), patientId, reading.vital(), value,
                        reading.observedAt(), source, recordedBy, now));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field + ".value", e.getMessage()));
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
        return Caller.hasRole("family") && !Caller.hasRole("nurse") ? ObservationSource.FAMILY : ObservationSource.CLINICIAN;
    }

    private void requirePatient(String patientId) {
        access.require(patientId, Purpose.VITALS);
    }
}
