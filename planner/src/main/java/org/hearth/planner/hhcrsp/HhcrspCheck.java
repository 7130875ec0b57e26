package org.hearth.planner.hhcrsp;

import java.util.ArrayList;
import java.util.List;
import org.hearth.planner.Plan;

/**
 * Checks a plan against the instance's own data, independently of the planner's evaluator: every (patient,
 * service) done once by a qualified caregiver; no start before e_i; each route's starts leave time for the service
 * and the drive; the two services of a double-service patient on two caregivers, simultaneous or with the gap in
 * [mind, maxd]. Recomputes the objective (D + T + Tmax) / 3 from the plan's start times.
 */
public final class HhcrspCheck {

    private static final double EPS = 1e-6;

    private HhcrspCheck() {}

    public record Result(
            List<String> violations, double objective, double travel, double tardiness, double maxTardiness) {

        public boolean feasible() {
            return violations.isEmpty();
        }
    }

    public static Result check(HhcrspInstance instance, Plan plan) {
        HhcrspInstance.Raw raw = instance.raw();
        List<String> violations = new ArrayList<>();
        List<int[]> tasks = instance.tasks();
        int[] doneBy = new int[tasks.size()];
        java.util.Arrays.fill(doneBy, -1);
        double travel = 0;
        double tardiness = 0;
        double maxTardiness = 0;
        for (int v = 0; v < plan.routes().length; v++) {
            int[] route = plan.routes()[v];
            int at = 0;
            double free = 0;
            for (int t : route) {
                if (doneBy[t] >= 0) {
                    violations.add("task " + t + " done twice");
                }
                doneBy[t] = v;
                int node = tasks.get(t)[0];
                int service = tasks.get(t)[1];
                if (raw.qualified()[v][service] != 1) {
                    violations.add("caregiver " + v + " is not qualified for service " + service);
                }
                double start = plan.starts()[t];
                double arrive = free + raw.d()[at][node];
                travel += raw.d()[at][node];
                if (start < arrive - EPS) {
                    violations.add("task " + t + " starts at " + start + " before arrival " + arrive);
                }
                if (start < raw.e()[node] - EPS) {
                    violations.add("task " + t + " starts before its window opens");
                }
                double late = Math.max(0, start - raw.l()[node]);
                tardiness += late;
                maxTardiness = Math.max(maxTardiness, late);
                free = start + raw.p()[node][v][service];
                at = node;
            }
            if (route.length > 0) {
                travel += raw.d()[at][instance.nodes() - 1];
            }
        }
        for (int t = 0; t < tasks.size(); t++) {
            if (doneBy[t] < 0) {
                violations.add(
                        "task " + t + " (patient " + tasks.get(t)[0] + ", service " + tasks.get(t)[1] + ") not done");
            }
        }
        for (int node : raw.doubles()) {
            int first = -1;
            int second = -1;
            for (int t = 0; t < tasks.size(); t++) {
                if (tasks.get(t)[0] == node) {
                    if (first < 0) {
                        first = t;
                    } else {
                        second = t;
                    }
                }
            }
            if (doneBy[first] >= 0 && doneBy[first] == doneBy[second]) {
                violations.add("patient " + node + ": both services by one caregiver");
            }
            double gap = plan.starts()[second] - plan.starts()[first];
            if (gap < raw.mind()[node] - EPS || gap > raw.maxd()[node] + EPS) {
                violations.add("patient " + node + ": gap " + gap + " outside [" + raw.mind()[node] + ", "
                        + raw.maxd()[node] + "]");
            }
        }
        return new Result(violations, (travel + tardiness + maxTardiness) / 3, travel, tardiness, maxTardiness);
    }
}
