package org.hearth.scheduling.planning;

import org.hearth.planner.Plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** One planning run of one agency: what was asked, how the score went, and the best plan found. */
final class PlanningJob {

    enum Status { QUEUED, SOLVING, DONE, STOPPED, FAILED, APPLIED }

    /** A point on the way: when, hard violations, objective (lower is better). */
    record Progress(long atMillis, double hardViolations, double objective) {
    }

    final String id;
    final String tenantId;
    final String requestedBy;
    final LocalDate from;
    final LocalDate to;
    final Instant createdAt;
    final AtomicBoolean stopRequested = new AtomicBoolean();
    final List<Progress> progress = new CopyOnWriteArrayList<>();
    volatile Status status = Status.QUEUED;
    volatile PlanningModel model;
    volatile Plan plan;
    volatile String failure;

    PlanningJob(String id, String tenantId, String requestedBy, LocalDate from, LocalDate to, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.requestedBy = requestedBy;
        this.from = from;
        this.to = to;
        this.createdAt = createdAt;
    }

    boolean finished() {
        return status == Status.DONE || status == Status.STOPPED || status == Status.FAILED || status == Status.APPLIED;
    }
}
