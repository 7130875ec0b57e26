package org.hearth.patient.careplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.hearth.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

class CarePlanRulesTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-03");

    static CarePlanContent.Medication medication(String name, String start, String stop) {
        return new CarePlanContent.Medication(
                name,
                "10 mg",
                CarePlanContent.Route.ORAL,
                List.of(LocalTime.of(8, 0)),
                LocalDate.parse(start),
                stop == null ? null : LocalDate.parse(stop));
    }

    static CarePlanContent with(List<CarePlanContent.Problem> problems, List<CarePlanContent.Medication> medications) {
        return new CarePlanContent(problems, List.of(), medications, List.of(), List.of(), List.of(), "SN 2W4");
    }

    @Test
    void aCompleteDraftBreaksNoRule() {
        assertThat(CarePlanRules.violations(CarePlanTest.content("SN 2W4", "Daily weights"), TODAY))
                .isEmpty();
    }

    @Test
    void everyBrokenRuleIsListedWithTheEntryItNames() {
        CarePlanContent content = with(
                List.of(new CarePlanContent.Problem(
                        "Wound",
                        List.of(
                                new CarePlanContent.Goal("Wound closed", "size in cm", TODAY.minusDays(1)),
                                new CarePlanContent.Goal("No infection", "temperature", TODAY)))),
                List.of(
                        medication("Lisinopril", "2026-12-01", "2026-11-30"),
                        medication("lisinopril ", "2026-12-01", null)));

        assertThat(CarePlanRules.violations(content, TODAY))
                .extracting(RuleViolation::rule)
                .containsExactly("GOAL_DATE_PASSED", "MEDICATION_STOPS_BEFORE_START", "MEDICATION_TWICE");
        assertThat(CarePlanRules.violations(content, TODAY).getFirst().message())
                .isEqualTo("The goal \"Wound closed\" has a target date that has already passed (2026-12-02).");
    }

    @Test
    void aPlanWithoutAProblemCannotBeSubmittedAndStaysUnsubmitted() {
        CarePlan plan = CarePlan.none("p-1").withDraft(with(List.of(), List.of()), "carla", CarePlanTest.MONDAY);

        assertThatThrownBy(() -> plan.submit("carla", CarePlanTest.MONDAY, TODAY))
                .isInstanceOfSatisfying(
                        CarePlanRules.Broken.class,
                        e -> assertThat(e.violations())
                                .extracting(RuleViolation::rule)
                                .containsExactly("NO_PROBLEM"));
        assertThat(plan.draft().orElseThrow().submittedAt()).isNull();
    }

    @Test
    void submittingMarksTheDraftAndRewritingItWithdrawsTheSubmission() {
        CarePlan plan = CarePlan.none("p-1")
                .withDraft(CarePlanTest.content("SN 2W4", "Daily weights"), "nina", CarePlanTest.MONDAY);

        CarePlan submitted = plan.submit("carla", CarePlanTest.MONDAY.plusSeconds(60), TODAY);
        assertThat(submitted.draft().orElseThrow().submittedBy()).isEqualTo("carla");
        assertThat(submitted.draft().orElseThrow().submittedAt()).isEqualTo(CarePlanTest.MONDAY.plusSeconds(60));

        CarePlan rewritten = submitted.withDraft(
                CarePlanTest.content("SN 2W3", "Daily weights"), "carla", CarePlanTest.MONDAY.plusSeconds(120));
        assertThat(rewritten.draft().orElseThrow().submittedAt()).isNull();
        assertThatThrownBy(() -> CarePlan.none("p-2").submit("carla", CarePlanTest.MONDAY, TODAY))
                .isInstanceOf(IllegalStateException.class);
    }
}
