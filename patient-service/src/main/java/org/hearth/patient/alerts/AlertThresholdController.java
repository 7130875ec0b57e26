package org.hearth.patient.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.security.Caller;
import org.hearth.platform.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A patient's alert thresholds: the defaults, with the limits the team set for this patient. */
@RestController
@RequestMapping("/api/patients/v1/patients/{patientId}/alert-thresholds")
@Tag(name = "Alerts")
class AlertThresholdController {

    private final PatientAccess access;
    private final AlertThresholds thresholds;
    private final Clock clock;

    AlertThresholdController(PatientAccess access, AlertThresholds thresholds, Clock clock) {
        this.access = access;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    record EffectiveThreshold(
            String key,
            String vital,
            String direction,
            Severity severity,
            double limit,
            double defaultLimit,
            String unit) {}

    record ThresholdsView(String patientId, List<EffectiveThreshold> thresholds) {}

    record LimitsRequest(@NotNull @Size(max = 20) Map<String, @NotNull Double> limits) {}

    @GetMapping
    @PreAuthorize(AlertController.CLINICAL)
    @Operation(summary = "Effective thresholds", description = "Each default with this patient's limit, if set")
    ResponseEntity<ThresholdsView> get(@PathVariable String patientId) {
        access.require(patientId, Purpose.CLINICAL);
        AlertThresholds.Versioned stored = thresholds.find(patientId);
        return ResponseEntity.ok().eTag(Versions.etag(stored.version())).body(view(patientId, stored.limits()));
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('agency-admin','coordinator','physician')")
    @Operation(
            summary = "Set this patient's limits",
            description = "Keys as in GET (e.g. SYSTOLIC_BP_HIGH_HIGH); "
                    + "limits must be physiologically possible. Replaces all overrides; If-Match required")
    ResponseEntity<ThresholdsView> set(
            @PathVariable String patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody LimitsRequest request) {
        access.require(patientId, Purpose.CLINICAL);
        long expected = Versions.expected(ifMatch);
        List<FieldError> errors = new ArrayList<>();
        request.limits().forEach((key, limit) -> {
            var threshold = AlertRules.defaults().stream()
                    .filter(t -> t.key().equals(key))
                    .findFirst();
            if (threshold.isEmpty()) {
                errors.add(new FieldError("limits." + key, "is not a threshold; see GET for the keys"));
                return;
            }
            try {
                threshold.get().vital().canonical(limit, null);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("limits." + key, e.getMessage()));
            }
        });
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Map<String, Double> limits = new TreeMap<>(request.limits());
        if (!thresholds.save(patientId, limits, expected, Caller.subject(), clock.instant())) {
            throw Versions.stale();
        }
        return ResponseEntity.ok().eTag(Versions.etag(expected + 1)).body(view(patientId, limits));
    }

    private static ThresholdsView view(String patientId, Map<String, Double> limits) {
        return new ThresholdsView(
                patientId,
                AlertRules.defaults().stream()
                        .map(t -> new EffectiveThreshold(
                                t.key(),
                                t.vital().name(),
                                t.above() ? "AT_OR_ABOVE" : "BELOW",
                                t.severity(),
                                limits.getOrDefault(t.key(), t.limit()),
                                t.limit(),
                                t.vital().unit()))
                        .toList());
    }
}
