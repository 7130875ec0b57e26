package org.hearth.bench.day;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A clinician's visits are booked back to back from a few minutes ahead, within the day's limit and check-in. */
class SlotsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void visitsFollowEachOtherFromFiveMinutesAheadUntilTheDayIsFull() {
        Instant now = Instant.parse("2026-12-04T15:00:20Z"); // 10:00 in New York
        Slots slots = Slots.none();
        Slots.Slot first = slots.next(now, NEW_YORK).orElseThrow();
        assertThat(first.start()).isEqualTo(Instant.parse("2026-12-04T15:06:00Z"));
        assertThat(first.end()).isEqualTo(Instant.parse("2026-12-04T15:16:00Z"));
        Slots.Slot second = first.after().next(now, NEW_YORK).orElseThrow();
        assertThat(second.start()).isEqualTo(first.end());
        Slots full = new Slots(LocalDate.of(2026, 12, 4), Slots.MAX_PER_DAY, first.end());
        assertThat(full.next(now, NEW_YORK)).isEmpty();
    }

    @Test
    void aSlotBeyondTheCheckInWindowIsNotBookedAndOneCrossingMidnightMovesToTheNextDay() {
        Instant now = Instant.parse("2026-12-04T15:00:00Z");
        Slots late = new Slots(LocalDate.of(2026, 12, 4), 3, Instant.parse("2026-12-04T17:00:00Z"));
        assertThat(late.next(now, NEW_YORK))
                .as("starts 2 h ahead: check-in would not open in time")
                .isEmpty();

        Instant beforeMidnight = Instant.parse("2026-12-05T04:52:00Z"); // 23:52 in New York
        Slots.Slot next = new Slots(LocalDate.of(2026, 12, 4), 11, Instant.EPOCH)
                .next(beforeMidnight, NEW_YORK)
                .orElseThrow();
        assertThat(next.start()).isEqualTo(Instant.parse("2026-12-05T05:00:00Z"));
        assertThat(next.after())
                .isEqualTo(new Slots(LocalDate.of(2026, 12, 5), 1, Instant.parse("2026-12-05T05:10:00Z")));
    }

    @Test
    void agenciesShareTheTotalsWithTheRemaindersFirst() {
        List<DayAgency> plan = DayAgency.plan(3, 10, 13);
        assertThat(plan).extracting(DayAgency::patients).containsExactly(4, 3, 3);
        assertThat(plan.get(0).clinicians()).hasSize(5);
        assertThat(plan.get(1).clinicians())
                .extracting(DayAgency.Clinician::discipline)
                .containsExactly("RN", "RN", "PT", "OT");
        assertThat(DayAgency.plan(50, 5000, 600).getFirst().clinicians())
                .extracting(DayAgency.Clinician::discipline)
                .filteredOn("RN"::equals)
                .hasSize(6);
    }
}
