package org.hearth.patient.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
import org.hearth.patient.assessment.InitialAssessment.AssessmentStatus;
import org.hearth.patient.assessment.InitialAssessment.FunctionalStatus;
import org.hearth.patient.observations.Vital;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.security.Caller;
import org.hearth.platform.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The initial assessment: written over the first visit(s), then completed once whole. */
@RestController
@RequestMapping("/api/patients/v1/patients/{patientId}/assessment")
@Tag(name = "Initial assessment")
class AssessmentController {

    static final String ASSESSORS = "hasAnyRole('agency-admin','coordinator','physician','nurse','therapist')";

    private final PatientAccess access;
    private final AssessmentRepository assessments;
    private final Clock clock;

    AssessmentController(PatientAccess access, AssessmentRepository assessments, Clock clock) {
        this.access = access;
        this.assessments = assessments;
        this.clock = clock;
    }

    record VitalRequest(
            @NotNull Vital vital,
            @NotNull Double value,
            @Size(max = 20) String unit) {}

    record SafetyRequest(
            @NotNull InitialAssessment.HazardItem item,
            @NotNull InitialAssessment.SafetyStatus status,
            @Size(max = 500) String finding,
            @Size(max = 500) String action) {}

    record AssessmentRequest(
            @NotNull @Size(max = 10) List<@Valid @NotNull VitalRequest> baseline,
            @Size(max = 4000) String medicalHistory,
            @NotNull @Size(max = 6) List<@Valid @NotNull FunctionalStatus> functional,
            @NotNull @Size(max = 12) List<@Valid @NotNull SafetyRequest> homeSafety,
            @NotNull @Size(max = 10) List<@NotBlank @Size(max = 300) String> goals) {}

    @GetMapping
    @PreAuthorize(ASSESSORS + " or hasAnyRole('aide','social-worker','case-manager')")
    ResponseEntity<InitialAssessment> get(@PathVariable String patientId) {
        access.require(patientId, Purpose.CLINICAL);
        AssessmentRepository.Versioned stored = assessments
                .find(patientId)
                .orElseThrow(() -> ApiException.notFound("Initial assessment of patient " + patientId));
        return ResponseEntity.ok().eTag(Versions.etag(stored.version())).body(stored.assessment());
    }

    @PutMapping
    @PreAuthorize(ASSESSORS)
    @Operation(
            summary = "Write the assessment in progress",
            description = "If-Match (\"0\" for the first write); "
                    + "409 once completed. Baseline vitals in UCUM units, checked like readings")
    ResponseEntity<InitialAssessment> write(
            @PathVariable String patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AssessmentRequest request) {
        access.require(patientId, Purpose.CLINICAL);
        long expected = Versions.expected(ifMatch);
        assessments
                .find(patientId)
                .filter(v -> v.assessment().status() == AssessmentStatus.COMPLETED)
                .ifPresent(v -> {
                    throw ApiException.conflict(
                            "The initial assessment is completed; it is kept as it was signed off.");
                });
        InitialAssessment assessment = toAssessment(patientId, request);
        if (!assessments.save(new WithEvents<>(assessment, List.of()), expected)) {
            throw Versions.stale();
        }
        return ResponseEntity.ok().eTag(Versions.etag(expected + 1)).body(assessment);
    }

    @PostMapping("/completion")
    @PreAuthorize(ASSESSORS)
    @Operation(
            summary = "Complete the assessment",
            description =
                    "400 listing every missing part (all 12 safety "
                            + "items, all 6 activities, a goal, blood pressure and heart rate); publishes AssessmentCompleted.v1")
    ResponseEntity<InitialAssessment> complete(
            @PathVariable String patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        access.require(patientId, Purpose.CLINICAL);
        AssessmentRepository.Versioned stored = assessments
                .find(patientId)
                .orElseThrow(() -> ApiException.notFound("Initial assessment of patient " + patientId));
        Versions.require(ifMatch, stored.version());
        InitialAssessment completed;
        try {
            completed = stored.assessment().complete(Caller.subject(), clock.instant());
        } catch (InitialAssessment.IncompleteAssessmentException e) {
            throw ApiException.invalid(
                    e.missing().stream().map(FieldError::fromRuleMessage).toList());
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        if (!assessments.save(WithEvents.of(completed, AssessmentCompleted.of(completed)), stored.version())) {
            throw Versions.stale();
        }
        return ResponseEntity.ok().eTag(Versions.etag(stored.version() + 1)).body(completed);
    }

    private InitialAssessment toAssessment(String patientId, AssessmentRequest r) {
        List<FieldError> errors = new ArrayList<>();
        List<InitialAssessment.BaselineVital> baseline = new ArrayList<>();
        for (int i = 0; i < r.baseline().size(); i++) {
            VitalRequest v = r.baseline().get(i);
            try {
                baseline.add(
                        new InitialAssessment.BaselineVital(v.vital(), v.vital().canonical(v.value(), v.unit())));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("baseline[" + i + "].value", e.getMessage()));
            }
        }
        List<InitialAssessment.SafetyCheck> checks = new ArrayList<>();
        for (SafetyRequest s : r.homeSafety()) {
            try {
                checks.add(new InitialAssessment.SafetyCheck(s.item(), s.status(), s.finding(), s.action()));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.fromRuleMessage(e.getMessage()));
            }
        }
        if (checks.stream().map(InitialAssessment.SafetyCheck::item).distinct().count() < checks.size()) {
            errors.add(new FieldError("homeSafety", "an item is listed twice"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new InitialAssessment(
                patientId,
                AssessmentStatus.IN_PROGRESS,
                baseline,
                r.medicalHistory(),
                r.functional(),
                checks,
                r.goals().stream().map(String::strip).toList(),
                Caller.subject(),
                clock.instant(),
                null);
    }
}
