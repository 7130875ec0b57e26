package org.hearth.bench.week;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.hearth.planner.Plan;
import org.junit.jupiter.api.Test;

/** The generated week is the same for a seed, and the independent check does count what a plan breaks. */
class WeekBenchTest {

    @Test
    void theSameSeedGivesTheSameWeekAndAnotherSeedAnother() {
        WeekAgency a = WeekAgency.generate(30, 2);
        WeekAgency b = WeekAgency.generate(30, 2);
        assertThat(describe(a)).isEqualTo(describe(b));
        assertThat(describe(WeekAgency.generate(30, 3))).isNotEqualTo(describe(a));
        assertThat(a.patients()).hasSize(30);
        assertThat(a.visits()).anyMatch(WeekAgency.Visit::booked);
        assertThat(a.clinicians())
                .anyMatch(c -> c.longDay(0))
                .anyMatch(c -> c.languages().contains("es"));
        assertThat(a.visits().stream().map(WeekAgency.Visit::discipline).distinct())
                .contains("SN", "PT", "HHA");
    }

    @Test
    void aPlannedWeekBreaksNoRuleAndABrokenOneIsCounted() {
        WeekAgency week = WeekAgency.generate(20, 1);
        WeekModel model = new WeekModel(week);
        Plan plan = WeekBench.run(20, 1, Duration.ofSeconds(2)).plan();
        WeekCheck.Result ok = WeekCheck.check(week, model.workers, plan.routes(), plan.starts());
        assertThat(ok.breaks())
                .as("the planner's plan")
                .allSatisfy((kind, n) -> assertThat(n).as(kind).isZero());
        assertThat(ok.plannedShare()).isEqualTo(1.0);

        // break it: the second visit of a longest route starts with the first, a minute off the grid
        int w = 0;
        for (int i = 0; i < plan.routes().length; i++) {
            if (plan.routes()[i].length > plan.routes()[w].length) {
                w = i;
            }
        }
        int[] route = plan.routes()[w];
        double[] starts = plan.starts().clone();
        int second = Arrays.stream(route)
                .filter(t -> !week.visits().get(t).booked())
                .skip(1)
                .findFirst()
                .orElseThrow();
        starts[second] = starts[route[0]] + 1;
        WeekCheck.Result broken = WeekCheck.check(week, model.workers, plan.routes(), starts);
        assertThat(broken.totalBreaks()).isPositive();
        assertThat(broken.breaks().get("grid")).isEqualTo(1);
        assertThat(broken.breaks().get("travel")).isPositive();

        // and a route given to a clinician of another discipline, more visits than the day allows
        int[][] routes = plan.routes().clone();
        int other = 0;
        while (model.workers.get(other).clinician() == model.workers.get(w).clinician()
                || week.clinicians()
                        .get(model.workers.get(other).clinician())
                        .discipline()
                        .equals(week.clinicians()
                                .get(model.workers.get(w).clinician())
                                .discipline())) {
            other++;
        }
        int[] merged = new int[routes[w].length + routes[other].length];
        System.arraycopy(routes[other], 0, merged, 0, routes[other].length);
        System.arraycopy(routes[w], 0, merged, routes[other].length, routes[w].length);
        routes[other] = merged;
        routes[w] = new int[0];
        WeekCheck.Result wrong = WeekCheck.check(week, model.workers, routes, plan.starts());
        assertThat(wrong.breaks().get("qualification")).isPositive();
    }

    private static String describe(WeekAgency week) {
        StringBuilder s = new StringBuilder();
        week.patients()
                .forEach(p -> s.append(p.address())
                        .append(p.latitude())
                        .append(p.language())
                        .append(Arrays.toString(p.window()))
                        .append(p.preferredClinician())
                        .append('\n'));
        week.clinicians()
                .forEach(c -> s.append(c.name())
                        .append(c.latitude())
                        .append(Arrays.deepToString(c.hours()))
                        .append(c.skills())
                        .append(new java.util.TreeSet<>(c.languages()))
                        .append('\n'));
        week.visits().forEach(v -> s.append(v).append('\n'));
        return s.toString();
    }
}
