package org.hearth.patient.observations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
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

/**
 * Record and read vital signs. A batch is checked whole before anything is stored: one impossible value
 * refuses the batch with the index of each bad reading, so a device never half-uploads.
 */
@RestController
@RequestMapping("/api/patients/v1/patients/{patientId}/observations")
@Tag(name = "Observations")
class ObservationController {

    static final int MAX_BATCH = 500;

    private final PatientAccess access;
    private final ObservationRepository observations;
    private final VitalsIngestion ingestion;

    ObservationController(PatientAccess access, ObservationRepository observations, VitalsIngestion ingestion) {
        this.access = access;
        this.observations = observations;
        this.ingestion = ingestion;
    }

    record Reading(
            @NotNull
            @Pattern(
                    regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                    message = "must be a UUID chosen by the client")
            String id,

            @NotNull Vital vital,
            @NotNull Double value,
            @Size(max = 20) String unit,
            @NotNull Instant observedAt) {}

    record Batch(@NotNull @Size(min = 1, max = MAX_BATCH) List<@Valid @NotNull Reading> observations) {}

    record BatchResult(int accepted, int alreadyRecorded) {}

    /** A stored reading with its canonical unit. */
    record ObservationView(
            String id,
            Vital vital,
            double value,
            String unit,
            Instant observedAt,
            ObservationSource source,
            String recordedBy,
            Instant recordedAt) {
        static ObservationView of(Observation o) {
            return new ObservationView(
                    o.id(), o.vital(), o.value(), o.unit(), o.observedAt(), o.source(), o.recordedBy(), o.recordedAt());
        }
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('agency-admin','coordinator','physician','nurse','therapist','aide','family') "
            + "or (hasRole('partner') and hasAuthority('SCOPE_hearth.observations'))")
    @Operation(
            summary = "Record a batch of readings",
            description = "Idempotent by reading id: resending stores "
                    + "nothing twice. Units are UCUM codes; impossible values are refused (400) and nothing is stored. "
                    + "Publishes ObservationRecorded.v1 on hearth.patient.observations for each new reading")
    BatchResult record(@PathVariable String patientId, @Valid @RequestBody Batch batch) {
        VitalsIngestion.Result result = ingestion.record(
                patientId,
                batch.observations().stream()
                        .map(r -> new VitalsIngestion.Reading(r.id(), r.vital(), r.value(), r.unit(), r.observedAt()))
                        .toList(),
                "observations");
        return new BatchResult(result.accepted(), result.alreadyRecorded());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('agency-admin','coordinator','physician','nurse','therapist','aide','case-manager',"
            + "'family')")
    @Operation(summary = "Readings, newest first", description = "Filter by vital and observedAt in [from, to)")
    PageResponse<ObservationView> list(
            @PathVariable String patientId,
            @RequestParam(required = false) Vital vital,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        requirePatient(patientId);
        return PageResponse.of(
                observations.find(
                        patientId,
                        vital,
                        from,
                        to,
                        Paging.of(page, size).withSort(Sort.by(Sort.Direction.DESC, "observation.observedAt"))),
                ObservationView::of);
    }

    private void requirePatient(String patientId) {
        access.require(patientId, Purpose.VITALS);
    }
}
