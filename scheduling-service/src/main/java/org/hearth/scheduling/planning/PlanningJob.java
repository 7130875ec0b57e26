package org.hearth.scheduling.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hearth.planner.Plan;

/**
 * A planning job while it runs on this instance: its score over time, the model and the best plan. What every
 * replica sees is the {@link StoredJob}, which the running instance writes a few times a second.
 */
final class PlanningJob {

    /** A point on the way: when, hard violations, objective (lower is better). */
    record Progress(long atMillis, double hardViolations, double objective) {}

    final String id;
    final String tenantId;
    final String requestedBy;
    final LocalDate from;
    final LocalDate to;
    final Instant createdAt;
    final AtomicBoolean stopRequested = new AtomicBoolean();
    final List<Progress> progress = new CopyOnWriteArrayList<>();
    volatile PlanningModel model;
    volatile Plan plan;
    /**
     * Visits in the model only as context: booked visits outside the job's scope, pinned so that the plan respects the
     * clinicians' time and the homes they take, and left out of the plan shown.
     */
    volatile Set<String> context = Set.of();
    /** Set once the job's final state is written; nothing is written for it after that. */
    volatile boolean ended;

    PlanningJob(String id, String tenantId, String requestedBy, LocalDate from, LocalDate to, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.requestedBy = requestedBy;
        this.from = from;
        this.to = to;
        this.createdAt = createdAt;
    }
}
