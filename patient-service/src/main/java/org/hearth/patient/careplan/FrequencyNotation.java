package org.hearth.patient.careplan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the visit frequency notation clinicians write on a plan of care: "SN 2W4, PT 3W2, OT 1W4". A
 * discipline code starts an order; the segments after it, separated by commas or semicolons, belong to it
 * until the next code: "SN 3W1, 2W4, 2 PRN, PT 2-3W3". Each discipline may appear once, and its weekly
 * segments may not run past the nine weeks of a certification period.
 *
 * <p>Errors name the part that is wrong, so that a clinician can fix it without guessing.
 */
public final class FrequencyNotation {

    private static final Pattern DISCIPLINE_PREFIX = Pattern.compile("^([A-Za-z]+)\\s*(.*)$");
    private static final Pattern WEEKLY = Pattern.compile("^(\\d{1,2})(?:\\s*-\\s*(\\d{1,2}))?\\s*[Ww]\\s*(\\d{1,2})$");
    private static final Pattern PRN =
            Pattern.compile("^(\\d{1,2})\\s*PRN$|^PRN\\s*[xX]?\\s*(\\d{1,2})$", Pattern.CASE_INSENSITIVE);
    private static final int MAX_LENGTH = 500;

    private FrequencyNotation() {}

    /** A frequency that cannot be read; {@link #getMessage()} says which part and why. */
    public static final class InvalidFrequencyException extends IllegalArgumentException {
        InvalidFrequencyException(String message) {
            super(message);
        }
    }

    public static List<FrequencyOrder> parse(String notation) {
        if (notation == null || notation.isBlank()) {
            throw new InvalidFrequencyException("frequency is empty; write for example \"SN 2W4, PT 3W2\"");
        }
        if (notation.length() > MAX_LENGTH) {
            throw new InvalidFrequencyException("frequency is longer than " + MAX_LENGTH + " characters");
        }
        Map<Discipline, Builder> orders = new LinkedHashMap<>();
        Builder current = null;
        for (String raw : notation.split("[,;]")) {
            String part = raw.strip();
            if (part.isEmpty()) {
                throw new InvalidFrequencyException("empty part between separators in \"" + notation.strip() + "\"");
            }
            Matcher prefixed = DISCIPLINE_PREFIX.matcher(part);
            if (prefixed.matches() && !PRN.matcher(part).matches()) {
                Discipline discipline = Discipline.ofCode(prefixed.group(1))
                        .orElseThrow(() -> new InvalidFrequencyException("unknown discipline \"" + prefixed.group(1)
                                + "\"; use one of " + List.of(Discipline.values())));
                if (orders.containsKey(discipline)) {
                    throw new InvalidFrequencyException(
                            discipline + " appears twice; list its segments after one code");
                }
                current = new Builder(discipline);
                orders.put(discipline, current);
                part = prefixed.group(2).strip();
                if (part.isEmpty()) {
                    throw new InvalidFrequencyException(
                            discipline + " has no frequency; write e.g. \"" + discipline + " 2W4\"");
                }
            }
            if (current == null) {
                throw new InvalidFrequencyException(
                        "\"" + part + "\" needs a discipline first, e.g. \"SN " + part + "\"");
            }
            current.add(part);
        }
        return orders.values().stream().map(Builder::build).toList();
    }

    /** The canonical notation of orders, the inverse of {@link #parse}. */
    public static String format(List<FrequencyOrder> orders) {
        return String.join(", ", orders.stream().map(FrequencyOrder::toString).toList());
    }

    private static final class Builder {
        private final Discipline discipline;
        private final List<FrequencyOrder.Segment> segments = new ArrayList<>();
        private int prn;

        Builder(Discipline discipline) {
            this.discipline = discipline;
        }

        void add(String part) {
            Matcher weekly = WEEKLY.matcher(part);
            Matcher prnVisits = PRN.matcher(part);
            if (weekly.matches()) {
                if (prn > 0) {
                    throw new InvalidFrequencyException(discipline + ": PRN visits come after the weekly segments");
                }
                int low = Integer.parseInt(weekly.group(1));
                int high = weekly.group(2) == null ? low : Integer.parseInt(weekly.group(2));
                try {
                    segments.add(new FrequencyOrder.Segment(low, high, Integer.parseInt(weekly.group(3))));
                } catch (IllegalArgumentException e) {
                    throw new InvalidFrequencyException(discipline + " \"" + part + "\": " + e.getMessage());
                }
            } else if (prnVisits.matches()) {
                if (prn > 0) {
                    throw new InvalidFrequencyException(discipline + " has PRN visits twice");
                }
                prn = Integer.parseInt(prnVisits.group(1) != null ? prnVisits.group(1) : prnVisits.group(2));
                if (prn < 1) {
                    throw new InvalidFrequencyException(discipline + ": PRN visits must be at least 1");
                }
            } else {
                throw new InvalidFrequencyException(discipline + " \"" + part
                        + "\" is not a frequency; write visits per week and weeks (\"2W4\", \"2-3W4\") or \"2 PRN\"");
            }
        }

        FrequencyOrder build() {
            if (segments.isEmpty() && prn == 0) {
                throw new InvalidFrequencyException(discipline + " has no visits");
            }
            FrequencyOrder order = new FrequencyOrder(discipline, segments, prn);
            if (order.totalWeeks() > FrequencyOrder.MAX_WEEKS) {
                throw new InvalidFrequencyException(discipline + " spans " + order.totalWeeks()
                        + " weeks; a certification period has at most " + FrequencyOrder.MAX_WEEKS);
            }
            return order;
        }
    }
}
