package org.hearth.scheduling.patients;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.web.PageResponse;
import org.hearth.platform.web.Paging;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read scheduling's view of the agency's patients. */
@RestController
@RequestMapping("/api/scheduling/v1/patients")
@Tag(name = "Patients (scheduling view)")
@PreAuthorize("hasAnyRole('agency-admin','coordinator','physician','nurse','therapist','aide','social-worker',"
        + "'case-manager')")
class PatientProjectionController {

    private final PatientProjectionRepository projection;

    PatientProjectionController(PatientProjectionRepository projection) {
        this.projection = projection;
    }

    @GetMapping("/{patientId}")
    @Operation(summary = "Read a patient as scheduling knows it", description = "Another agency's patient answers 404")
    PatientSchedulingView get(@PathVariable String patientId) {
        return projection
                .findById(patientId)
                .map(PatientSchedulingView::of)
                .orElseThrow(() -> ApiException.notFound("Patient " + patientId));
    }

    record Preferences(
            @NotNull @Size(max = 21) List<@Valid @NotNull TimeWindow> timeWindows,
            @Size(max = 100) String preferredClinicianId) {}

    @PutMapping("/{patientId}/preferences")
    @PreAuthorize("hasAnyRole('agency-admin','coordinator')")
    @Operation(
            summary = "Set the patient's preferred visit times and clinician",
            description = "Booking refuses visits outside the windows (rule OUTSIDE_PATIENT_WINDOW); an empty list "
                    + "means any time within the clinician's hours")
    PatientSchedulingView setPreferences(@PathVariable String patientId, @Valid @RequestBody Preferences preferences) {
        if (!projection.setPreferences(patientId, preferences.timeWindows(), preferences.preferredClinicianId())) {
            throw ApiException.notFound("Patient " + patientId);
        }
        return get(patientId);
    }

    @GetMapping
    @Operation(summary = "List patients known to scheduling", description = "Page from 0, size 1-200 (default 50)")
    PageResponse<PatientSchedulingView> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(
                projection.findAll(Paging.of(page, size).withSort(Sort.by("admittedAt", "_id"))),
                PatientSchedulingView::of);
    }
}
