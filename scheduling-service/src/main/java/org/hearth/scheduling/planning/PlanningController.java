package org.hearth.scheduling.planning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.problem.ProblemType;
import org.hearth.platform.problem.RuleViolation;
import org.hearth.platform.security.Caller;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.hearth.platform.web.IdempotencyKeys;
import org.hearth.scheduling.geo.TravelTimeEstimator;
import org.hearth.scheduling.visits.SchedulingSettings;
import org.hearth.scheduling.visits.VisitBooking;
import org.hearth.scheduling.visits.VisitRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

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
    private final TravelTimeEstimator travel;
    private final IdempotencyKeys idempotency;
    private final JsonMapper json;
    private final ZoneId zone;
    private final Clock clock;

    PlanningController(PlanningJobs jobs, VisitBooking booking, VisitRepository visits, TravelTimeEstimator travel,
            IdempotencyKeys idempotency, JsonMapper json, SchedulingSettings settings, Clock clock) {
        this.jobs = jobs;
        this.booking = booking;
        this.visits = visits;
        this.travel = travel;
        this.idempotency = idempotency;
        this.json = json;
        this.zone = settings.zone();
        this.clock = clock;
    }

    enum Mode { OPTIMIZE, REPAIR }

    record JobRequest(@NotNull LocalDate from, @NotNull LocalDate to, @Min(1) @Max(300) Integer timeLimitSeconds,
            @Size(max = 500) Set<@NotNull @Pattern(regexp = VISIT_ID, message = "must be a visit id") String> pinnedVisitIds,
            Mode mode, Boolean moveBookedVisits) {
        /** Visit ids are UUIDs (random, or name-based for visits derived from a visit plan). */
        static final String VISIT_ID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    }

    record JobView(String id, PlanningJob.Status status, LocalDate from, LocalDate to, List<PlanningJob.Progress> progress,
            Map<String, Object> best, String failure) {

        static JobView of(PlanningJob job) {
            return new JobView(job.id, job.status, job.from, job.to, List.copyOf(job.progress), PlanView.summary(job),
                    job.failure);
        }
    }

    record Applied(String jobId, List<String> booked, List<Refused> refused) {
    }

    record Refused(String visitId, List<RuleViolation> violations, String detail) {
    }

    @PostMapping
    @Operation(summary = "Start planning a date range (at most 14 days)",
            description = "Booked visits are pinned: they stay with their clinician at their time and the plan fits in "
                    + "the rest; OPTIMIZE with moveBookedVisits=true may move them (each move costs, so plans stay "
                    + "stable); REPAIR keeps every booking whose clinician still works that day, e.g. after a sick "
                    + "call. Checked-in and completed visits and pinnedVisitIds never move. 202 with the job; 503 when busy. "
                    + "With Idempotency-Key, a retry of the same request answers the same job (202, same Location) and "
                    + "starts no second one while the job is kept; the same key with another body is 422")
    ResponseEntity<JobView> start(@RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody JobRequest request) {
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
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Mode mode = request.mode() == null ? Mode.OPTIMIZE : request.mode();
        Duration limit = Duration.ofSeconds(request.timeLimitSeconds() != null ? request.timeLimitSeconds()
                : mode == Mode.REPAIR ? 2 : 10);
        PlanningJob job;
        try {
            // jobs live in memory: a retry after the job was forgotten (kept 2 h, or a restart) starts it again under
            // the claimed id, as does a retry after a 503
            var planned = new PlanningJobs.Request(request.from(), request.to(), limit,
                    request.pinnedVisitIds() == null ? Set.of() : request.pinnedVisitIds(), mode == Mode.REPAIR,
                    Boolean.TRUE.equals(request.moveBookedVisits()));
            job = idempotency.createOnce(key, Caller.subject(), json.writeValueAsString(request), jobs::find,
                    id -> jobs.start(id, planned, Caller.subject())).resource();
        } catch (RejectedExecutionException busy) {
            throw new ApiException(ProblemType.BUSY, "The planner is busy with other jobs; try again in a minute");
        }
        return ResponseEntity.accepted().location(URI.create("/api/scheduling/v1/planning-jobs/" + job.id))
                .body(JobView.of(job));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A job's status and its score over time (poll this, or follow /events)")
    JobView get(@PathVariable String id) {
        return JobView.of(job(id));
    }

    @GetMapping(value = "/{id}/events", produces = "text/event-stream")
    @Operation(summary = "Server-sent events: 'progress' at each better plan, then one 'status' when the job ends")
    SseEmitter events(@PathVariable String id) {
        PlanningJob job = job(id);
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(6).toMillis());
        Thread.ofVirtual().name("planning-events-" + id).start(() -> {
            int sent = 0;
            try {
                long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
                while (System.nanoTime() < deadline) {
                    List<PlanningJob.Progress> progress = List.copyOf(job.progress);
                    for (; sent < progress.size(); sent++) {
                        emitter.send(SseEmitter.event().name("progress").data(progress.get(sent)));
                    }
                    if (job.finished()) {
                        emitter.send(SseEmitter.event().name("status").data(JobView.of(job)));
                        break;
                    }
                    Thread.sleep(200);
                }
                emitter.complete();
            } catch (IOException | InterruptedException | IllegalStateException clientGone) {
                emitter.completeWithError(clientGone);
            }
        });
        return emitter;
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "Stop searching; the best plan so far is kept")
    ResponseEntity<JobView> stop(@PathVariable String id) {
        PlanningJob job = job(id);
        job.stopRequested.set(true);
        return ResponseEntity.accepted().body(JobView.of(job));
    }

    @GetMapping("/{id}/plan")
    @Operation(summary = "The best plan: each visit's clinician and time with what drove the choice, and what "
            + "could not be planned and why", description = "409 while the job is still solving")
    PlanView plan(@PathVariable String id) {
        PlanningJob job = job(id);
        if (job.plan == null) {
            throw ApiException.conflict("The job has no plan yet (" + job.status.name().toLowerCase() + ")");
        }
        return PlanView.of(job, travel);
    }

    @PostMapping("/{id}/application")
    @Operation(summary = "Apply the plan: book every new or moved visit through the booking rules",
            description = "Visits are booked in a few passes so that swaps succeed; what the rules refuse now is "
                    + "listed with its violations and left as it was")
    Applied apply(@PathVariable String id) {
        PlanningJob job = job(id);
        synchronized (job) {
            if (job.status != PlanningJob.Status.DONE && job.status != PlanningJob.Status.STOPPED) {
                throw ApiException.conflict("Only a finished plan can be applied; this job is "
                        + job.status.name().toLowerCase());
            }
            List<PlanView.Assignment> pending = new ArrayList<>(PlanView.of(job, travel).changes());
            List<String> booked = new ArrayList<>();
            Map<String, Refused> refused = new LinkedHashMap<>();
            for (int pass = 0; pass < 3 && !pending.isEmpty(); pass++) {
                List<PlanView.Assignment> retry = new ArrayList<>();
                for (PlanView.Assignment a : pending) {
                    try {
                        long version = visits.find(a.visitId()).orElseThrow(() -> ApiException.notFound("Visit")).version();
                        booking.bookAsPlanned(a.visitId(), version, new VisitBooking.Request(a.clinicianId(), a.start(),
                                a.end(), null, null), Caller.subject());
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
            job.status = PlanningJob.Status.APPLIED;
            return new Applied(job.id, booked, List.copyOf(refused.values()));
        }
    }

    private PlanningJob job(String id) {
        return jobs.find(id).orElseThrow(() -> ApiException.notFound("Planning job " + id));
    }
}
