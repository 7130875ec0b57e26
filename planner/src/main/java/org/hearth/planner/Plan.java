package org.hearth.planner;

import java.util.List;

/**
 * The planner's answer: each worker's route, every task's start, and the cost parts.
 *
 * @param progress the best cost found over time (milliseconds since the start, cost)
 */
public record Plan(int[][] routes, double[] starts, int[] workerOf, double hardViolations, double objective,
        double travel, double tardiness, double maxTardiness, long iterations, long elapsedMillis,
        List<Progress> progress) {

    public record Progress(long atMillis, double hardViolations, double objective) {
    }

    public boolean feasible() {
        return hardViolations == 0;
    }

    static Plan of(PlanningProblem problem, Routes routes, Evaluator evaluator, long iterations, long elapsed,
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
        return new Plan(r, starts, routes.workerOf.clone(), evaluator.hardViolations(), evaluator.objective(),
                evaluator.travel(), evaluator.tardiness(), evaluator.maxTardiness(), iterations, elapsed,
                List.copyOf(progress));
    }
}
