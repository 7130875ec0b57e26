package org.hearth.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.planner.AgencyRulesTest.solve;
import static org.hearth.planner.PlanningProblem.NONE;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A worker's breaks and visit limit, the named soft costs (a preferred or language-matching worker, stability) and
 * balanced load, and the plan's score by rule. Each on a problem where breaking the rule would be cheaper, and each
 * also solved without the rule to show the break would happen.
 */
class WorkerRulesTest {

    static final double NINE = 9 * 60;
    static final double ELEVEN = 11 * 60;
    static final double HALF_PAST_ONE = 13 * 60 + 30;

    /** One worker 08:00-18:00; six one-hour tasks at one place 10 minutes away, each wanted at 08:00 (lateness costs). */
    static PlanningProblem.Builder aFullDay() {
        PlanningProblem.Builder b =
                PlanningProblem.builder(1, 6, PlannerTest.line(2)).worker(0, 0, 0, 480, 1080, 10);
        for (int t = 0; t < 6; t++) {
            b.location(t, 1).task(t, 0, 60, 480, 480, NONE);
        }
        return b;
    }

    @Test
    void aWorkerGetsABreakInsideItsWindow() {
        Plan without = solve(aFullDay().build());
        assertThat(breakStart(without, 0, 30, ELEVEN, HALF_PAST_ONE))
                .as("back to back without the rule")
                .isNaN();

        Plan plan = solve(aFullDay().breakTime(0, 30, ELEVEN, HALF_PAST_ONE).build());
        assertThat(plan.feasible()).isTrue();
        assertThat(breakStart(plan, 0, 30, ELEVEN, HALF_PAST_ONE)).isBetween(ELEVEN, HALF_PAST_ONE);
        assertThat(plan.breakdown().hard()).isEmpty();
    }

    @Test
    void aBreakFitsInAWaitWithoutDelayingTheDay() {
        // two tasks: one at 08:10, one wanted from 12:30 (window opens then): lunch fits in the wait
        PlanningProblem problem = PlanningProblem.builder(1, 2, PlannerTest.line(2))
                .worker(0, 0, 0, 480, 1080, 10)
                .location(0, 1)
                .task(0, 0, 60, 480, 480, NONE)
                .location(1, 1)
                .task(1, 0, 60, 750, 750, NONE)
                .breakTime(0, 30, ELEVEN, HALF_PAST_ONE)
                .build();
        Plan plan = solve(problem);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.starts()).containsExactlyInAnyOrder(490.0, 750.0);
    }

    @Test
    void aBreakThatCannotBeTakenCountsAsABreakOfTheRule() {
        // pinned visits from 10:00 to 15:00 leave no half hour between 11:00 and 13:30
        PlanningProblem.Builder b = PlanningProblem.builder(1, 5, PlannerTest.line(2))
                .worker(0, 0, 0, 480, 1080, 10)
                .breakTime(0, 30, ELEVEN, HALF_PAST_ONE);
        for (int t = 0; t < 5; t++) {
            double at = 600 + 60 * t;
            b.location(t, 1).task(t, 0, 60, at, at, at).pin(t, 0);
        }
        Routes routes = new Routes(1, 5);
        for (int t = 0; t < 5; t++) {
            routes.append(0, t);
        }
        Evaluator evaluator = new Evaluator(b.build());
        evaluator.evaluate(routes);
        assertThat(evaluator.breakdown().hard()).containsKey("break");
        assertThat(evaluator.hardViolations())
                .isEqualTo(evaluator.breakdown().hard().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum());
    }

    @Test
    void aShortDayBeforeTheBreakWindowNeedsNoBreak() {
        PlanningProblem problem = PlanningProblem.builder(1, 1, PlannerTest.line(2))
                .worker(0, 0, 0, 480, 1080, 10)
                .location(0, 1)
                .task(0, 0, 60, 480, 480, NONE)
                .breakTime(0, 30, ELEVEN, HALF_PAST_ONE)
                .build();
        Plan plan = solve(problem);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.starts()[0]).isEqualTo(490);
    }

    /** Worker 0 at the patients' place, worker 1 20 minutes away; three tasks there. */
    static PlanningProblem.Builder threeTasksNearWorkerZero(int limit) {
        PlanningProblem.Builder b = PlanningProblem.builder(2, 3, PlannerTest.line(4))
                .worker(0, 1, 1, 480, 1080, limit)
                .worker(1, 3, 3, 480, 1080, 10);
        for (int t = 0; t < 3; t++) {
            b.location(t, 1).task(t, 0, 30, 480, 1000, NONE).task(t, 1, 30, 480, 1000, NONE);
        }
        return b;
    }

    @Test
    void aWorkerNeverTakesMoreThanItsMaximumVisits() {
        Plan without = solve(threeTasksNearWorkerZero(10).build());
        assertThat(without.routes()[0])
                .as("the nearer worker takes all without a limit")
                .hasSize(3);

        Plan plan = solve(threeTasksNearWorkerZero(2).build());
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.routes()[0]).hasSize(2);
        assertThat(plan.routes()[1]).hasSize(1);
    }

    /** One task at location 1; worker 0 starts there, worker 1 20 minutes away (40 minutes there and back). */
    static PlanningProblem.Builder oneTaskTwoWorkers() {
        return PlanningProblem.builder(2, 1, PlannerTest.line(4))
                .worker(0, 1, 1, 480, 1080, 10)
                .worker(1, 3, 3, 480, 1080, 10)
                .location(0, 1)
                .task(0, 0, 30, 480, 1000, NONE)
                .task(0, 1, 30, 480, 1000, NONE)
                .weights(new PlanningProblem.Weights(1, 1, 1, 0));
    }

    @Test
    void aNamedSoftCostSteersTheChoiceAndIsReportedByKind() {
        Plan without = solve(oneTaskTwoWorkers().build());
        assertThat(without.workerOf()[0]).isZero();

        // worker 1 is the patient's preferred clinician and speaks the patient's language: 2 × 25 > 40 of travel
        Plan plan = solve(oneTaskTwoWorkers()
                .preference(0, 0, "preferredClinician", 25)
                .preference(0, 0, "language", 25)
                .build());
        assertThat(plan.workerOf()[0]).isEqualTo(1);
        assertThat(plan.breakdown().soft()).containsOnlyKeys("travel").containsEntry("travel", 40.0);

        // a smaller cost does not outweigh the travel: the plan pays it and says so
        Plan cheaper = solve(oneTaskTwoWorkers()
                .preference(0, 0, "preferredClinician", 15)
                .preference(0, 0, "language", 10)
                .preference(0, 0, 5)
                .build());
        assertThat(cheaper.workerOf()[0]).isZero();
        assertThat(cheaper.breakdown().soft())
                .containsEntry("preferredClinician", 15.0)
                .containsEntry("language", 10.0)
                .doesNotContainKey("travel");
        assertThat(cheaper.breakdown().soft().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isEqualTo(cheaper.objective());
    }

    @Test
    void stabilityKeepsABookedTaskWithItsWorkerUnlessMovingIsClearlyBetter() {
        // booked on worker 1 (the far one): moving it to worker 0 saves 40 of travel
        Plan moves = solve(oneTaskTwoWorkers().preference(0, 0, "stability", 30).build());
        assertThat(moves.workerOf()[0]).isZero();
        assertThat(moves.breakdown().soft()).containsEntry("stability", 30.0);

        Plan stays = solve(oneTaskTwoWorkers().preference(0, 0, "stability", 45).build());
        assertThat(stays.workerOf()[0]).isEqualTo(1);
    }

    /** Two workers at one base, four short tasks at one place: one worker doing all is the shortest drive. */
    static PlanningProblem.Builder fourTasksTwoWorkers(double balanceWeight) {
        PlanningProblem.Builder b = PlanningProblem.builder(2, 4, PlannerTest.line(2))
                .worker(0, 0, 0, 480, 1080, 10)
                .worker(1, 0, 0, 480, 1080, 10)
                .weights(new PlanningProblem.Weights(1, 0, 0, balanceWeight));
        for (int t = 0; t < 4; t++) {
            b.location(t, 1).task(t, 0, 10, 480, 1000, NONE).task(t, 1, 10, 480, 1000, NONE);
        }
        return b;
    }

    @Test
    void balancedLoadSharesTheTasks() {
        Plan without = solve(fourTasksTwoWorkers(0).build());
        assertThat(without.routes()[0].length * without.routes()[1].length)
                .as("one worker does all")
                .isZero();

        Plan plan = solve(fourTasksTwoWorkers(10).build());
        assertThat(plan.routes()[0]).hasSize(2);
        assertThat(plan.routes()[1]).hasSize(2);
        assertThat(plan.breakdown().soft()).containsEntry("balance", 80.0).containsEntry("travel", 40.0);
    }

    @Test
    void theBreakdownOfAPlanAddsUpToItsScore() {
        PlanningProblem.Builder b = AgencyRulesTest.threeVisitsOfAWeeklyOrder();
        for (int t = 0; t < 3; t++) {
            b.spread(t, 0, 2, 5).continuity(t, 0, 7).home(t, 1);
        }
        Plan plan = solve(b.build());
        Plan.Breakdown breakdown = plan.breakdown();
        assertThat(sum(breakdown.hard())).isEqualTo(plan.hardViolations());
        assertThat(sum(breakdown.soft())).isCloseTo(plan.objective(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(breakdown.soft()).containsKeys("travel", "tardiness");
    }

    private static double sum(java.util.Map<String, Double> parts) {
        return parts.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * Where worker {@code w}'s plan leaves a gap of {@code minutes} starting in [from, latest] (on arrival at the next
     * task, or after the last), found from the plan's starts alone; NaN when there is none.
     */
    static double breakStart(Plan plan, int w, double minutes, double from, double latest) {
        int[] route = plan.routes()[w];
        double[] starts =
                Arrays.stream(route).mapToDouble(t -> plan.starts()[t]).toArray();
        for (int i = 0; i + 1 < route.length; i++) {
            double free = Math.max(starts[i] + 60, from); // the test's tasks last 60 minutes at one place
            if (free <= latest && free + minutes <= starts[i + 1]) {
                return free;
            }
        }
        return Double.NaN;
    }
}
