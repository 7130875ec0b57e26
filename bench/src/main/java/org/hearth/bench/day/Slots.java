package org.hearth.bench.day;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When the replay books a clinician's next visit. The product's rules decide: a start not in the past, no overlap
 * with the clinician's other visits, at most {@link #MAX_PER_DAY} visits a day (the roster's limit, in the agency's
 * zone), and check-in open only from two hours before the start until the end of that day. So visits are short
 * (10 minutes), back to back at the patients' one address (no travel), from a few minutes after now; a slot that
 * would cross midnight moves to the next day, and a clinician whose day is full gets none.
 *
 * @param day the agency day the clinician's count is for; {@code used} visits booked that day; {@code free} the
 *     end of the last booked slot
 */
record Slots(LocalDate day, int used, Instant free) {

    static final int MAX_PER_DAY = 12;
    static final Duration LENGTH = Duration.ofMinutes(10);
    static final Duration LEAD = Duration.ofMinutes(5);
    static final Duration CHECK_IN_OPENS = Duration.ofHours(2);

    /** A booked slot and the clinician's state after it. */
    record Slot(Instant start, Instant end, Slots after) {}

    static Slots none() {
        return new Slots(LocalDate.MIN, 0, Instant.EPOCH);
    }

    /**
     * The next slot at or after {@code now + LEAD} (on a minute), or empty when the clinician's day is full or the
     * slot would start later than check-in allows a visit booked {@code now} to be checked in soon after.
     */
    Optional<Slot> next(Instant now, ZoneId zone) {
        Instant earliest = now.plus(LEAD).plusSeconds(59).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant start = free.isAfter(earliest) ? free : earliest;
        ZonedDateTime local = start.atZone(zone);
        ZonedDateTime midnight = local.toLocalDate().plusDays(1).atStartOfDay(zone);
        if (local.plus(LENGTH).isAfter(midnight)) {
            start = midnight.toInstant();
            local = midnight;
        }
        LocalDate startDay = local.toLocalDate();
        int count = startDay.equals(day) ? used : 0;
        if (count >= MAX_PER_DAY || start.isAfter(now.plus(CHECK_IN_OPENS).minus(LEAD))) {
            return Optional.empty();
        }
        Instant end = start.plus(LENGTH);
        return Optional.of(new Slot(start, end, new Slots(startDay, count + 1, end)));
    }
}
