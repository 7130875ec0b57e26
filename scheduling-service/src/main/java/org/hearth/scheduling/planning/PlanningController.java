package org.hearth.scheduling.planning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.problem.ProblemType;
import org.hearth.platform.problem.Problems;
import org.hearth.platform.problem.RuleViolation;
import org.hearth.platform.security.Caller;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.hearth.platform.web.IdempotencyKeys;
import org.hearth.scheduling.SchedulingSettings;
import org.hearth.scheduling.patients.PatientProjectionRepository;
import org.hearth.scheduling.visits.VisitBooking;
import org.hearth.scheduling.visits.VisitRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Planning jobs: start one for a date range, follow its score (polling or server-sent events), stop it, read the
 * best plan with an explanation per visit, apply it. Applying books each new or moved visit through the booking
 * rules, so every change becomes a VisitScheduled or VisitRescheduled event, and a visit whose situation changed
 * since the plan was made is refused with its violations rather than booked blindly.
 */
@RestController
@RequestMapping("/api/scheduling/v1/planning-jobs")
@Tag(name = "Optimizer")
@PreAuthorize("hasAnyRole('agency-admin','coordinator')")
class PlanningController {

    static final int MAX_DAYS = 14;

    private final PlanningJobs jobs;
    private final VisitBooking booking;
    private final VisitRepository visits;
    private final PatientProjectionRepository patients;
    private final IdempotencyKeys idempotency;
    private final JsonMapper json;
    private final ZoneId zone;
    private final Clock clock;

    PlanningController(
            PlanningJobs jobs,
            VisitBooking booking,
            VisitRepository visits,
            PatientProjectionRepository patients,
            IdempotencyKeys idempotency,
            JsonMapper json,
            SchedulingSettings settings,
            Clock clock) {
        this.jobs = jobs;
        this.booking = booking;
        this.visits = visits;
        this.patients = patients;
        this.idempotency = idempotency;
        this.json = json;
        this.zone = settings.zone();
        this.clock = clock;
    }

    /** Plan-of-care disciplines a visit may have (and so a job's scope may name). */
    static final Set<String> DISCIPLINES = Set.of("SN", "PT", "OT", "ST", "MSW", "HHA", "RD");

    record JobRequest(
            @NotNull LocalDate from,
            @NotNull LocalDate to,
            @Min(1) @Max(300) Integer timeLimitSeconds,

            @Size(max = 500)
            Set<@NotNull @Pattern(regexp = VISIT_ID, message = "must be a visit id") String> pinnedVisitIds,

            StoredJob.Mode mode,
            Boolean moveBookedVisits,

            @Size(max = 200)
            Set<@NotNull @Pattern(regexp = VISIT_ID, message = "must be a patient id") String> patientIds,

            @Size(max = 7)
            Set<@NotNull @Pattern(regexp = "[A-Z]{2,3}", message = "must be a discipline code such as SN") String>
                    disciplines) {
        /** Visit and patient ids are UUIDs (random, or name-based for visits derived from a visit plan). */
        static final String VISIT_ID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    }

    /**
     * A job as every replica shows it: its scope, status, score over time and best plan's numbers.
     *
     * @param patientIds  the patients planned; empty: every patient
     * @param disciplines the disciplines planned; empty: every discipline
     */
    record JobView(
            String id,
            StoredJob.Status status,
            StoredJob.Mode mode,
            LocalDate from,
            LocalDate to,
            List<String> patientIds,
            List<String> disciplines,
            List<PlanningJob.Progress> progress,
            StoredJob.Best best,
            String failure) {

        static JobView of(StoredJob job) {
            return new JobView(
                    job.id(),
                    job.status(),
                    job.mode(),
                    job.from(),
                    job.to(),
                    job.patientIds(),
                    job.disciplines(),
                    job.progress(),
                    job.best(),
                    job.failure());
        }
    }

    /** Which of the plan's new or moved visits to book; absent or null: all of them. */
    record ApplyRequest(
            @Size(max = 2_000)
            Set<@NotNull @Pattern(regexp = JobRequest.VISIT_ID, message = "must be a visit id") String> visitIds) {}

    record Applied(String jobId, List<String> booked, List<Refused> refused) {}

    record Refused(String visitId, List<RuleViolation> violations, String detail) {}

    @PostMapping
    @Operation(
            summary = "Start planning a date range (at most 14 days), optionally for some patients and disciplines",
            description =
                    "Booked visits are pinned: they stay with their clinician at their time and the plan fits in "
                            + "the rest; OPTIMIZE with moveBookedVisits=true may move them (each move costs, so plans stay "
                            + "stable); REPAIR keeps every booking whose clinician still works that day, e.g. after a sick "
                            + "call. Checked-in and completed visits and pinnedVisitIds never move. patientIds and disciplines "
                            + "narrow the plan (empty: all); booked visits outside the scope are kept as they are and planned "
                            + "around. timeLimitSeconds is the time to the plan end to end (default 10, REPAIR 2). 202 with "
                            + "the job; 409 while another job of the agency plans an overlapping range (runningJobId says "
                            + "which), on any replica; 503 when busy. With Idempotency-Key, a retry of the same request answers "
                            + "the same job (202, same Location) and starts no second one; the same key with another body is 422")
    ResponseEntity<JobView> start(
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody JobRequest request) {
        long received = System.nanoTime(); // the time limit counts from here: the caller waits for the whole of it
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (request.to().isBefore(request.from())) {
            errors.add(new FieldError("to", "must not be before from"));
        } else if (request.from().plusDays(MAX_DAYS - 1).isBefore(request.to())) {
            errors.add(new FieldError("to", "a plan spans at most " + MAX_DAYS + " days"));
        }
        if (request.from().isBefore(today)) {
            errors.add(new FieldError("from", "must not be in the past"));
        }
        if (request.disciplines() != null) {
            request.disciplines().stream()
                    .filter(d -> !DISCIPLINES.contains(d))
                    .sorted()
                    .forEach(d -> errors.add(new FieldError(
                            "disciplines",
                            d + " is not a discipline; use one of "
                                    + DISCIPLINES.stream().sorted().toList())));
        }
        if (request.patientIds() != null && !request.patientIds().isEmpty()) {
            Set<String> known = new java.util.HashSet<>();
            patients.findAll(request.patientIds()).forEach(p -> known.add(p.patientId()));
            request.patientIds().stream()
                    .filter(id -> !known.contains(id))
                    .sorted()
                    .forEach(id -> errors.add(new FieldError("patientIds", "no patient " + id + " in this agency")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        StoredJob.Mode mode = request.mode() == null ? StoredJob.Mode.OPTIMIZE : request.mode();
        Duration limit = Duration.ofSeconds(
                request.timeLimitSeconds() != null
                        ? request.timeLimitSeconds()
                        : mode == StoredJob.Mode.REPAIR ? 2 : 10);
        StoredJob job;
        try {
            var planned = new PlanningJobs.Request(
                    mode,
                    request.from(),
                    request.to(),
                    request.patientIds(),
                    request.disciplines(),
                    limit,
                    request.pinnedVisitIds(),
                    Boolean.TRUE.equals(request.moveBookedVisits()),
                    received);
            job = idempotency
                    .createOnce(
                            key,
                            Caller.subject(),
                            json.writeValueAsString(request),
                            jobs::find,
                            id -> jobs.start(id, planned, Caller.subject()))
                    .resource();
        } catch (RejectedExecutionException busy) {
            throw new ApiException(ProblemType.BUSY, "The planner is busy with other jobs; try again in a minute");
        }
        return ResponseEntity.accepted()
                .location(URI.create("/api/scheduling/v1/planning-jobs/" + job.id()))
                .body(JobView.of(job));
    }

    /** 409 with the id of the job that holds the range, so a client can follow that one instead. */
    @ExceptionHandler(PlanningJobs.AlreadyRunning.class)
    ResponseEntity<ProblemDetail> alreadyRunning(PlanningJobs.AlreadyRunning e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.CONFLICT, e.getMessage(), request.getRequestURI());
        problem.setProperty("runningJobId", e.jobId);
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .location(URI.create("/api/scheduling/v1/planning-jobs/" + e.jobId))
                .body(problem);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A job's status and its score over time (poll this, or follow /events); any replica answers")
    JobView get(@PathVariable String id) {
        return JobView.of(job(id));
    }

    @GetMapping(value = "/{id}/events", produces = "text/event-stream")
    @Operation(
            summary = "Server-sent events: 'progress' at each better plan, then one 'status' when the job ends",
            description = "Replays the progress from the first better plan; on the replica that runs the job it is "
                    + "read as it comes, on another from the store (written every half second)")
    SseEmitter events(@PathVariable String id) {
        job(id);
        TenantId tenant = TenantContext.current();
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(6).toMillis());
        Thread.ofVirtual()
                .name("planning-events-" + id)
                .start(() -> TenantContext.runAs(tenant, () -> {
                    int sent = 0;
                    try {
                        long deadline =
                                System.nanoTime() + Duration.ofMinutes(6).toNanos();
                        while (System.nanoTime() < deadline) {
                            StoredJob now = jobs.find(id).orElseThrow(() -> new IllegalStateException("job gone"));
                            List<PlanningJob.Progress> progress = now.progress();
                            for (; sent < progress.size(); sent++) {
                                emitter.send(SseEmitter.event().name("progress").data(progress.get(sent)));
                            }
                            if (!now.status().running()) {
                                emitter.send(SseEmitter.event().name("status").data(JobView.of(now)));
                                break;
                            }
                            Thread.sleep(100);
                        }
                        emitter.complete();
                    } catch (IOException | InterruptedException | RuntimeException clientOrStoreGone) {
                        emitter.completeWithError(clientOrStoreGone);
                    }
                }));
        return emitter;
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "Stop searching; the best plan so far is kept (the replica running the job stops it)")
    ResponseEntity<JobView> stop(@PathVariable String id) {
        job(id);
        jobs.stop(id);
        return ResponseEntity.accepted().body(JobView.of(job(id)));
    }

    @GetMapping("/{id}/plan")
    @Operation(
            summary = "The best plan: each visit's clinician and time with what drove the choice, what the plan "
                    + "achieves against the current schedule, and what could not be planned and why",
            description = "409 while the job is still solving, or when it ended without a plan")
    PlanView plan(@PathVariable String id) {
        StoredJob job = job(id);
        if (job.plan() == null) {
            throw ApiException.conflict(
                    "The job has no plan (" + job.status().name().toLowerCase() + ")");
        }
        return job.plan();
    }

    @PostMapping("/{id}/application")
    @Operation(
            summary = "Apply the plan: book its new or moved visits (all, or the visitIds given) through the "
                    + "booking rules",
            description = "Once per plan, across replicas (a second application answers 409). Each visit is booked at "
                    + "its current version, in a few passes so that swaps succeed; what the rules refuse now is listed "
                    + "with its violations and left as it was. visitIds must be visits the plan books or moves")
    Applied apply(@PathVariable String id, @Valid @RequestBody(required = false) ApplyRequest request) {
        StoredJob stored = job(id);
        if (stored.plan() == null) {
            throw ApiException.conflict("Only a finished plan can be applied; this job is "
                    + stored.status().name().toLowerCase());
        }
        List<PlanView.Assignment> changes = stored.plan().changes();
        Set<String> chosen = request == null || request.visitIds() == null ? null : request.visitIds();
        if (chosen != null) {
            Set<String> changed = new java.util.HashSet<>();
            changes.forEach(a -> changed.add(a.visitId()));
            List<FieldError> errors = chosen.stream()
                    .filter(v -> !changed.contains(v))
                    .sorted()
                    .map(v -> new FieldError("visitIds", v + " is not a visit this plan books or moves"))
                    .toList();
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
        }
        StoredJob job = jobs.claimApplication(id);
        List<PlanView.Assignment> pending = new ArrayList<>(job.plan().changes().stream()
                .filter(a -> chosen == null || chosen.contains(a.visitId()))
                .toList());
        List<String> booked = new ArrayList<>();
        Map<String, Refused> refused = new LinkedHashMap<>();
        for (int pass = 0; pass < 3 && !pending.isEmpty(); pass++) {
            List<PlanView.Assignment> retry = new ArrayList<>();
            for (PlanView.Assignment a : pending) {
                try {
                    long version = visits.find(a.visitId())
                            .orElseThrow(() -> ApiException.notFound("Visit"))
                            .version();
                    booking.bookAsPlanned(
                            a.visitId(),
                            version,
                            new VisitBooking.Request(a.clinicianId(), a.start(), a.end(), null, null),
                            Caller.subject());
                    booked.add(a.visitId());
                    refused.remove(a.visitId());
                } catch (ApiException e) {
                    refused.put(a.visitId(), new Refused(a.visitId(), e.violations(), e.getMessage()));
                    retry.add(a);
                }
            }
            if (retry.size() == pending.size()) {
                break; // no progress: what is left is refused for good
            }
            pending = retry;
        }
        return new Applied(job.id(), booked, List.copyOf(refused.values()));
    }

    private StoredJob job(String id) {
        return jobs.find(id).orElseThrow(() -> ApiException.notFound("Planning job " + id));
    }
}
