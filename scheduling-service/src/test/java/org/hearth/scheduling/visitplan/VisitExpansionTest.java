package org.hearth.scheduling.visitplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisitExpansionTest {

    static final LocalDate WEDNESDAY = LocalDate.parse("2026-11-25");

    static CarePlanSignedV1 plan(int version, CarePlanSignedV1.Order... orders) {
        return new CarePlanSignedV1(
                "p-1",
                version,
                version > 1 ? version - 1 : null,
                Instant.parse("2026-11-25T15:00:00Z"),
                List.of(orders));
    }

    static CarePlanSignedV1.Order order(String discipline, int... minMaxWeeks) {
        List<CarePlanSignedV1.Segment> segments = new java.util.ArrayList<>();
        for (int i = 0; i < minMaxWeeks.length; i += 3) {
            segments.add(new CarePlanSignedV1.Segment(minMaxWeeks[i], minMaxWeeks[i + 1], minMaxWeeks[i + 2]));
        }
        return new CarePlanSignedV1.Order(discipline, segments, 0);
    }

    @Test
    void twoNursingVisitsForFourWeeksStartingMidWeekMakeAPartialFirstWeekThenSundayToSaturdayWeeks() {
        List<VisitRequirement> weeks = VisitExpansion.expand(plan(1, order("SN", 2, 2, 4)), WEDNESDAY);

        assertThat(weeks)
                .extracting(
                        VisitRequirement::from,
                        VisitRequirement::to,
                        VisitRequirement::minVisits,
                        VisitRequirement::partialWeek)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-28"), 2, true),
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.parse("2026-11-29"), LocalDate.parse("2026-12-05"), 2, false),
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.parse("2026-12-06"), LocalDate.parse("2026-12-12"), 2, false),
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.parse("2026-12-13"), LocalDate.parse("2026-12-19"), 2, false));
    }

    @Test
    void segmentsFollowEachOtherAndRangesKeepTheirBounds() {
        List<VisitRequirement> weeks = VisitExpansion.expand(
                plan(1, order("SN", 3, 3, 1, 2, 2, 2), order("PT", 2, 3, 2)), LocalDate.parse("2026-11-29"));

        assertThat(weeks)
                .extracting(
                        VisitRequirement::discipline,
                        VisitRequirement::from,
                        VisitRequirement::minVisits,
                        VisitRequirement::maxVisits)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PT", LocalDate.parse("2026-11-29"), 2, 3),
                        org.assertj.core.groups.Tuple.tuple("SN", LocalDate.parse("2026-11-29"), 3, 3),
                        org.assertj.core.groups.Tuple.tuple("PT", LocalDate.parse("2026-12-06"), 2, 3),
                        org.assertj.core.groups.Tuple.tuple("SN", LocalDate.parse("2026-12-06"), 2, 2),
                        org.assertj.core.groups.Tuple.tuple("SN", LocalDate.parse("2026-12-13"), 2, 2));
    }

    @Test
    void aOneDayFirstWeekNeverAsksForMoreThanThreeVisits() {
        List<VisitRequirement> weeks =
                VisitExpansion.expand(plan(1, order("HHA", 7, 7, 2)), LocalDate.parse("2026-11-28"));

        assertThat(weeks.getFirst().minVisits()).isEqualTo(3);
        assertThat(weeks.getFirst().partialWeek()).isTrue();
        assertThat(weeks.get(1).minVisits()).isEqualTo(7);
    }

    @Test
    void aRevisionKeepsTheWeeksThatHaveBegunAndReplacesTheFutureOnes() {
        List<VisitRequirement> original = VisitExpansion.expand(plan(1, order("SN", 2, 2, 4)), WEDNESDAY);
        LocalDate revisedOn = LocalDate.parse("2026-12-02"); // Wednesday of week 2

        List<VisitRequirement> revised =
                VisitExpansion.revise(original, plan(2, order("SN", 3, 3, 2), order("OT", 1, 1, 2)), revisedOn);

        assertThat(revised)
                .filteredOn(r -> r.planVersion() == 1)
                .extracting(VisitRequirement::from)
                .containsExactly(LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-29"));
        assertThat(revised)
                .filteredOn(r -> r.planVersion() == 2)
                .extracting(VisitRequirement::discipline, VisitRequirement::from, VisitRequirement::minVisits)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("OT", LocalDate.parse("2026-12-06"), 1),
                        org.assertj.core.groups.Tuple.tuple("SN", LocalDate.parse("2026-12-06"), 3),
                        org.assertj.core.groups.Tuple.tuple("OT", LocalDate.parse("2026-12-13"), 1),
                        org.assertj.core.groups.Tuple.tuple("SN", LocalDate.parse("2026-12-13"), 3));
    }
}
