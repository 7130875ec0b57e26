package org.hearth.scheduling.planning;

import org.hearth.planner.Plan;
import org.hearth.planner.Planner;
import org.hearth.planner.Routes;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.hearth.scheduling.clinicians.Clinician;
import org.hearth.scheduling.clinicians.ClinicianRepository;
import org.hearth.scheduling.geo.TravelTimeEstimator;
import org.hearth.scheduling.patients.PatientProjection;
import org.hearth.scheduling.patients.PatientProjectionRepository;
import org.hearth.scheduling.visits.SchedulingSettings;
import org.hearth.scheduling.visits.Visit;
import org.hearth.scheduling.visits.VisitRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Runs planning jobs on a small pool (default one at a time: the solver uses a whole core) and keeps them in memory
 * for {@code hearth.scheduling.planning.keep} after they end. A job reads the agency's data when it starts, in the
 * agency's tenant context; applying a plan goes through booking again, so a plan that went stale is refused visit
 * by visit, never applied blindly. Jobs do not survive a restart: re-run them.
 */
@Component
class PlanningJobs {

    private static final Logger log = LoggerFactory.getLogger(PlanningJobs.class);
    static final int MAX_CLINICIANS = 500;
    static final int MAX_VISITS = 2_000;

    private final Map<String, PlanningJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final ClinicianRepository clinicians;
    private final VisitRepository visits;
    private final PatientProjectionRepository patients;
    private final TravelTimeEstimator travel;
    private final org.hearth.scheduling.authorizations.Authorizations authorizations;
    private final ZoneId zone;
    private final Clock clock;
    private final Duration keep;
    private final SchedulingSettings.Planning rules;

    PlanningJobs(ClinicianRepository clinicians, VisitRepository visits, PatientProjectionRepository patients,
            TravelTimeEstimator travel, org.hearth.scheduling.authorizations.Authorizations authorizations,
            SchedulingSettings settings, Clock clock,
            @Value("${hearth.scheduling.planning.concurrent-jobs:1}") int concurrent,
            @Value("${hearth.scheduling.planning.keep:PT2H}") Duration keep) {
        this.clinicians = clinicians;
        this.visits = visits;
        this.patients = patients;
        this.travel = travel;
        this.authorizations = authorizations;
        this.zone = settings.zone();
        this.rules = settings.planning();
        this.clock = clock;
        this.keep = keep;
        this.pool = new ThreadPoolExecutor(concurrent, concurrent, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10),
                Thread.ofPlatform().name("planner-", 0).daemon().factory());
    }

    /**
     * What to plan: the dates, the search time, and visits that must not move. Booked visits are pinned (a booking
     * is a commitment to the patient, whether a coordinator made it by hand or applied it from a plan) unless
     * {@code moveBooked} says the job may move them; then each move costs, and a repair never moves them.
     */
    record Request(LocalDate from, LocalDate to, Duration timeLimit, Set<String> pinnedVisitIds, boolean repair,
            boolean moveBooked) {

        Request(LocalDate from, LocalDate to, Duration timeLimit, Set<String> pinnedVisitIds, boolean repair) {
            this(from, to, timeLimit, pinnedVisitIds, repair, false);
        }
    }

    PlanningJob start(Request request, String by) {
        return start(UUID.randomUUID().toString(), request, by);
    }

    /**
     * Starts a job under a given id (an Idempotency-Key's claimed id), or answers the agency's job already running
     * under it, so two identical requests at once start one job.
     */
    PlanningJob start(String id, Request request, String by) {
        forgetOld();
        String tenant = TenantContext.current().value();
        PlanningJob job = new PlanningJob(id, tenant, by, request.from(), request.to(), clock.instant());
        PlanningJob earlier = jobs.putIfAbsent(job.id, job);
        if (earlier != null) {
            return find(id).orElseThrow(() -> new IllegalStateException("job id taken in another agency"));
        }
        try {
            pool.execute(() -> TenantContext.runAs(TenantId.of(tenant), () -> run(job, request)));
        } catch (RejectedExecutionException busy) {
            jobs.remove(job.id);
            throw busy;
        }
        return job;
    }

    /** How many of the agency's jobs are kept (running or ended within {@code keep}). */
    long count() {
        String tenant = TenantContext.current().value();
        return jobs.values().stream().filter(job -> job.tenantId.equals(tenant)).count();
    }

    /** The agency's job; another agency's id is as unknown as a made-up one. */
    Optional<PlanningJob> find(String id) {
        PlanningJob job = jobs.get(id);
        return job != null && job.tenantId.equals(TenantContext.current().value()) ? Optional.of(job) : Optional.empty();
    }

    private void run(PlanningJob job, Request request) {
        job.status = PlanningJob.Status.SOLVING;
        try {
            PlanningModel model = model(request);
            job.model = model;
            Routes initial = new Routes(model.problem.workers(), model.problem.tasks());
            for (int t = 0; t < model.initialWorker.length; t++) {
                if (model.initialWorker[t] >= 0) {
                    initial.append(model.initialWorker[t], t);
                }
            }
            sortByStart(initial, model);
            Plan plan = Planner.solve(model.problem, Planner.Options.timeLimit(request.timeLimit()).withInitial(initial)
                    .onImprovement(p -> job.progress.add(new PlanningJob.Progress(p.atMillis(), p.hardViolations(),
                            Math.round(p.objective() * 100) / 100.0))), job.stopRequested::get);
            job.plan = plan;
            job.status = job.stopRequested.get() ? PlanningJob.Status.STOPPED : PlanningJob.Status.DONE;
            log.info("Planning job {}: {} visits, {} clinician-days, {} iterations in {} ms, hard {}, objective {}",
                    job.id, model.tasks.size(), model.workers.size(), plan.iterations(), plan.elapsedMillis(),
                    plan.hardViolations(), Math.round(plan.objective()));
        } catch (RuntimeException e) {
            job.failure = "the planner failed; see the service log with job id " + job.id;
            job.status = PlanningJob.Status.FAILED;
            log.error("Planning job {} failed", job.id, e);
        }
    }

    private PlanningModel model(Request request) {
        List<Clinician> roster = clinicians.active(MAX_CLINICIANS);
        Criteria inRange = Criteria.where("visit.earliest").lte(request.to()).and("visit.latest").gte(request.from())
                .and("visit.status").in(Visit.Status.UNSCHEDULED, Visit.Status.SCHEDULED, Visit.Status.CHECKED_IN,
                        Visit.Status.COMPLETED);
        List<Visit> candidates = visits.list(inRange, PageRequest.of(0, MAX_VISITS)).getContent();
        Map<String, Clinician> rosterById = new HashMap<>();
        roster.forEach(c -> rosterById.put(c.id(), c));
        List<PlanningModel.Task> tasks = new ArrayList<>();
        for (Visit v : candidates) {
            if (v.booking() != null) {
                LocalDate day = LocalDate.ofInstant(v.booking().start(), zone);
                if (day.isBefore(request.from()) || day.isAfter(request.to())) {
                    continue; // booked outside the range: not this plan's business
                }
            }
            boolean fixed = v.status() == Visit.Status.CHECKED_IN || v.status() == Visit.Status.COMPLETED
                    || request.pinnedVisitIds().contains(v.id())
                    || ((request.repair() || !request.moveBooked()) && v.booking() != null && stillPossible(v, rosterById));
            int minutes = v.booking() != null ? (int) v.booking().duration().toMinutes() : defaultMinutes(v.discipline());
            tasks.add(new PlanningModel.Task(v, minutes, fixed && v.booking() != null));
        }
        Set<String> patientIds = new HashSet<>();
        tasks.forEach(t -> patientIds.add(t.visit().patientId()));
        Map<String, PatientProjection> byId = new HashMap<>();
        patients.findAll(patientIds).forEach(p -> byId.put(p.patientId(), p));
        Map<String, String> unauthorized = unauthorized(tasks);
        List<PlanningModel.Task> plannable = tasks.stream().filter(t -> !unauthorized.containsKey(t.visit().id())).toList();
        PlanningModel model = new PlanningModel(request.from(), request.to(), zone, clock.instant(), roster, plannable,
                byId, seenBy(patientIds), travel, 2, rules);
        model.excluded.putAll(unauthorized);
        return model;
    }

    /**
     * Visits the payer would not pay for: a required authorization missing, or more visits than approved units left.
     * Units go to visits in date order; booked visits keep the units they hold. These visits are left out of the
     * plan, each with its reason.
     */
    private Map<String, String> unauthorized(List<PlanningModel.Task> tasks) {
        Map<String, String> refused = new HashMap<>();
        Map<String, Integer> left = new HashMap<>();
        List<PlanningModel.Task> open = tasks.stream().filter(t -> t.visit().booking() == null)
                .sorted(java.util.Comparator.comparing((PlanningModel.Task t) -> t.visit().earliest())).toList();
        for (PlanningModel.Task task : open) {
            Visit v = task.visit();
            var grants = authorizations.of(v.patientId(), v.discipline());
            if (grants.isEmpty()) {
                continue; // the payer requires none
            }
            var approved = grants.stream().filter(g -> g.approved() && g.to() != null && !g.to().isBefore(v.earliest())
                    && !g.from().isAfter(v.latest())).toList();
            if (approved.isEmpty()) {
                refused.put(v.id(), "the payer requires prior authorization for " + v.discipline()
                        + " and none is approved for these dates");
                continue;
            }
            boolean placed = false;
            for (var grant : approved) {
                int remaining = left.computeIfAbsent(grant.authorizationId(), id -> grant.approvedUnits()
                        - visits.unitsUsed(List.of(id), "").getOrDefault(id, 0));
                int units = grant.unitRule().unitsFor(Duration.ofMinutes(task.minutes()));
                if (remaining >= units) {
                    left.put(grant.authorizationId(), remaining - units);
                    placed = true;
                    break;
                }
            }
            if (!placed) {
                refused.put(v.id(), "the approved authorization has no units left for this visit");
            }
        }
        return refused;
    }

    /** A repair keeps a booking only if its clinician still works that day (not sick, not on leave, still active). */
    private boolean stillPossible(Visit v, Map<String, Clinician> roster) {
        Clinician c = roster.get(v.booking().clinicianId());
        return c != null && PlanningModel.worksOn(c, LocalDate.ofInstant(v.booking().start(), zone));
    }

    /** Which clinicians completed visits with each patient: continuity of care. */
    private Map<String, Set<String>> seenBy(Collection<String> patientIds) {
        Map<String, Set<String>> seen = new HashMap<>();
        for (String patientId : patientIds) {
            for (Visit v : visits.ofPatient(patientId)) {
                if (v.status() == Visit.Status.COMPLETED && v.booking() != null) {
                    seen.computeIfAbsent(patientId, k -> new HashSet<>()).add(v.booking().clinicianId());
                }
            }
        }
        return seen;
    }

    /** The planner starts from today's bookings in their booked order. */
    private static void sortByStart(Routes routes, PlanningModel model) {
        for (int w = 0; w < model.problem.workers(); w++) {
            int[] route = routes.route(w);
            Integer[] boxed = java.util.Arrays.stream(route).boxed().toArray(Integer[]::new);
            java.util.Arrays.sort(boxed, java.util.Comparator.comparing(t -> model.tasks.get(t).visit().booking().start()));
            for (int t : route) {
                routes.remove(t);
            }
            for (Integer t : boxed) {
                routes.append(w, t);
            }
        }
    }

    /** Typical visit lengths by discipline when a visit has no booking yet. */
    static int defaultMinutes(String discipline) {
        return switch (discipline) {
            case "HHA" -> 90;
            case "ST", "RD" -> 45;
            default -> 60;
        };
    }

    private void forgetOld() {
        jobs.values().removeIf(j -> j.finished() && j.createdAt.plus(keep).isBefore(clock.instant()));
    }
}
