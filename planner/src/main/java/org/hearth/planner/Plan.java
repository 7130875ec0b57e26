package org.hearth.planner;

import java.util.List;
import java.util.Map;

/**
 * The planner's answer: each worker's route, every task's start, and the cost parts.
 *
 * @param progress  the best cost found over time (milliseconds since the start, cost)
 * @param breakdown what the plan breaks and pays, rule by rule
 */
public record Plan(
        int[][] routes,
        double[] starts,
        int[] workerOf,
        double hardViolations,
        double objective,
        double travel,
        double tardiness,
        double maxTardiness,
        long iterations,
        long elapsedMillis,
        List<Progress> progress,
        Breakdown breakdown) {

    /**
     * A plan's score by rule. {@code hard}: violations per kind (unplanned, maxVisits, pairOnOneWorker, window,
     * shiftEnd, homeOverlap, oncePerDay, break), adding up to {@link #hardViolations()}; an unplanned task counts
     * 10. {@code soft}: the weighted costs per kind (travel, tardiness, maxTardiness, each named preference kind
     * such as preferredClinician or language, preference for unnamed ones, continuity, spread, balance), adding up
     * to {@link #objective()}. Kinds at zero are left out.
     */
    public record Breakdown(Map<String, Double> hard, Map<String, Double> soft) {

        public Breakdown {
            hard = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hard));
            soft = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(soft));
        }
    }

    public record Progress(long atMillis, double hardViolations, double objective) {}

    public boolean feasible() {
        return hardViolations == 0;
    }

    static Plan of(
            PlanningProblem problem,
            Routes routes,
            Evaluator evaluator,
            long iterations,
            long elapsed,
            List<Progress> progress) {
        evaluator.evaluate(routes);
        int[][] r = new int[problem.workers][];
        for (int w = 0; w < problem.workers; w++) {
            r[w] = routes.route(w);
        }
        double[] starts = new double[problem.tasks];
        for (int t = 0; t < problem.tasks; t++) {
            starts[t] = evaluator.start(t);
        }
        return new Plan(
                r,
                starts,
                routes.workerOf.clone(),
                evaluator.hardViolations(),
                evaluator.objective(),
                evaluator.travel(),
                evaluator.tardiness(),
                evaluator.maxTardiness(),
                iterations,
                elapsed,
                List.copyOf(progress),
                evaluator.breakdown());
    }
}
