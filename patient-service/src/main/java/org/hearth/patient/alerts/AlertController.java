package org.hearth.patient.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
import org.hearth.platform.events.DomainEvent;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.security.Caller;
import org.hearth.platform.web.PageResponse;
import org.hearth.platform.web.Paging;
import org.hearth.platform.web.Versions;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The alert work queue of the agency and of each patient: acknowledge, then resolve. */
@RestController
@Tag(name = "Alerts")
class AlertController {

    static final String CLINICAL = "hasAnyRole('agency-admin','coordinator','physician','nurse')";

    private final PatientAccess access;
    private final AlertRepository alerts;
    private final Clock clock;
    private final AlertMetrics metrics;

    AlertController(PatientAccess access, AlertRepository alerts, Clock clock, AlertMetrics metrics) {
        this.metrics = metrics;
        this.access = access;
        this.alerts = alerts;
        this.clock = clock;
    }

    record Resolution(
            @NotBlank @Size(max = 1000) String note, @Min(1) Integer planVersion) {}

    @GetMapping("/api/patients/v1/alerts")
    @PreAuthorize(CLINICAL)
    @Operation(summary = "The agency's alerts, newest first", description = "Filter by status, e.g. OPEN")
    PageResponse<Alert> queue(
            @RequestParam(required = false) AlertStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(alerts.list(access.listable(), status, newestFirst(page, size)), a -> a);
    }

    @GetMapping("/api/patients/v1/patients/{patientId}/alerts")
    @PreAuthorize(CLINICAL)
    @Operation(summary = "One patient's alerts, newest first")
    PageResponse<Alert> ofPatient(
            @PathVariable String patientId,
            @RequestParam(required = false) AlertStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        access.require(patientId, Purpose.CLINICAL);
        return PageResponse.of(alerts.list(Optional.of(List.of(patientId)), status, newestFirst(page, size)), a -> a);
    }

    @PostMapping("/api/patients/v1/patients/{patientId}/alerts/{alertId}/acknowledgement")
    @PreAuthorize(CLINICAL)
    @Operation(summary = "Acknowledge an open alert", description = "Stops its escalation; 409 if not open")
    Alert acknowledge(@PathVariable String patientId, @PathVariable String alertId) {
        Alert acknowledged = change(
                patientId,
                alertId,
                (alert, now) -> alert.acknowledge(Caller.subject(), now),
                a -> new AlertEvents.AlertAcknowledged(a.patientId(), a.id(), a.acknowledgedBy(), a.acknowledgedAt()));
        metrics.acknowledged(acknowledged, "chart");
        return acknowledged;
    }

    @PostMapping("/api/patients/v1/patients/{patientId}/alerts/{alertId}/resolution")
    @PreAuthorize(CLINICAL)
    @Operation(
            summary = "Resolve an alert",
            description =
                    "With a note and optionally the care plan version that " + "answers it; 409 if already resolved")
    Alert resolve(@PathVariable String patientId, @PathVariable String alertId, @Valid @RequestBody Resolution body) {
        return change(
                patientId,
                alertId,
                (alert, now) -> alert.resolve(Caller.subject(), body.note().strip(), body.planVersion(), now),
                a -> new AlertEvents.AlertResolved(
                        a.patientId(), a.id(), a.resolvedBy(), a.resolvedAt(), a.planVersion()));
    }

    private Alert change(
            String patientId,
            String alertId,
            BiFunction<Alert, Instant, Alert> transition,
            Function<Alert, DomainEvent> event) {
        access.require(patientId, Purpose.CLINICAL);
        AlertRepository.Versioned stored = alerts.find(alertId)
                .filter(v -> v.alert().patientId().equals(patientId))
                .orElseThrow(() -> ApiException.notFound("Alert " + alertId));
        Alert changed;
        try {
            changed = transition.apply(stored.alert(), clock.instant());
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        if (!alerts.update(changed, stored.version(), event.apply(changed))) {
            throw Versions.stale();
        }
        return changed;
    }

    private static Pageable newestFirst(Integer page, Integer size) {
        return Paging.of(page, size).withSort(Sort.by(Sort.Direction.DESC, "alert.raisedAt"));
    }
}
