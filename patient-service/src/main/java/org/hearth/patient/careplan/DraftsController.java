package org.hearth.patient.careplan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.hearth.patient.access.PatientAccess;
import org.hearth.platform.web.PageResponse;
import org.hearth.platform.web.Paging;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open drafts the caller can see, found by the store rather than by reading every patient's plan: a physician
 * with hundreds of patients still finds every draft waiting for a signature, in one query.
 */
@RestController
@Tag(name = "Care plan")
class DraftsController {

    private final PatientAccess access;
    private final CarePlanRepository plans;

    DraftsController(PatientAccess access, CarePlanRepository plans) {
        this.access = access;
        this.plans = plans;
    }

    /** Which patient's plan has a draft, its number, and whether its author has submitted it for signature. */
    record OpenDraft(String patientId, int number, String authoredBy, Instant authoredAt, Instant submittedAt) {
        static OpenDraft of(CarePlan plan) {
            CarePlanVersion draft = plan.draft().orElseThrow();
            return new OpenDraft(
                    plan.patientId(), draft.number(), draft.authoredBy(), draft.authoredAt(), draft.submittedAt());
        }
    }

    @GetMapping("/api/patients/v1/care-plans/drafts")
    @PreAuthorize(CarePlanController.READERS)
    @Operation(
            summary = "Open drafts",
            description = "Plans with an open draft: the whole agency for coordinators, "
                    + "the caller's care teams' patients for clinicians and physicians. Page from 0, size 1-200 (default 50). "
                    + "Read a plan itself, with its ETag, at /patients/{patientId}/care-plan")
    PageResponse<OpenDraft> drafts(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(plans.withOpenDraft(access.listable(), Paging.of(page, size)), OpenDraft::of);
    }
}
