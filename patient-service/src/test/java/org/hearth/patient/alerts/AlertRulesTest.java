package org.hearth.patient.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hearth.patient.observations.Observation;
import org.hearth.patient.observations.ObservationSource;
import org.hearth.patient.observations.Vital;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final LocalDate MONDAY = LocalDate.parse("2026-11-16");

    static Observation reading(String id, Vital vital, double value, LocalDate day, LocalTime time) {
        return new Observation(
                id,
                "p-1",
                vital,
                value,
                day.atTime(time).atZone(CHICAGO).toInstant(),
                ObservationSource.DEVICE,
                "cuff",
                Instant.EPOCH);
    }

    /** One week of home blood pressure: a morning and an evening reading each day. */
    static List<Observation> week(double... mornings) {
        List<Observation> readings = new ArrayList<>();
        for (int day = 0; day < mornings.length; day++) {
            readings.add(
                    reading("m" + day, Vital.SYSTOLIC_BP, mornings[day], MONDAY.plusDays(day), LocalTime.of(7, 30)));
            readings.add(reading("e" + day, Vital.SYSTOLIC_BP, 128, MONDAY.plusDays(day), LocalTime.of(20, 0)));
        }
        return readings;
    }

    static List<AlertRules.Finding> evaluateLast(List<Observation> readings) {
        Observation latest = readings.stream()
                .max(java.util.Comparator.comparing(Observation::observedAt))
                .orElseThrow();
        return AlertRules.evaluate(latest, readings, CHICAGO);
    }

    @Test
    void flagsSystolicAt150OrMoreOnThreeOfTheLastFiveMornings() {
        List<Observation> readings = week(132, 128, 151, 140, 155, 138, 150);
        Observation sundayMorning = readings.get(12);

        List<AlertRules.Finding> findings = AlertRules.evaluate(sundayMorning, readings, CHICAGO);

        assertThat(findings).extracting(AlertRules.Finding::rule).containsExactly("MORNING_SYSTOLIC_150_3_OF_5");
        assertThat(findings.getFirst().observationIds()).containsExactly("m2", "m4", "m6");
        assertThat(findings.getFirst().severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void twoHighMorningsInTheLastFiveAreNotATrend() {
        List<Observation> readings = week(160, 158, 130, 140, 155, 138, 150);

        assertThat(AlertRules.morningHypertension(readings, readings.get(12).observedAt(), CHICAGO))
                .isEmpty();
    }

    @Test
    void eveningReadingsDoNotCountAsMornings() {
        List<Observation> readings = new ArrayList<>(week(130, 130, 130, 130, 130));
        for (int day = 0; day < 5; day++) {
            readings.add(reading("late" + day, Vital.SYSTOLIC_BP, 170, MONDAY.plusDays(day), LocalTime.of(22, 0)));
        }

        assertThat(AlertRules.morningHypertension(
                        readings, MONDAY.plusDays(5).atStartOfDay(CHICAGO).toInstant(), CHICAGO))
                .isEmpty();
    }

    @Test
    void onlyTheFirstReadingOfEachMorningCounts() {
        List<Observation> readings = new ArrayList<>(week(130, 131, 132));
        for (int day = 0; day < 3; day++) {
            readings.add(reading("retake" + day, Vital.SYSTOLIC_BP, 165, MONDAY.plusDays(day), LocalTime.of(7, 45)));
        }

        assertThat(AlertRules.morningHypertension(
                        readings, MONDAY.plusDays(3).atStartOfDay(CHICAGO).toInstant(), CHICAGO))
                .isEmpty();
    }

    @Test
    void morningIsReadInTheAgencysTimeZone() {
        // 07:30 in Chicago is 13:30 UTC: read in UTC these would not be mornings at all
        List<Observation> readings = week(155, 156, 157);

        assertThat(AlertRules.morningHypertension(
                        readings, MONDAY.plusDays(3).atStartOfDay(CHICAGO).toInstant(), CHICAGO))
                .isPresent();
        assertThat(AlertRules.morningHypertension(
                        readings, MONDAY.plusDays(3).atStartOfDay(CHICAGO).toInstant(), ZoneId.of("UTC")))
                .isEmpty();
    }

    @Test
    void aSingleReadingRaisesOnlyTheMostSevereThresholdItBreaches() {
        Observation crisis = reading("x", Vital.SYSTOLIC_BP, 186, MONDAY, LocalTime.of(20, 0));

        List<AlertRules.Finding> findings = AlertRules.evaluate(crisis, List.of(crisis), CHICAGO);

        assertThat(findings)
                .extracting(AlertRules.Finding::rule, AlertRules.Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SYSTOLIC_BP_AT_OR_ABOVE_180", Severity.CRITICAL));
        assertThat(findings.getFirst().description()).isEqualTo("SYSTOLIC_BP 186 mm[Hg] >= 180");
    }

    @Test
    void lowOxygenIsCriticalBelow88AndHighBelow92() {
        Observation low = reading("o1", Vital.SPO2, 90, MONDAY, LocalTime.NOON);
        Observation veryLow = reading("o2", Vital.SPO2, 86, MONDAY, LocalTime.NOON);

        assertThat(AlertRules.evaluate(low, List.of(low), CHICAGO))
                .extracting(AlertRules.Finding::severity)
                .containsExactly(Severity.HIGH);
        assertThat(AlertRules.evaluate(veryLow, List.of(veryLow), CHICAGO))
                .extracting(AlertRules.Finding::severity)
                .containsExactly(Severity.CRITICAL);
    }

    @Test
    void aWeightGainOfTwoKilogramsWithinAWeekIsFlagged() {
        List<Observation> weights = List.of(
                reading("w0", Vital.WEIGHT, 80.0, MONDAY, LocalTime.of(7, 0)),
                reading("w1", Vital.WEIGHT, 79.6, MONDAY.plusDays(1), LocalTime.of(7, 0)),
                reading("w2", Vital.WEIGHT, 80.9, MONDAY.plusDays(3), LocalTime.of(7, 0)),
                reading("w3", Vital.WEIGHT, 81.7, MONDAY.plusDays(5), LocalTime.of(7, 0)));

        assertThat(evaluateLast(weights))
                .extracting(AlertRules.Finding::rule, AlertRules.Finding::description)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("WEIGHT_GAIN_2KG_7_DAYS", "WEIGHT up 2.1 kg in 7 days"));
        assertThat(evaluateLast(weights.subList(0, 3))).isEmpty();
    }

    @Test
    void aPatientsOwnLimitReplacesTheDefaultAndTheMostSevereBreachStillWins() {
        Observation reading = reading("x", Vital.SYSTOLIC_BP, 152, MONDAY, LocalTime.of(20, 0));
        Observation crisis = reading("y", Vital.SYSTOLIC_BP, 185, MONDAY, LocalTime.of(21, 0));
        java.util.Map<String, Double> earlier = java.util.Map.of("SYSTOLIC_BP_HIGH_HIGH", 150.0);

        assertThat(AlertRules.evaluate(reading, List.of(reading), CHICAGO)).isEmpty();
        assertThat(AlertRules.evaluate(reading, List.of(reading), CHICAGO, earlier))
                .extracting(AlertRules.Finding::rule)
                .containsExactly("SYSTOLIC_BP_AT_OR_ABOVE_150");
        assertThat(AlertRules.evaluate(crisis, List.of(crisis), CHICAGO, earlier))
                .extracting(AlertRules.Finding::severity)
                .containsExactly(Severity.CRITICAL);
    }

    @Test
    void everyDefaultThresholdHasAUniqueKey() {
        assertThat(AlertRules.defaults())
                .extracting(AlertRules.Threshold::key)
                .doesNotHaveDuplicates()
                .contains("SYSTOLIC_BP_HIGH_CRITICAL", "SPO2_LOW_HIGH");
    }

    @Test
    void normalReadingsRaiseNothing() {
        assertThat(evaluateLast(week(120, 118, 125, 130, 122, 119, 121))).isEmpty();
    }
}
