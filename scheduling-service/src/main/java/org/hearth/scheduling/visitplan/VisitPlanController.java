package org.hearth.scheduling.visitplan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.hearth.platform.problem.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Visit plan")
class VisitPlanController {

    private final VisitPlanRepository plans;

    VisitPlanController(VisitPlanRepository plans) {
        this.plans = plans;
    }

    record VisitPlanView(String patientId, int planVersion, List<VisitRequirement> requirements) {}

    @GetMapping("/api/scheduling/v1/patients/{patientId}/visit-requirements")
    @PreAuthorize("hasAnyRole('agency-admin','coordinator','physician','nurse','therapist')")
    @Operation(
            summary = "Weekly visit requirements from the signed plan of care",
            description = "404 until a plan is signed (and for another agency's patient)")
    VisitPlanView get(@PathVariable String patientId) {
        VisitPlan plan = plans.find(patientId)
                .filter(p -> p.requirements() != null)
                .orElseThrow(() -> ApiException.notFound("Visit requirements of patient " + patientId));
        return new VisitPlanView(patientId, plan.planVersion(), plan.requirements());
    }
}
