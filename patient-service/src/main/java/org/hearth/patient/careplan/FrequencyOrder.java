package org.hearth.patient.careplan;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How often one discipline visits, as ordered in the plan of care: a run of weekly segments and optionally
 * a number of as-needed (PRN) visits. "SN 3W1, 2W4, 2 PRN" is three visits in week 1, then two a week for
 * four weeks, plus up to two visits when needed.
 *
 * @param discipline who visits
 * @param segments   consecutive weekly segments, in order
 * @param prnVisits  as-needed visits allowed over the whole order (0 if none)
 */
public record FrequencyOrder(Discipline discipline, List<Segment> segments, int prnVisits) {

    /** The longest plan period: a 60-day certification spans at most 9 calendar weeks. */
    public static final int MAX_WEEKS = 9;

    public FrequencyOrder {
        Objects.requireNonNull(discipline, "discipline");
        segments = List.copyOf(segments);
        if (segments.isEmpty() && prnVisits == 0) {
            throw new IllegalArgumentException(discipline + " has no visits");
        }
    }

    /**
     * Visits per week for {@code weeks} consecutive weeks. A range ("2-3W4") lets the clinician choose within
     * it; a fixed count has {@code minPerWeek == maxPerWeek}.
     */
    public record Segment(int minPerWeek, int maxPerWeek, int weeks) {
        /** At most three visits a day, every day. */
        public static final int MAX_PER_WEEK = 21;

        public Segment {
            if (minPerWeek < 1 || maxPerWeek > MAX_PER_WEEK || minPerWeek > maxPerWeek) {
                throw new IllegalArgumentException("visits per week must be 1 to " + MAX_PER_WEEK
                        + (minPerWeek > maxPerWeek ? ", low before high" : ""));
            }
            if (weeks < 1 || weeks > MAX_WEEKS) {
                throw new IllegalArgumentException("weeks must be 1 to " + MAX_WEEKS);
            }
        }

        @Override
        public String toString() {
            return (minPerWeek == maxPerWeek ? "" + minPerWeek : minPerWeek + "-" + maxPerWeek) + "W" + weeks;
        }
    }

    public int totalWeeks() {
        return segments.stream().mapToInt(Segment::weeks).sum();
    }

    /** The most scheduled visits the order allows, PRN visits excluded: what scheduling plans at most. */
    public int maxScheduledVisits() {
        return segments.stream().mapToInt(s -> s.maxPerWeek() * s.weeks()).sum();
    }

    /** The canonical notation, e.g. {@code SN 3W1, 2W4, 2 PRN}. */
    @Override
    public String toString() {
        String weekly = segments.stream().map(Segment::toString).collect(Collectors.joining(", "));
        String prn = prnVisits == 0 ? "" : prnVisits + " PRN";
        return discipline + " " + (weekly.isEmpty() ? prn : prn.isEmpty() ? weekly : weekly + ", " + prn);
    }
}
