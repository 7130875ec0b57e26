package org.hearth.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The first plan of a problem too large to try every position for every task. */
class ConstructionTest {

    /**
     * A week of 24 patients on a 30 × 30 grid of 2-minute blocks, each with a five-a-week order (one visit a day, so
     * one way to place it) and a twice-a-week one; 6 workers a day, 8:00-17:00 with a lunch break, at most 8 tasks.
     */
    static PlanningProblem aWeek() {
        SplittableRandom random = new SplittableRandom(11);
        int patients = 24;
        int days = 5;
        int perDay = 6;
        int workers = days * perDay;
        int tasks = patients * 7;
        int places = patients + 1;
        int[][] xy = new int[places][];
        for (int i = 0; i < places; i++) {
            xy[i] = i == patients ? new int[] {15, 15} : new int[] {random.nextInt(30), random.nextInt(30)};
        }
        double[][] travel = new double[places][places];
        for (int a = 0; a < places; a++) {
            for (int b = 0; b < places; b++) {
                travel[a][b] = a == b ? 0 : 5 + 2 * (Math.abs(xy[a][0] - xy[b][0]) + Math.abs(xy[a][1] - xy[b][1]));
            }
        }
        PlanningProblem.Builder b = PlanningProblem.builder(workers, tasks, travel)
                .grid(5)
                .weights(new PlanningProblem.Weights(1, 1, 1, 2));
        for (int w = 0; w < workers; w++) {
            int day = w / perDay;
            b.worker(w, patients, patients, day * 1440 + 480, day * 1440 + 1020, 8)
                    .workerDay(w, day)
                    .workerPerson(w, w % perDay)
                    .breakTime(w, 30, day * 1440 + 660, day * 1440 + 810);
        }
        int t = 0;
        for (int p = 0; p < patients; p++) {
            for (int k = 0; k < 7; k++, t++) {
                int group = k < 5 ? 2 * p : 2 * p + 1;
                b.location(t, p).home(t, p).oncePerDay(t, group).continuity(t, group, 25);
                if (k >= 5) {
                    b.spread(t, group, 4, 30);
                }
                for (int w = 0; w < workers; w++) {
                    int day = w / perDay;
                    b.task(t, w, k < 5 ? 45 : 60, day * 1440 + 480, day * 1440 + 1020 - 60, day * 1440 + 1020 - 60);
                }
            }
        }
        return b.build();
    }

    @Test
    void aLargeProblemsFirstPlanPlacesEveryTaskWithoutBreakingARule() {
        PlanningProblem week = aWeek();
        assertThat(week.tasks()).isGreaterThan(Planner.CONSTRUCTION_THRESHOLD);
        Plan first = Planner.solve(
                week, Planner.Options.timeLimit(Duration.ofSeconds(30)).withMaxIterations(0), () -> false);
        assertThat(first.breakdown().hard()).isEmpty();
        assertThat(first.feasible()).isTrue();
        assertThat(first.iterations()).isZero();
    }
}
