package org.hearth.patient.transitions;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * Business days: Monday to Friday except US federal holidays, each moved to the Friday before or the Monday
 * after when it falls on a weekend (the observed day, as agencies and payers count).
 */
public final class BusinessCalendar {

    private BusinessCalendar() {}

    /** The date {@code days} business days after {@code start} (start itself does not count). */
    public static LocalDate addBusinessDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate date = start;
        int added = 0;
        while (added < days) {
            date = date.plusDays(1);
            if (isBusinessDay(date)) {
                added++;
            }
        }
        return date;
    }

    public static boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY
                && day != DayOfWeek.SUNDAY
                && !federalHolidays(date.getYear()).contains(date)
                && !federalHolidays(date.getYear() + 1).contains(date); // Jan 1 observed on Dec 31
    }

    /** The observed federal holidays of {@code year}. */
    static Set<LocalDate> federalHolidays(int year) {
        return Set.of(
                observed(LocalDate.of(year, Month.JANUARY, 1)),
                nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3), // Martin Luther King Jr. Day
                nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3), // Washington's Birthday
                LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)), // Memorial Day
                observed(LocalDate.of(year, Month.JUNE, 19)), // Juneteenth
                observed(LocalDate.of(year, Month.JULY, 4)),
                nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1), // Labor Day
                nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2), // Columbus Day
                observed(LocalDate.of(year, Month.NOVEMBER, 11)), // Veterans Day
                nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4), // Thanksgiving
                observed(LocalDate.of(year, Month.DECEMBER, 25)));
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }
}
