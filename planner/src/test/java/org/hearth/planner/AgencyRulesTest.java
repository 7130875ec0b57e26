package org.hearth.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.planner.PlanningProblem.NONE;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The rules an agency expects, each on a problem where breaking it would be cheaper, so that a planner without the
 * rule fails the test (each test also solves the problem without the rule and shows the break would happen).
 */
class AgencyRulesTest {

    static Plan solve(PlanningProblem problem) {
        return Planner.solve(
                problem, Planner.Options.timeLimit(Duration.ofMillis(300)).withMaxIterations(3_000), () -> false);
    }

    /** Two workers, two 30-minute tasks at location 1 (10 minutes from the base), both wanted from minute 0. */
    static PlanningProblem.Builder twoVisitsAtOneHome() {
        return PlanningProblem.builder(2, 2, PlannerTest.line(3))
                .worker(0, 0, 0, 0, NONE, 10)
                .worker(1, 0, 0, 0, NONE, 10)
                .location(0, 1)
                .task(0, 0, 30, 0, 0, 200)
                .task(0, 1, 30, 0, 0, 200)
                .location(1, 1)
                .task(1, 0, 30, 0, 0, 200)
                .task(1, 1, 30, 0, 0, 200);
    }

    @Test
    void twoVisitsAtOneHomeNeverOverlap() {
        Plan without = solve(twoVisitsAtOneHome().build());
        assertThat(overlap(without, 0, 1))
                .as("without the rule both arrive at once")
                .isPositive();

        Plan plan = solve(twoVisitsAtOneHome().home(0, 7).home(1, 7).build());
        assertThat(plan.feasible()).isTrue();
        assertThat(overlap(plan, 0, 1)).isLessThanOrEqualTo(0);
    }

    @Test
    void aDoubleStaffedPairAtOneHomeStillStartsTogether() {
        Plan plan = solve(twoVisitsAtOneHome()
                .home(0, 7)
                .home(1, 7)
                .synchronize(0, 1, 0, 0)
                .build());
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.starts()[0]).isEqualTo(plan.starts()[1]);
    }

    @Test
    void aVisitWaitsForAPinnedVisitAtTheSameHome() {
        // Task 1 is pinned to worker 1 at minute 10-40; task 0 would arrive at 10 as well, so it must wait until 40.
        PlanningProblem problem = twoVisitsAtOneHome()
                .home(0, 7)
                .home(1, 7)
                .task(1, 1, 30, 10, 10, 10)
                .pin(1, 1)
                .build();
        Plan plan = solve(problem);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.starts()[1]).isEqualTo(10);
        assertThat(plan.starts()[0]).isGreaterThanOrEqualTo(40);
    }

    /** Worker 0 works day 0, worker 1 day 1; two tasks of one group at one place: one trip for both is cheaper. */
    static PlanningProblem.Builder twoVisitsOfOneOrder() {
        return PlanningProblem.builder(2, 2, PlannerTest.line(3))
                .worker(0, 0, 0, 0, NONE, 10)
                .worker(1, 0, 0, 1440, NONE, 10)
                .workerDay(0, 0)
                .workerDay(1, 1)
                .location(0, 1)
                .task(0, 0, 30, 0, 3000, NONE)
                .task(0, 1, 30, 1440, 3000, NONE)
                .location(1, 1)
                .task(1, 0, 30, 0, 3000, NONE)
                .task(1, 1, 30, 1440, 3000, NONE);
    }

    @Test
    void atMostOneVisitOfAGroupPerDay() {
        Plan without = solve(twoVisitsOfOneOrder().build());
        assertThat(without.workerOf()[0])
                .as("without the rule one trip does both")
                .isEqualTo(without.workerOf()[1]);

        Plan plan =
                solve(twoVisitsOfOneOrder().oncePerDay(0, 3).oncePerDay(1, 3).build());
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.workerOf()[0]).isNotEqualTo(plan.workerOf()[1]);
    }

    @Test
    void startsFallOnTheGrid() {
        // Travel 13 and 7 minutes: left-shifted starts would be 13 and 13 + 20 + 7 = 40.5 with a half-minute leg.
        double[][] travel = {{0, 13, 20.5}, {13, 0, 7.5}, {20.5, 7.5, 0}};
        PlanningProblem.Builder b = PlanningProblem.builder(1, 2, travel)
                .worker(0, 0, 0, 0, NONE, 10)
                .location(0, 1)
                .task(0, 0, 20, 0, 500, NONE)
                .location(1, 2)
                .task(1, 0, 20, 0, 500, NONE);
        Plan off = solve(b.build());
        assertThat(off.starts()).contains(13.0);

        Plan plan = solve(b.grid(5).build());
        assertThat(plan.feasible()).isTrue();
        for (double s : plan.starts()) {
            assertThat(s % 5).as("start " + s).isZero();
        }
    }

    @Test
    void theGridMayMakeADeadlineUnreachable() {
        PlanningProblem problem = PlanningProblem.builder(1, 1, PlannerTest.line(2))
                .worker(0, 0, 0, 0, NONE, 10)
                .location(0, 1)
                .task(0, 0, 20, 11, 12, 12)
                .grid(5)
                .build();
        Routes routes = new Routes(1, 1);
        routes.append(0, 0);
        Evaluator evaluator = new Evaluator(problem);
        evaluator.evaluate(routes);
        assertThat(evaluator.start(0)).isEqualTo(15);
        assertThat(evaluator.hardViolations()).isPositive();
    }

    /** Five workers on days 0..4; three tasks at one place wanted as early as possible (lateness costs). */
    static PlanningProblem.Builder threeVisitsOfAWeeklyOrder() {
        PlanningProblem.Builder b = PlanningProblem.builder(5, 3, PlannerTest.line(2));
        for (int w = 0; w < 5; w++) {
            b.worker(w, 0, 0, w * 1440, w * 1440 + 600, 10).workerDay(w, w);
        }
        for (int t = 0; t < 3; t++) {
            b.location(t, 1).oncePerDay(t, 0);
            for (int w = 0; w < 5; w++) {
                b.task(t, w, 30, w * 1440, 0, NONE);
            }
        }
        return b;
    }

    @Test
    void theVisitsOfAWeeklyOrderSpreadOverTheWeek() {
        Plan without = solve(threeVisitsOfAWeeklyOrder().build());
        assertThat(days(without))
                .as("lateness alone packs them into the first days")
                .containsExactly(0, 1, 2);

        PlanningProblem.Builder b = threeVisitsOfAWeeklyOrder();
        for (int t = 0; t < 3; t++) {
            b.spread(t, 0, 2, 2_000);
        }
        Plan plan = solve(b.build());
        assertThat(plan.feasible()).isTrue();
        assertThat(days(plan)).containsExactly(0, 2, 4);
    }

    /** Person 0 works days 0 and 1 (from a far base on day 1), person 1 day 1 only, nearer the patient. */
    static PlanningProblem.Builder twoVisitsOfOnePatientsDiscipline() {
        return PlanningProblem.builder(3, 2, PlannerTest.line(4))
                .worker(0, 0, 0, 0, NONE, 10)
                .workerDay(0, 0)
                .workerPerson(0, 0)
                .worker(1, 0, 0, 1440, NONE, 10)
                .workerDay(1, 1)
                .workerPerson(1, 1)
                .worker(2, 3, 3, 1440, NONE, 10)
                .workerDay(2, 1)
                .workerPerson(2, 0)
                .location(0, 1)
                .task(0, 0, 30, 0, 600, NONE)
                .location(1, 1)
                .task(1, 1, 30, 1440, 2040, NONE)
                .task(1, 2, 30, 1440, 2040, NONE);
    }

    @Test
    void onePatientsVisitsOfADisciplineStayWithOneClinician() {
        Plan without = solve(twoVisitsOfOnePatientsDiscipline().build());
        assertThat(without.workerOf()[1])
                .as("without the rule the nearer person takes day 1")
                .isEqualTo(1);

        Plan plan = solve(twoVisitsOfOnePatientsDiscipline()
                .continuity(0, 5, 50)
                .continuity(1, 5, 50)
                .build());
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.workerOf()[1]).as("the person who did day 0").isEqualTo(2);
    }

    private static java.util.List<Integer> days(Plan plan) {
        return java.util.Arrays.stream(plan.workerOf()).sorted().boxed().toList();
    }

    private static double overlap(Plan plan, int a, int b) {
        double[] s = plan.starts();
        return Math.min(s[a] + 30, s[b] + 30) - Math.max(s[a], s[b]);
    }
}
