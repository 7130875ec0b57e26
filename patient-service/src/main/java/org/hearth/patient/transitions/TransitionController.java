package org.hearth.patient.transitions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
import org.hearth.patient.transitions.TransitionTask.TransitionTaskType;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.security.Caller;
import org.hearth.platform.web.Versions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The follow-up owed after a hospital discharge, and marking its tasks done. */
@RestController
@RequestMapping("/api/patients/v1/patients/{patientId}/transition-of-care")
@Tag(name = "Transitions of care")
class TransitionController {

    private final PatientAccess access;
    private final TransitionRepository transitions;
    private final Clock clock;

    TransitionController(PatientAccess access, TransitionRepository transitions, Clock clock) {
        this.access = access;
        this.transitions = transitions;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('agency-admin','coordinator','physician','nurse','case-manager')")
    @Operation(summary = "Tasks and due dates", description = "404 when the patient did not come from a hospital")
    TransitionOfCare get(@PathVariable String patientId) {
        return load(patientId).transition();
    }

    @PostMapping("/tasks/{task}/completion")
    @PreAuthorize("hasAnyRole('agency-admin','coordinator','physician','nurse','case-manager')")
    @Operation(summary = "Mark a task done", description = "409 if it is done already")
    TransitionOfCare complete(@PathVariable String patientId, @PathVariable TransitionTaskType task) {
        TransitionRepository.Versioned stored = load(patientId);
        TransitionOfCare done;
        try {
            done = stored.transition().complete(task, Caller.subject(), clock.instant());
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        if (!transitions.update(new WithEvents<>(done, List.of()), stored.version())) {
            throw Versions.stale();
        }
        return done;
    }

    private TransitionRepository.Versioned load(String patientId) {
        access.require(patientId, Purpose.CLINICAL);
        return transitions
                .find(patientId)
                .orElseThrow(() -> ApiException.notFound("Transition of care of " + patientId));
    }
}
