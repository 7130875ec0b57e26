package org.hearth.scheduling.patients;

import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** A time of the week the patient (or family) prefers visits in, local to the agency, e.g. MONDAY 09:00-12:00. */
public record TimeWindow(
        @NotNull DayOfWeek day,
        @NotNull LocalTime start,
        @NotNull LocalTime end) {

    public TimeWindow {
        if (day != null && start != null && end != null && !end.isAfter(start)) {
            throw new IllegalArgumentException("timeWindows: " + day + " ends before it starts");
        }
    }

    /** Whether a visit from {@code from} to {@code to} (same day) lies inside this window. */
    public boolean contains(LocalDateTime from, LocalDateTime to) {
        return from.getDayOfWeek() == day
                && from.toLocalDate().equals(to.toLocalDate())
                && !from.toLocalTime().isBefore(start)
                && !to.toLocalTime().isAfter(end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
