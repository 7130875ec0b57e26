package org.hearth.bench.week;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hearth.bench.MachineLoad;
import org.hearth.planner.Plan;
import org.hearth.planner.Planner;

/**
 * The realistic-week benchmark: for each size and seed, a generated agency's week ({@link WeekAgency}) is planned
 * with the agency rules ({@link WeekModel}) for a time limit, and the plan is checked independently
 * ({@link WeekCheck}). Prints rule breaks by kind (an agency can apply only a plan with none), travel minutes per
 * visit, continuity of care, the share of visits planned, and the time to the first plan and to the first feasible
 * plan, with the machine's load average at the start (timings on a loaded machine are not comparable).
 *
 * <p>Usage: {@code WeekBench [sizes, e.g. 20,50,100,200] [seeds] [seconds per run]}
 */
public final class WeekBench {

    private WeekBench() {}

    /** One run's figures. */
    record Row(
            int patients,
            long seed,
            int visits,
            int clinicians,
            int clinicianDays,
            long firstPlanCpuMillis,
            long firstPlanMillis,
            long firstFeasibleMillis,
            WeekCheck.Result check,
            Plan plan) {}

    public static void main(String[] args) throws Exception {
        MachineLoad.guard("realistic week");
        List<Integer> sizes = java.util.Arrays.stream((args.length > 0 ? args[0] : "20,50,100,200").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        System.out.printf(Locale.ROOT, "Realistic week: %s patients × %d seeds, %.0f s each%n", sizes, seeds, seconds);
        System.out.println("patients seed visits clinicians days | first plan cpu ms  wall ms  first feasible ms | "
                + "planned %  breaks  travel/visit  continuity % | breaks by kind");
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            for (long seed = 1; seed <= seeds; seed++) {
                Row row = run(size, seed, Duration.ofMillis(Math.round(seconds * 1000)));
                rows.add(row);
                print(row);
            }
        }
        long broken = rows.stream().filter(r -> r.check().totalBreaks() > 0).count();
        System.out.printf(Locale.ROOT, "%d of %d plans break a rule%n", broken, rows.size());
    }

    static Row run(int patients, long seed, Duration limit) {
        WeekAgency week = WeekAgency.generate(patients, seed);
        WeekModel model = new WeekModel(week);
        // the first plan alone, timed in this thread's CPU time: comparable even when other processes load the machine
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuBefore = cpu.getCurrentThreadCpuTime();
        Planner.solve(
                model.problem, Planner.Options.timeLimit(limit).withSeed(seed).withMaxIterations(0), () -> false);
        long firstPlanCpu = (cpu.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
        Plan plan =
                Planner.solve(model.problem, Planner.Options.timeLimit(limit).withSeed(seed), () -> false);
        long firstPlan = plan.progress().isEmpty() ? -1 : plan.progress().get(0).atMillis();
        long firstFeasible = plan.progress().stream()
                .filter(p -> p.hardViolations() == 0)
                .mapToLong(Plan.Progress::atMillis)
                .findFirst()
                .orElse(-1);
        WeekCheck.Result check = WeekCheck.check(week, model.workers, plan.routes(), plan.starts());
        return new Row(
                patients,
                seed,
                week.visits().size(),
                week.clinicians().size(),
                model.workers.size(),
                firstPlanCpu,
                firstPlan,
                firstFeasible,
                check,
                plan);
    }

    static void print(Row r) {
        WeekCheck.Result c = r.check();
        String kinds = c.breaks().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        System.out.printf(
                Locale.ROOT,
                "%8d %4d %6d %10d %4d | %17d  %7d  %17s | %9.1f  %6d  %12.1f  %12.1f | %s%n",
                r.patients(),
                r.seed(),
                r.visits(),
                r.clinicians(),
                r.clinicianDays(),
                r.firstPlanCpuMillis(),
                r.firstPlanMillis(),
                r.firstFeasibleMillis() < 0 ? "none" : Long.toString(r.firstFeasibleMillis()),
                100 * c.plannedShare(),
                c.totalBreaks(),
                c.travelPerVisit(),
                100 * c.continuity(),
                kinds.isEmpty() ? "-" : kinds);
        Map<String, Double> soft = r.plan().breakdown().soft();
        System.out.println(
                "         planner's own score: hard " + r.plan().breakdown().hard() + ", soft "
                        + soft.entrySet().stream()
                                .map(e -> e.getKey() + " " + Math.round(e.getValue()))
                                .collect(Collectors.joining(", ")));
    }
}
