package org.hearth.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hearth.planner.Plan;
import org.hearth.planner.Planner;
import org.hearth.planner.PlanningProblem;
import org.hearth.planner.Routes;

/**
 * Re-planning a day after a clinician calls in sick: a synthetic agency day (100 visits, 18 clinicians, homes in a
 * 20 × 20 km area at 40 km/h, 2-hour patient windows) is planned, then one clinician drops out; everyone else's
 * visits are pinned and the sick clinician's visits re-planned. Prints how long until every visit had a place again
 * and how much the plan changed. Same seed, same day.
 *
 * <p>Usage: {@code ReplanBench [visits] [clinicians] [repairSeconds] [seed]}
 */
public final class ReplanBench {

    private ReplanBench() {}

    public static void main(String[] args) {
        MachineLoad.guard("replan");
        int visits = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int clinicians = args.length > 1 ? Integer.parseInt(args[1]) : 18;
        Duration repairLimit = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 2);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 7;
        SplittableRandom random = new SplittableRandom(seed);
        int places = visits + clinicians;
        double[][] xy = new double[places][2];
        for (double[] p : xy) {
            p[0] = random.nextDouble(20);
            p[1] = random.nextDouble(20);
        }
        double[][] minutes = new double[places][places];
        for (int a = 0; a < places; a++) {
            for (int b = 0; b < places; b++) {
                minutes[a][b] = a == b ? 0 : Math.hypot(xy[a][0] - xy[b][0], xy[a][1] - xy[b][1]) * 1.3 / 40 * 60 + 5;
            }
        }
        double[] opens = new double[visits];
        for (int t = 0; t < visits; t++) {
            opens[t] = 8 * 60 + random.nextInt(7) * 60;
        }
        int sick = 0;
        PlanningProblem day = problem(visits, clinicians, minutes, opens, -1, null);
        Plan planned = Planner.solve(
                day, Planner.Options.timeLimit(Duration.ofSeconds(10)).withSeed(seed), () -> false);

        Routes kept = new Routes(clinicians, visits);
        int affected = 0;
        for (int w = 0; w < clinicians; w++) {
            for (int t : planned.routes()[w]) {
                if (w == sick) {
                    affected++;
                } else {
                    kept.append(w, t);
                }
            }
        }
        PlanningProblem repairProblem = problem(visits, clinicians, minutes, opens, sick, planned);
        long[] completeAt = {-1};
        Plan repaired = Planner.solve(
                repairProblem,
                Planner.Options.timeLimit(repairLimit)
                        .withSeed(seed)
                        .withInitial(kept)
                        .onImprovement(p -> {
                            if (completeAt[0] < 0 && p.hardViolations() == 0) {
                                completeAt[0] = p.atMillis();
                            }
                        }),
                () -> false);
        int unchanged = 0;
        for (int t = 0; t < visits; t++) {
            if (planned.workerOf()[t] != sick && planned.workerOf()[t] == repaired.workerOf()[t]) {
                unchanged++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Re-plan after a sick call: %d visits, %d clinicians, seed %d, %d cores%n",
                visits,
                clinicians,
                seed,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                Locale.ROOT,
                "  first plan:    feasible %s, travel %.0f min (10 s search)%n",
                planned.feasible(),
                planned.travel());
        System.out.printf(
                Locale.ROOT,
                "  re-plan:       %d visits of the sick clinician to place; all placed and feasible "
                        + "after %d ms; search stopped at %d ms (limit %d ms)%n",
                affected,
                completeAt[0],
                repaired.elapsedMillis(),
                repairLimit.toMillis());
        long unassigned =
                java.util.Arrays.stream(repaired.workerOf()).filter(w -> w < 0).count();
        System.out.printf(
                Locale.ROOT, "  hard violations %.1f, unassigned %d%n", repaired.hardViolations(), unassigned);
        System.out.printf(
                Locale.ROOT,
                "  stability:     %d of %d other visits kept their clinician; feasible %s, travel %.0f min%n",
                unchanged,
                visits - affected,
                repaired.feasible(),
                repaired.travel());
    }

    /** A day: visits with 60-minute services in 2-hour windows between 8:00 and 17:00; clinicians 8:00-17:00, 9 visits max. */
    static PlanningProblem problem(
            int visits, int clinicians, double[][] minutes, double[] opens, int sick, Plan pinnedFrom) {
        PlanningProblem.Builder b =
                PlanningProblem.builder(clinicians, visits, minutes).weights(new PlanningProblem.Weights(1, 1, 1, 2));
        for (int w = 0; w < clinicians; w++) {
            b.worker(w, visits + w, visits + w, 8 * 60, 17 * 60, 9);
        }
        for (int t = 0; t < visits; t++) {
            double open = opens[t];
            b.location(t, t);
            for (int w = 0; w < clinicians; w++) {
                if (w != sick) {
                    b.task(t, w, 45, open, open + 75, open + 75);
                }
            }
            if (pinnedFrom != null
                    && pinnedFrom.workerOf()[t] >= 0
                    && pinnedFrom.workerOf()[t] != sick) {
                b.pin(t, pinnedFrom.workerOf()[t]);
            }
        }
        return b.build();
    }
}
