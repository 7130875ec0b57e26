package org.hearth.patient.careplan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
import org.hearth.patient.alerts.AlertSettings;
import org.hearth.patient.assessment.AssessmentRepository;
import org.hearth.patient.careteam.CareTeamMember;
import org.hearth.patient.careteam.CareTeamRepository;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.ProblemType;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plan of care of one patient. Every write sends the ETag last read in {@code If-Match}: two clinicians
 * editing at once cannot silently overwrite each other (412), and nobody writes without reading (428).
 */
@RestController
@RequestMapping("/api/patients/v1/patients/{patientId}/care-plan")
@Tag(name = "Care plan")
class CarePlanController {

    static final String READERS = "hasAnyRole('agency-admin','coordinator','physician','nurse','therapist','aide',"
            + "'social-worker','case-manager')";
    static final String READERS_AND_FAMILY = "hasAnyRole('agency-admin','coordinator','physician','nurse',"
            + "'therapist','aide','social-worker','case-manager','family')";
    static final String AUTHORS = "hasAnyRole('agency-admin','coordinator','physician','nurse','therapist')";

    private final PatientAccess access;
    private final AssessmentRepository assessments;
    private final CareTeamRepository teams;
    private final CarePlanRepository plans;
    private final Clock clock;
    private final AlertSettings settings;

    CarePlanController(
            PatientAccess access,
            AssessmentRepository assessments,
            CareTeamRepository teams,
            CarePlanRepository plans,
            Clock clock,
            AlertSettings settings) {
        this.access = access;
        this.assessments = assessments;
        this.teams = teams;
        this.plans = plans;
        this.clock = clock;
        this.settings = settings;
    }

    record CarePlanView(String patientId, CarePlanVersion active, CarePlanVersion draft) {}

    record VersionSummary(
            int number,
            CarePlanStatus status,
            String frequency,
            String authoredBy,
            Instant authoredAt,
            String signedBy,
            Instant signedAt) {
        static VersionSummary of(CarePlanVersion v) {
            return new VersionSummary(
                    v.number(),
                    v.status(),
                    v.content().frequency(),
                    v.authoredBy(),
                    v.authoredAt(),
                    v.signedBy(),
                    v.signedAt());
        }
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "The active plan and the open draft", description = "ETag is the version for If-Match")
    ResponseEntity<CarePlanView> current(@PathVariable String patientId) {
        CarePlanRepository.Versioned stored = load(patientId);
        return view(stored.plan(), stored.version());
    }

    @PutMapping("/draft")
    @PreAuthorize(AUTHORS)
    @Operation(
            summary = "Write the draft",
            description =
                    "Rewrites the open draft, or opens a new draft version on "
                            + "top of the active plan. Frequency in clinicians' notation, e.g. \"SN 2W4, PT 3W2\" (400 if unreadable)")
    ResponseEntity<CarePlanView> writeDraft(
            @PathVariable String patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody CarePlanContent content) {
        CarePlanRepository.Versioned stored = load(patientId);
        Versions.require(ifMatch, stored.version());
        if (stored.plan().versions().isEmpty() && !assessments.isCompleted(patientId)) {
            throw ApiException.conflict("Complete the initial assessment before the first care plan.");
        }
        CarePlan next;
        try {
            next = stored.plan().withDraft(content, Caller.subject(), clock.instant());
        } catch (FrequencyNotation.InvalidFrequencyException e) {
            throw ApiException.badRequest("frequency: " + e.getMessage());
        }
        save(new WithEvents<>(next, List.of()), stored.version());
        return view(next, stored.version() + 1);
    }

    @PostMapping("/draft/submission")
    @PreAuthorize(AUTHORS)
    @Operation(
            summary = "Submit the draft for signature",
            description = "If-Match required. Checks what a plan "
                    + "must satisfy before it is signed (a problem to work on, no goal dated in the past, no medication that "
                    + "stops before it starts or is listed twice): 422 rules-violated lists every broken rule. Marks the "
                    + "draft as submitted (by whom, when); writing the draft again withdraws the submission")
    ResponseEntity<CarePlanView> submit(
            @PathVariable String patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CarePlanRepository.Versioned stored = load(patientId);
        Versions.require(ifMatch, stored.version());
        CarePlan submitted;
        try {
            submitted = stored.plan()
                    .submit(Caller.subject(), clock.instant(), LocalDate.ofInstant(clock.instant(), settings.zone()));
        } catch (IllegalStateException e) {
            throw ApiException.conflict("There is no draft to submit.");
        } catch (CarePlanRules.Broken e) {
            throw ApiException.rulesViolated("The draft cannot be submitted for signature yet.", e.violations());
        }
        save(new WithEvents<>(submitted, List.of()), stored.version());
        return view(submitted, stored.version() + 1);
    }

    @PostMapping("/draft/signature")
    @PreAuthorize("hasRole('physician')")
    @Operation(
            summary = "Sign the draft",
            description = "Only the care team's lead physician (403 otherwise). The "
                    + "draft becomes active, the previous version superseded. Publishes CarePlanSigned.v1")
    ResponseEntity<CarePlanView> sign(
            @PathVariable String patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CarePlanRepository.Versioned stored = load(patientId);
        Versions.require(ifMatch, stored.version());
        requireSignable(stored.plan());
        WithEvents<CarePlan> signed;
        try {
            signed = stored.plan()
                    .sign(
                            Caller.subject(),
                            teams.find(patientId).team().leadPhysician().map(CareTeamMember::subject),
                            clock.instant());
        } catch (NotTheLeadPhysicianException e) {
            throw new ApiException(ProblemType.FORBIDDEN, e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiException.conflict("There is no draft to sign.");
        }
        save(signed, stored.version());
        return view(signed.result(), stored.version() + 1);
    }

    /**
     * Signing does not require a submission, so the lead physician's signature checks the same rules a submission
     * does (a goal already past, a medication listed twice…): nobody signs what could not be submitted.
     */
    private void requireSignable(CarePlan plan) {
        List<org.hearth.platform.problem.RuleViolation> broken = plan.draft()
                .map(d -> CarePlanRules.violations(d.content(), LocalDate.ofInstant(clock.instant(), settings.zone())))
                .orElse(List.of());
        if (!broken.isEmpty()) {
            throw ApiException.rulesViolated("The draft cannot be signed yet.", broken);
        }
    }

    /** What a family member with the care-plan-summary consent sees: the active plan's content, not its workflow. */
    record CarePlanSummary(int version, java.time.Instant signedAt, CarePlanContent content) {}

    @GetMapping("/summary")
    @PreAuthorize(READERS_AND_FAMILY)
    @Operation(
            summary = "The active plan in brief",
            description = "For the team and for family members whose "
                    + "consent includes CARE_PLAN_SUMMARY (403 otherwise); 404 when no plan is signed yet")
    CarePlanSummary summary(@PathVariable String patientId) {
        access.require(patientId, Purpose.CARE_PLAN_SUMMARY);
        CarePlanVersion active = plans.find(patientId)
                .plan()
                .active()
                .orElseThrow(() -> ApiException.notFound("A signed care plan for patient " + patientId));
        return new CarePlanSummary(active.number(), active.signedAt(), active.content());
    }

    @GetMapping("/versions")
    @PreAuthorize(READERS)
    @Operation(summary = "Every version, newest first")
    List<VersionSummary> history(@PathVariable String patientId) {
        return load(patientId).plan().versions().reversed().stream()
                .map(VersionSummary::of)
                .toList();
    }

    @GetMapping("/versions/{number}")
    @PreAuthorize(READERS)
    @Operation(summary = "One version, whole")
    CarePlanVersion version(@PathVariable String patientId, @PathVariable int number) {
        return load(patientId)
                .plan()
                .version(number)
                .orElseThrow(() -> ApiException.notFound("Care plan version " + number));
    }

    @GetMapping("/diff")
    @PreAuthorize(READERS)
    @Operation(summary = "What changed between two versions", description = "Entries added and removed per section")
    CarePlanDiff diff(@PathVariable String patientId, @RequestParam int from, @RequestParam int to) {
        CarePlan plan = load(patientId).plan();
        return CarePlanDiff.between(
                plan.version(from).orElseThrow(() -> ApiException.notFound("Care plan version " + from)),
                plan.version(to).orElseThrow(() -> ApiException.notFound("Care plan version " + to)));
    }

    private CarePlanRepository.Versioned load(String patientId) {
        access.require(patientId, Purpose.CLINICAL);
        return plans.find(patientId);
    }

    private void save(WithEvents<CarePlan> changed, long expectedVersion) {
        if (!plans.save(changed, expectedVersion)) {
            throw Versions.stale();
        }
    }

    private static ResponseEntity<CarePlanView> view(CarePlan plan, long version) {
        return ResponseEntity.ok()
                .eTag(Versions.etag(version))
                .body(new CarePlanView(
                        plan.patientId(),
                        plan.active().orElse(null),
                        plan.draft().orElse(null)));
    }
}
