package org.hearth.scheduling.planning;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.hearth.planner.Plan;
import org.hearth.planner.Planner;
import org.hearth.planner.Routes;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.hearth.scheduling.SchedulingSettings;
import org.hearth.scheduling.clinicians.Clinician;
import org.hearth.scheduling.clinicians.ClinicianRepository;
import org.hearth.scheduling.geo.TravelTimeEstimator;
import org.hearth.scheduling.patients.PatientProjection;
import org.hearth.scheduling.patients.PatientProjectionRepository;
import org.hearth.scheduling.visits.Visit;
import org.hearth.scheduling.visits.VisitRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Runs planning jobs on a small pool (default one at a time: the solver uses a whole core; repairs on a thread of their
 * own, so a sick call never waits behind a long search) and keeps them in MongoDB
 * ({@link StoredJob}) so that every replica can answer for a job and a restart loses none. A job reads the agency's
 * data when it starts, in the agency's tenant context; applying a plan goes through booking again, so a plan that went
 * stale is refused visit by visit, never applied blindly.
 *
 * <p>At most one job per agency and overlapping range runs across replicas ({@link PlanningLeases}). While a job runs,
 * this instance writes its progress and a heartbeat every {@code tick}, renews its claim and reads whether another
 * replica asked it to stop. A job whose heartbeat is older than {@code lease} (its instance died) is marked
 * INTERRUPTED when next read; an instance that shuts down marks its running jobs INTERRUPTED at once.
 */
@Component
class PlanningJobs {

    private static final Logger log = LoggerFactory.getLogger(PlanningJobs.class);
    static final int MAX_CLINICIANS = 500;
    static final int MAX_VISITS = 2_000;
    private static final int PROGRESS_KEPT = 1_000;
    private static final Duration LEAST_SEARCH = Duration.ofMillis(50);
    /** Why an unbooked telehealth visit is left out of every plan. */
    static final String NEEDS_ITS_LINK =
            "a telehealth visit is booked with its video link, which a plan does not have: book it on the board";

    /** This instance, as the owner of the jobs it runs. */
    final String instance = UUID.randomUUID().toString();

    private final Map<String, PlanningJob> running = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    /** Repairs have their own thread: a sick call's 2 s must not wait behind another job's 10 s search. */
    private final ExecutorService repairs;

    private final ScheduledExecutorService ticker;
    private final TenantScopedMongo mongo;
    private final PlanningLeases leases;
    private final ClinicianRepository clinicians;
    private final VisitRepository visits;
    private final PatientProjectionRepository patients;
    private final TravelTimeEstimator travel;
    private final org.hearth.scheduling.authorizations.Authorizations authorizations;
    private final ZoneId zone;
    private final Clock clock;
    private final Duration lease;
    private final Duration reserve;
    private final SchedulingSettings.Planning rules;
    private volatile boolean halted;
    private final PlanningMetrics metrics;

    PlanningJobs(
            TenantScopedMongo mongo,
            PlanningLeases leases,
            ClinicianRepository clinicians,
            VisitRepository visits,
            PatientProjectionRepository patients,
            TravelTimeEstimator travel,
            org.hearth.scheduling.authorizations.Authorizations authorizations,
            SchedulingSettings settings,
            Clock clock,
            PlanningJobSettings jobs,
            PlanningMetrics metrics) {
        this.metrics = metrics;
        this.mongo = mongo;
        this.leases = leases;
        this.clinicians = clinicians;
        this.visits = visits;
        this.patients = patients;
        this.travel = travel;
        this.authorizations = authorizations;
        this.zone = settings.zone();
        this.rules = settings.planning();
        this.clock = clock;
        this.lease = jobs.lease();
        this.reserve = jobs.reserve();
        int concurrent = jobs.concurrentJobs();
        Duration tick = jobs.tick();
        this.pool = new ThreadPoolExecutor(
                concurrent,
                concurrent,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10),
                Thread.ofPlatform().name("planner-", 0).daemon().factory());
        this.repairs = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10),
                Thread.ofPlatform().name("planner-repair-", 0).daemon().factory());
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("planner-tick").daemon().factory());
        ticker.scheduleWithFixedDelay(this::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        mongo.ensureIndex(StoredJob.class, "createdAt");
    }

    /**
     * What to plan: the mode, the dates, which patients and disciplines (empty: all), the time the answer may take end
     * to end, and visits that must not move. Booked visits are pinned (a booking is a commitment to the patient,
     * whether a coordinator made it by hand or applied it from a plan) unless {@code moveBooked} says the job may move
     * them; then each move costs, and a repair never moves them.
     */
    record Request(
            StoredJob.Mode mode,
            LocalDate from,
            LocalDate to,
            Set<String> patientIds,
            Set<String> disciplines,
            Duration timeLimit,
            Set<String> pinnedVisitIds,
            boolean moveBooked,
            long receivedNanos) {

        Request(
                StoredJob.Mode mode,
                LocalDate from,
                LocalDate to,
                Set<String> patientIds,
                Set<String> disciplines,
                Duration timeLimit,
                Set<String> pinnedVisitIds,
                boolean moveBooked) {
            this(mode, from, to, patientIds, disciplines, timeLimit, pinnedVisitIds, moveBooked, System.nanoTime());
        }

        Request {
            patientIds = patientIds == null ? Set.of() : Set.copyOf(patientIds);
            disciplines = disciplines == null ? Set.of() : Set.copyOf(disciplines);
            pinnedVisitIds = pinnedVisitIds == null ? Set.of() : Set.copyOf(pinnedVisitIds);
        }

        boolean repair() {
            return mode == StoredJob.Mode.REPAIR;
        }

        boolean inScope(Visit v) {
            return (patientIds.isEmpty() || patientIds.contains(v.patientId()))
                    && (disciplines.isEmpty() || disciplines.contains(v.discipline()));
        }
    }

    /** Another job of the agency plans an overlapping range (on this replica or another). */
    static final class AlreadyRunning extends RuntimeException {
        final String jobId;

        AlreadyRunning(PlanningLeases.Claim other) {
            super("Planning job " + other.jobId() + " is already planning " + other.from() + " to " + other.to()
                    + "; follow it, or start this one when it has ended");
            this.jobId = other.jobId();
        }
    }

    /**
     * Starts a job under a given id (an Idempotency-Key's claimed id), or answers the agency's job stored under it, so
     * two identical requests start one job. Throws {@link AlreadyRunning} when another job holds an overlapping range.
     */
    StoredJob start(String id, Request request, String by) {
        long accepted = request.receivedNanos();
        Optional<StoredJob> earlier = find(id);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String tenant = TenantContext.current().value();
        leases.claim(id, request.from(), request.to(), instance, lease).ifPresent(other -> {
            throw new AlreadyRunning(other);
        });
        Instant now = clock.instant();
        StoredJob stored = new StoredJob(
                id,
                tenant,
                by,
                request.mode(),
                request.from(),
                request.to(),
                request.patientIds().stream().sorted().toList(),
                request.disciplines().stream().sorted().toList(),
                StoredJob.Status.QUEUED,
                now,
                null,
                instance,
                now,
                false,
                List.of(),
                null,
                null,
                null,
                0);
        try {
            mongo.insert(stored);
        } catch (DuplicateKeyException sameIdAtOnce) {
            leases.release(id);
            return find(id).orElseThrow(() -> sameIdAtOnce);
        }
        PlanningJob job = new PlanningJob(id, tenant, by, request.from(), request.to(), now);
        running.put(id, job);
        try {
            (request.repair() ? repairs : pool)
                    .execute(() -> TenantContext.runAs(TenantId.of(tenant), () -> run(job, request, accepted)));
        } catch (RejectedExecutionException busy) {
            running.remove(id);
            leases.release(id);
            mongo.deleteWhere(Query.query(Criteria.where("_id").is(id)), StoredJob.class);
            throw busy;
        }
        return stored;
    }

    /** How many of the agency's jobs are stored. */
    long count() {
        return mongo.count(new Query(), StoredJob.class);
    }

    /**
     * The agency's job as stored, with the latest progress when it runs here; another agency's id is as unknown as a
     * made-up one. A running job whose instance stopped writing its heartbeat is marked interrupted first.
     */
    Optional<StoredJob> find(String id) {
        Optional<StoredJob> stored = mongo.findById(id, StoredJob.class);
        if (stored.isEmpty()) {
            return stored;
        }
        StoredJob job = stored.get();
        PlanningJob local = running.get(id);
        if (local != null && job.status().running()) {
            return Optional.of(withProgress(job, List.copyOf(local.progress)));
        }
        if (job.status().running() && job.heartbeatAt().plus(lease).isBefore(clock.instant())) {
            return Optional.of(interrupt(job, "the service instance that ran it stopped; run it again"));
        }
        return stored;
    }

    /** Asks the job to stop; the instance running it (this one or another) stops and keeps the best plan so far. */
    void stop(String id) {
        PlanningJob local = running.get(id);
        if (local != null) {
            local.stopRequested.set(true);
        }
        mongo.updateIfPresent(id, new Update().set("stopRequested", true), StoredJob.class);
    }

    /**
     * Claims a finished job's plan for applying, once across replicas: DONE or STOPPED becomes APPLIED with a
     * compare-and-set on the version, so two applications of one plan cannot both book.
     */
    StoredJob claimApplication(String id) {
        StoredJob job = find(id).orElseThrow(() -> ApiException.notFound("Planning job " + id));
        if (job.status() != StoredJob.Status.DONE && job.status() != StoredJob.Status.STOPPED) {
            throw ApiException.conflict("Only a finished plan can be applied; this job is "
                    + job.status().name().toLowerCase());
        }
        if (!mongo.updateIfVersion(
                id,
                job.version(),
                "version",
                new Update().set("status", StoredJob.Status.APPLIED).inc("version", 1),
                StoredJob.class)) {
            throw ApiException.conflict("This plan is being applied by another request");
        }
        return job;
    }

    private void run(PlanningJob job, Request request, long accepted) {
        if (halted) {
            return;
        }
        mongo.updateIfPresent(job.id, new Update().set("status", StoredJob.Status.SOLVING), StoredJob.class);
        try {
            PlanningModel model = model(request, job);
            job.model = model;
            Routes initial = new Routes(model.problem.workers(), model.problem.tasks());
            for (int t = 0; t < model.initialWorker.length; t++) {
                if (model.initialWorker[t] >= 0) {
                    initial.append(model.initialWorker[t], t);
                }
            }
            sortByStart(initial, model);
            // the limit is the caller's, end to end: reading the agency's data took part of it, and writing the plan
            // and the caller reading it take about the reserve
            Duration spent = Duration.ofNanos(System.nanoTime() - accepted);
            Duration search = request.timeLimit().minus(spent).minus(reserve);
            Plan plan = Planner.solve(
                    model.problem,
                    Planner.Options.timeLimit(search.compareTo(LEAST_SEARCH) < 0 ? LEAST_SEARCH : search)
                            .withInitial(initial)
                            .onImprovement(p -> job.progress.add(new PlanningJob.Progress(
                                    p.atMillis(), p.hardViolations(), Math.round(p.objective() * 100) / 100.0))),
                    job.stopRequested::get);
            job.plan = plan;
            PlanView view = PlanView.of(job, travel);
            end(
                    job,
                    job.stopRequested.get() ? StoredJob.Status.STOPPED : StoredJob.Status.DONE,
                    view,
                    view.best(plan),
                    null);
            log.info(
                    "Planning job {}: {} visits ({} as context), {} clinician-days, {} iterations, {} ms searched of "
                            + "{} ms, hard {}, objective {}",
                    job.id,
                    model.tasks.size(),
                    job.context.size(),
                    model.workers.size(),
                    plan.iterations(),
                    plan.elapsedMillis(),
                    request.timeLimit().toMillis(),
                    plan.hardViolations(),
                    Math.round(plan.objective()));
        } catch (RuntimeException e) {
            end(
                    job,
                    StoredJob.Status.FAILED,
                    null,
                    null,
                    "the planner failed; see the service log with job id " + job.id);
            log.error("Planning job {} failed", job.id, e);
        }
    }

    private void end(PlanningJob job, StoredJob.Status status, PlanView view, StoredJob.Best best, String failure) {
        try {
            synchronized (job) {
                if (halted || job.ended) {
                    return;
                }
                job.ended = true;
                mongo.updateIfPresent(
                        job.id,
                        new Update()
                                .set("status", status)
                                .set("endedAt", clock.instant())
                                .set("progress", kept(job.progress))
                                .set("plan", view)
                                .set("best", best)
                                .set("failure", failure)
                                .inc("version", 1),
                        StoredJob.class);
                metrics.ended(
                        job.tenantId, status.name().toLowerCase(), Duration.between(job.createdAt, clock.instant()));
            }
        } finally {
            running.remove(job.id);
            if (!halted) {
                leases.release(job.id);
            }
        }
    }

    /** Every tick: each running job's progress and heartbeat written, its claim renewed, a stop from elsewhere read. */
    private void tick() {
        if (halted) {
            return;
        }
        for (PlanningJob job : running.values()) {
            try {
                TenantContext.runAs(TenantId.of(job.tenantId), () -> {
                    synchronized (job) {
                        if (job.ended || halted) {
                            return;
                        }
                        mongo.updateIfPresent(
                                job.id,
                                new Update().set("heartbeatAt", clock.instant()).set("progress", kept(job.progress)),
                                StoredJob.class);
                    }
                    mongo.findById(job.id, StoredJob.class)
                            .filter(StoredJob::stopRequested)
                            .ifPresent(stored -> job.stopRequested.set(true));
                    if (!leases.renew(job.id, lease)) {
                        log.warn(
                                "Planning job {} lost its claim on its range; it finishes but may overlap another",
                                job.id);
                    }
                });
            } catch (RuntimeException storeTrouble) {
                log.warn("Planning job {}: progress not stored this time ({})", job.id, storeTrouble.toString());
            }
        }
    }

    /** Marks a running job interrupted once (a compare-and-set, so replicas that notice together write once). */
    private StoredJob interrupt(StoredJob job, String why) {
        mongo.updateIfVersion(
                job.id(),
                job.version(),
                "version",
                new Update()
                        .set("status", StoredJob.Status.INTERRUPTED)
                        .set("endedAt", clock.instant())
                        .set("failure", why)
                        .inc("version", 1),
                StoredJob.class);
        leases.release(job.id());
        return mongo.findById(job.id(), StoredJob.class).orElse(job);
    }

    /** On shutdown, this instance's running jobs are marked interrupted at once rather than when their lease expires. */
    @PreDestroy
    void close() {
        for (PlanningJob job : List.copyOf(running.values())) {
            job.stopRequested.set(true);
            try {
                TenantContext.runAs(TenantId.of(job.tenantId), () -> {
                    synchronized (job) {
                        if (!job.ended) {
                            job.ended = true;
                            mongo.findById(job.id, StoredJob.class)
                                    .ifPresent(stored -> interrupt(
                                            stored, "the service instance that ran it shut down; run it again"));
                        }
                    }
                });
            } catch (RuntimeException storeGone) {
                log.warn("Planning job {} not marked interrupted at shutdown ({})", job.id, storeGone.toString());
            }
        }
        halted = true;
        ticker.shutdownNow();
        pool.shutdownNow();
        repairs.shutdownNow();
    }

    /** For tests: this instance dies on the spot, writing nothing more (no heartbeat, no result, no release). */
    void halt() {
        halted = true;
        running.values().forEach(job -> job.stopRequested.set(true));
        ticker.shutdownNow();
    }

    private static StoredJob withProgress(StoredJob job, List<PlanningJob.Progress> progress) {
        return new StoredJob(
                job.id(),
                job.tenantId(),
                job.requestedBy(),
                job.mode(),
                job.from(),
                job.to(),
                job.patientIds(),
                job.disciplines(),
                job.status(),
                job.createdAt(),
                job.endedAt(),
                job.owner(),
                job.heartbeatAt(),
                job.stopRequested(),
                kept(progress),
                job.best(),
                job.plan(),
                job.failure(),
                job.version());
    }

    /** The first better plans are kept (a client counts them) and the latest, the best so far. */
    private static List<PlanningJob.Progress> kept(List<PlanningJob.Progress> progress) {
        List<PlanningJob.Progress> all = List.copyOf(progress);
        if (all.size() <= PROGRESS_KEPT) {
            return all;
        }
        List<PlanningJob.Progress> first = new ArrayList<>(all.subList(0, PROGRESS_KEPT - 1));
        first.add(all.get(all.size() - 1)); // and the best so far
        return first;
    }

    /**
     * The planner's problem for the job's scope. Visits in scope are planned; booked visits outside it (another patient
     * of the same clinicians, another discipline in the same home) come in pinned, as context, so that the plan fits
     * around the clinicians' other commitments and the homes' other visits instead of colliding with them.
     */
    private PlanningModel model(Request request, PlanningJob job) {
        List<Clinician> roster = clinicians.active(MAX_CLINICIANS);
        Criteria inRange = Criteria.where("visit.earliest")
                .lte(request.to())
                .and("visit.latest")
                .gte(request.from())
                .and("visit.status")
                .in(Visit.Status.UNSCHEDULED, Visit.Status.SCHEDULED, Visit.Status.CHECKED_IN, Visit.Status.COMPLETED);
        List<Visit> candidates =
                visits.list(inRange, PageRequest.of(0, MAX_VISITS)).getContent();
        Map<String, Clinician> rosterById = new HashMap<>();
        roster.forEach(c -> rosterById.put(c.id(), c));
        List<PlanningModel.Task> tasks = new ArrayList<>();
        Set<String> context = new HashSet<>();
        Map<String, String> withoutLink = new HashMap<>();
        for (Visit v : candidates) {
            if (v.booking() != null) {
                LocalDate day = LocalDate.ofInstant(v.booking().start(), zone);
                if (day.isBefore(request.from()) || day.isAfter(request.to())) {
                    continue; // booked outside the range: not this plan's business
                }
            }
            if (!request.inScope(v)) {
                if (v.booking() != null && stillPossible(v, rosterById)) {
                    context.add(v.id());
                    tasks.add(new PlanningModel.Task(
                            v, (int) v.booking().duration().toMinutes(), true));
                }
                continue;
            }
            if (v.booking() == null && v.type() == Visit.VisitType.TELEHEALTH) {
                // its booking needs the video link, which a plan has not got: applied, it would only be refused
                withoutLink.put(v.id(), NEEDS_ITS_LINK);
                continue;
            }
            boolean fixed = v.status() == Visit.Status.CHECKED_IN
                    || v.status() == Visit.Status.COMPLETED
                    || request.pinnedVisitIds().contains(v.id())
                    || ((request.repair() || !request.moveBooked())
                            && v.booking() != null
                            && stillPossible(v, rosterById));
            int minutes =
                    v.booking() != null ? (int) v.booking().duration().toMinutes() : defaultMinutes(v.discipline());
            tasks.add(new PlanningModel.Task(v, minutes, fixed && v.booking() != null));
        }
        Set<String> patientIds = new HashSet<>();
        tasks.forEach(t -> patientIds.add(t.visit().patientId()));
        Map<String, PatientProjection> byId = new HashMap<>();
        patients.findAll(patientIds).forEach(p -> byId.put(p.patientId(), p));
        Map<String, String> unauthorized = unauthorized(
                tasks.stream().filter(t -> !context.contains(t.visit().id())).toList());
        List<PlanningModel.Task> plannable = tasks.stream()
                .filter(t -> !unauthorized.containsKey(t.visit().id()))
                .toList();
        Set<String> scopedPatients = new HashSet<>();
        plannable.stream()
                .filter(t -> !context.contains(t.visit().id()))
                .forEach(t -> scopedPatients.add(t.visit().patientId()));
        job.context = Set.copyOf(context);
        PlanningModel model = new PlanningModel(
                request.from(),
                request.to(),
                zone,
                clock.instant(),
                roster,
                plannable,
                byId,
                seenBy(scopedPatients),
                travel,
                2,
                rules);
        model.excluded.putAll(unauthorized);
        model.excluded.putAll(withoutLink);
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
        List<PlanningModel.Task> open = tasks.stream()
                .filter(t -> t.visit().booking() == null)
                .sorted(java.util.Comparator.comparing(
                        (PlanningModel.Task t) -> t.visit().earliest()))
                .toList();
        for (PlanningModel.Task task : open) {
            Visit v = task.visit();
            var grants = authorizations.of(v.patientId(), v.discipline());
            if (grants.isEmpty()) {
                continue; // the payer requires none
            }
            var approved = grants.stream()
                    .filter(g -> g.approved()
                            && g.to() != null
                            && !g.to().isBefore(v.earliest())
                            && !g.from().isAfter(v.latest()))
                    .toList();
            if (approved.isEmpty()) {
                refused.put(
                        v.id(),
                        "the payer requires prior authorization for " + v.discipline()
                                + " and none is approved for these dates");
                continue;
            }
            boolean placed = false;
            for (var grant : approved) {
                int remaining = left.computeIfAbsent(
                        grant.authorizationId(),
                        id -> grant.approvedUnits()
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
        return c != null
                && PlanningModel.worksOn(c, LocalDate.ofInstant(v.booking().start(), zone));
    }

    /** Which clinicians completed visits with each patient: continuity of care. */
    private Map<String, Set<String>> seenBy(Collection<String> patientIds) {
        Map<String, Set<String>> seen = new HashMap<>();
        for (String patientId : patientIds) {
            for (Visit v : visits.ofPatient(patientId)) {
                if (v.status() == Visit.Status.COMPLETED && v.booking() != null) {
                    seen.computeIfAbsent(patientId, k -> new HashSet<>())
                            .add(v.booking().clinicianId());
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
            java.util.Arrays.sort(
                    boxed,
                    java.util.Comparator.comparing(
                            t -> model.tasks.get(t).visit().booking().start()));
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
}
