package org.hearth.patient.transitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTest {

    @ParameterizedTest(name = "{0} + {1} business days = {2}")
    @CsvSource({
        "2026-11-16, 2, 2026-11-18", // Monday: plain weekdays
        "2026-11-19, 2, 2026-11-23", // Thursday: the weekend is skipped
        "2026-11-20, 2, 2026-11-24", // Friday
        "2026-11-21, 2, 2026-11-24", // Saturday: the count starts on Monday
        "2026-11-25, 2, 2026-11-30", // Wednesday before Thanksgiving (Thu 26)
        "2026-07-02, 1, 2026-07-06", // Independence Day on a Saturday is observed Friday 3 July
        "2027-12-23, 2, 2027-12-28", // Christmas 2027 (Sat) observed Fri 24 December
        "2027-12-30, 1, 2028-01-03", // New Year 2028 (Sat) observed Fri 31 December 2027
        "2026-01-16, 1, 2026-01-20", // Martin Luther King Jr. Day, Monday 19 January
        "2026-11-20, 0, 2026-11-20"
    })
    void countsBusinessDaysAcrossWeekendsAndHolidays(LocalDate start, int days, LocalDate expected) {
        assertThat(BusinessCalendar.addBusinessDays(start, days)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-05-25, false",
        "2026-09-07, false",
        "2026-10-12, false",
        "2026-11-11, false",
        "2026-11-26, false",
        "2026-06-19, false",
        "2026-11-27, true",
        "2026-11-28, false"
    })
    void knowsTheFederalHolidays(LocalDate date, boolean businessDay) {
        assertThat(BusinessCalendar.isBusinessDay(date)).isEqualTo(businessDay);
    }
}
