package org.hearth.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hearth.planner.hhcrsp.HhcrspCheck;
import org.hearth.planner.hhcrsp.HhcrspInstance;
import org.junit.jupiter.api.Test;

/** Each hard rule on a tiny hand-made problem: the planner's result never breaks it. */
class PlannerTest {

    /** Locations 0 (base) and 1..4 on a line, 10 minutes apart. */
    static double[][] line(int n) {
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = 10 * Math.abs(i - j);
            }
        }
        return d;
    }

    static Plan solve(PlanningProblem problem) {
        return Planner.solve(
                problem, Planner.Options.timeLimit(Duration.ofMillis(300)).withMaxIterations(3_000), () -> false);
    }

    @Test
    void theObjectiveOfAHandBuiltScheduleMatchesTheHandComputation() {
        // One worker, tasks at 1 (30 min, window [0, 20]) then 3 (30 min, window [0, 50]).
        PlanningProblem problem = PlanningProblem.builder(1, 2, line(4))
                .worker(0, 0, 0, 0, PlanningProblem.NONE, 10)
                .location(0, 1)
                .task(0, 0, 30, 0, 20, PlanningProblem.NONE)
                .location(1, 3)
                .task(1, 0, 30, 0, 50, PlanningProblem.NONE)
                .weights(PlanningProblem.Weights.hhcrsp())
                .build();
        Routes routes = new Routes(1, 2);
        routes.append(0, 0);
        routes.append(0, 1);
        Evaluator evaluator = new Evaluator(problem);
        evaluator.evaluate(routes);
        // Drive 10, start 10 (on time); done 40, drive 20, start 60: 10 late; drive back 30. D = 60, T = 10, Tmax = 10.
        assertThat(evaluator.start(0)).isEqualTo(10);
        assertThat(evaluator.start(1)).isEqualTo(60);
        assertThat(evaluator.travel()).isEqualTo(60);
        assertThat(evaluator.tardiness()).isEqualTo(10);
        assertThat(evaluator.objective()).isCloseTo((60 + 10 + 10) / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(evaluator.hardViolations()).isZero();
    }

    @Test
    void aTaskGoesOnlyToAQualifiedWorker() {
        PlanningProblem problem = PlanningProblem.builder(2, 3, line(4))
                .worker(0, 0, 0, 0, PlanningProblem.NONE, 10)
                .worker(1, 0, 0, 0, PlanningProblem.NONE, 10)
                .location(0, 1)
                .task(0, 1, 20, 0, 100, PlanningProblem.NONE) // only worker 1
                .location(1, 2)
                .task(1, 0, 20, 0, 100, PlanningProblem.NONE) // only worker 0
                .location(2, 3)
                .task(2, 0, 20, 0, 100, PlanningProblem.NONE)
                .task(2, 1, 20, 0, 100, PlanningProblem.NONE)
                .build();
        Plan plan = solve(problem);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.workerOf()[0]).isEqualTo(1);
        assertThat(plan.workerOf()[1]).isEqualTo(0);
    }

    @Test
    void noTaskStartsBeforeItsWindowOrAfterItsDeadlineAndShiftsEndOnTime() {
        PlanningProblem problem = PlanningProblem.builder(2, 4, line(5))
                .worker(0, 0, 0, 0, 200, 10)
                .worker(1, 0, 0, 0, 200, 10)
                .location(0, 1)
                .task(0, 0, 30, 60, 90, 100)
                .task(0, 1, 30, 60, 90, 100)
                .location(1, 2)
                .task(1, 0, 30, 0, 30, 40)
                .task(1, 1, 30, 0, 30, 40)
                .location(2, 3)
                .task(2, 0, 30, 0, 30, 40)
                .task(2, 1, 30, 0, 30, 40)
                .location(3, 4)
                .task(3, 0, 30, 100, 120, 130)
                .task(3, 1, 30, 100, 120, 130)
                .build();
        Plan plan = solve(problem);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.starts()[0]).isBetween(60.0, 100.0);
        assertThat(plan.starts()[1]).isBetween(0.0, 40.0);
        assertThat(plan.starts()[2]).isBetween(0.0, 40.0);
        assertThat(plan.workerOf()[1])
                .as("both early tasks cannot share a worker")
                .isNotEqualTo(plan.workerOf()[2]);
    }

    @Test
    void aWorkerNeverTakesMoreTasksThanTheLimitWhenOthersCan() {
        PlanningProblem.Builder b = PlanningProblem.builder(2, 4, line(5))
                .worker(0, 0, 0, 0, PlanningProblem.NONE, 1)
                .worker(1, 0, 0, 0, PlanningProblem.NONE, 3);
        for (int t = 0; t < 4; t++) {
            b.location(t, 1)
                    .task(t, 0, 10, 0, 1000, PlanningProblem.NONE)
                    .task(t, 1, 10, 0, 1000, PlanningProblem.NONE);
        }
        Plan plan = solve(b.build());
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.routes()[0].length).isLessThanOrEqualTo(1);
    }

    @Test
    void synchronizedTasksGoToTwoWorkersWithTheirGap() {
        PlanningProblem problem = PlanningProblem.builder(3, 4, line(5))
                .worker(0, 0, 0, 0, PlanningProblem.NONE, 10)
                .worker(1, 0, 0, 0, PlanningProblem.NONE, 10)
                .worker(2, 0, 0, 0, PlanningProblem.NONE, 10)
                .location(0, 2)
                .task(0, 0, 20, 0, 100, PlanningProblem.NONE)
                .task(0, 1, 20, 0, 100, PlanningProblem.NONE)
                .location(1, 2)
                .task(1, 0, 20, 0, 100, PlanningProblem.NONE)
                .task(1, 1, 20, 0, 100, PlanningProblem.NONE)
                .location(2, 4)
                .task(2, 1, 20, 0, 100, PlanningProblem.NONE)
                .task(2, 2, 20, 0, 100, PlanningProblem.NONE)
                .location(3, 4)
                .task(3, 1, 20, 0, 100, PlanningProblem.NONE)
                .task(3, 2, 20, 0, 100, PlanningProblem.NONE)
                .synchronize(0, 1, 0, 0) // together
                .synchronize(2, 3, 15, 30) // 2 first, 3 between 15 and 30 minutes later
                .build();
        Plan plan = solve(problem);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.workerOf()[0]).isNotEqualTo(plan.workerOf()[1]);
        assertThat(plan.starts()[0]).isEqualTo(plan.starts()[1]);
        assertThat(plan.workerOf()[2]).isNotEqualTo(plan.workerOf()[3]);
        assertThat(plan.starts()[3] - plan.starts()[2]).isBetween(15.0, 30.0);
    }

    @Test
    void pinnedTasksKeepTheirWorkerWhenTheRestIsReplanned() {
        PlanningProblem.Builder b = PlanningProblem.builder(2, 5, line(5))
                .worker(0, 0, 0, 0, PlanningProblem.NONE, 10)
                .worker(1, 0, 0, 0, PlanningProblem.NONE, 10);
        for (int t = 0; t < 5; t++) {
            b.location(t, 1 + t % 4)
                    .task(t, 0, 10, 0, 500, PlanningProblem.NONE)
                    .task(t, 1, 10, 0, 500, PlanningProblem.NONE);
        }
        b.pin(0, 1).pin(1, 1); // say, checked in: worker 1 is already there, although worker 0 would be cheaper
        Routes before = new Routes(2, 5);
        before.append(1, 0);
        before.append(1, 1);
        Plan plan = Planner.solve(
                b.build(), Planner.Options.timeLimit(Duration.ofMillis(300)).withInitial(before), () -> false);
        assertThat(plan.workerOf()[0]).isEqualTo(1);
        assertThat(plan.workerOf()[1]).isEqualTo(1);
        assertThat(plan.feasible()).isTrue();
    }

    @Test
    void aRouteCycleOfSynchronizedTasksIsNeverTheAnswer() {
        // Deadlock bait: if worker 0 did A1 then B1 and worker 1 did B2 then A2, each would wait on the other.
        PlanningProblem.Builder b = PlanningProblem.builder(2, 4, line(3))
                .worker(0, 0, 0, 0, PlanningProblem.NONE, 10)
                .worker(1, 0, 0, 0, PlanningProblem.NONE, 10);
        for (int t = 0; t < 4; t++) {
            b.location(t, 1 + t / 2)
                    .task(t, 0, 10, 0, 300, PlanningProblem.NONE)
                    .task(t, 1, 10, 0, 300, PlanningProblem.NONE);
        }
        PlanningProblem problem =
                b.synchronize(0, 1, 0, 0).synchronize(2, 3, 0, 0).build();
        Routes cycle = new Routes(2, 4);
        cycle.append(0, 0);
        cycle.append(0, 2);
        cycle.append(1, 3);
        cycle.append(1, 1);
        Evaluator evaluator = new Evaluator(problem);
        evaluator.evaluate(cycle);
        assertThat(evaluator.hardViolations()).as("the cycle is detected").isPositive();
        assertThat(solve(problem).feasible()).isTrue();
    }

    @Test
    void theSmallestSharedBenchmarkInstanceIsSolvedToItsProvenOptimum() throws Exception {
        Path file = Path.of("..", "benchmarks", "hhcrsp", "instances", "InstanzCPLEX_HCSRP_10_1.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "benchmark data beside the repository");
        HhcrspInstance instance = HhcrspInstance.read(file);
        Plan plan = Planner.solve(
                instance.problem(),
                Planner.Options.timeLimit(Duration.ofSeconds(5)).withMaxIterations(200_000),
                () -> false);
        HhcrspCheck.Result check = HhcrspCheck.check(instance, plan);
        assertThat(check.violations()).isEmpty();
        assertThat(check.objective()).isCloseTo(plan.objective(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(check.objective()).isLessThan(218.2 * 1.03); // proven optimum 218.2 (Mankowska et al. 2014)
    }
}
