package org.hearth.bench.day;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hearth.bench.day.DayMix.Op;
import org.hearth.bench.day.DayMix.Planned;
import org.junit.jupiter.api.Test;

/** The day's rates come from its counts over 10 h at 10×, and a shortened replay keeps those rates. */
class DayMixTest {

    private final DayMix day = DayMix.issueDay(6667, 50_000, 10_000, 500, 1000);

    @Test
    void aTenHourDayAtTenTimesSpeedIsOneHourAndItsRatesAreItsCountsOverThatHour() {
        assertThat(day.compressed()).isEqualTo(Duration.ofHours(1));
        assertThat(day.ratePerSecond(Op.VITALS)).isCloseTo(50_000 / 3600.0, within(1e-9));
        assertThat(day.ratePerSecond(Op.BOOKING)).isCloseTo(1.852, within(0.001));
        assertThat(day.ratePerSecond(Op.CHECK_OUT)).isEqualTo(day.ratePerSecond(Op.BOOKING));
        assertThat(day.ratePerSecond(Op.MESSAGE)).isCloseTo(2.778, within(0.001));
        assertThat(day.totalRatePerSecond())
                .isCloseTo((3 * 6667 + 50_000 + 10_000 + 500 + 1000) / 3600.0, within(1e-9));
        assertThat(day.withSpeed(20).ratePerSecond(Op.VITALS)).isCloseTo(2 * 50_000 / 3600.0, within(1e-9));
    }

    @Test
    void theWholeScheduleHoldsTheDaysCountsInTimeOrder() {
        List<Planned> all = day.schedule(Duration.ofHours(2), Duration.ofSeconds(10));
        Map<Op, Long> counts = all.stream().collect(Collectors.groupingBy(Planned::op, Collectors.counting()));
        assertThat(counts.get(Op.VITALS)).isEqualTo(50_000);
        assertThat(counts.get(Op.MESSAGE)).isEqualTo(10_000);
        assertThat(counts.get(Op.PLAN_SIGNING)).isEqualTo(500);
        assertThat(counts.get(Op.BOOKING)).isEqualTo(6667);
        // check-ins trail the bookings by the lag, so the last few fall after the compressed day's end
        assertThat(counts.get(Op.CHECK_IN)).isBetween(6667L - 20, 6667L);
        assertThat(all).isSortedAccordingTo(java.util.Comparator.comparingLong(Planned::atNanos));
        assertThat(all.getLast().atNanos()).isLessThan(Duration.ofHours(1).toNanos());
    }

    @Test
    void aShortenedReplayRunsTheFirstMinutesAtTheFullRatesWithCheckInsAfterBookings() {
        List<Planned> twoMinutes = day.schedule(Duration.ofMinutes(2), Duration.ofSeconds(10));
        long vitals = twoMinutes.stream().filter(p -> p.op() == Op.VITALS).count();
        assertThat(vitals).isBetween(1666L, 1667L); // 13.89/s × 120 s
        long firstBooking = twoMinutes.stream()
                .filter(p -> p.op() == Op.BOOKING)
                .findFirst()
                .orElseThrow()
                .atNanos();
        long firstCheckIn = twoMinutes.stream()
                .filter(p -> p.op() == Op.CHECK_IN)
                .findFirst()
                .orElseThrow()
                .atNanos();
        long firstCheckOut = twoMinutes.stream()
                .filter(p -> p.op() == Op.CHECK_OUT)
                .findFirst()
                .orElseThrow()
                .atNanos();
        assertThat(firstCheckIn)
                .isGreaterThan(firstBooking)
                .isEqualTo(Duration.ofSeconds(10).toNanos());
        assertThat(firstCheckOut).isEqualTo(Duration.ofSeconds(20).toNanos());
        // evenly spaced: one vital reading every 72 ms
        List<Long> times = twoMinutes.stream()
                .filter(p -> p.op() == Op.VITALS)
                .map(Planned::atNanos)
                .toList();
        assertThat(times.get(11) - times.get(10)).isEqualTo(72_000_000L);
    }
}
