package org.hearth.bench.day;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The day S7 replays (issue 27): how many operations of each class a working day of 50 agencies holds, and the
 * open-loop schedule that replays it faster than real time. Pure arithmetic, so the rates can be checked by a test.
 *
 * <p>The issue's "20,000 visit bookings, check-ins and check-outs" is read as 20,000 EVV-day operations in all:
 * 6,667 visits, each booked, checked in and checked out. Read as 20,000 of each, 600 clinicians would make 33
 * visits a day, and the product refuses a 13th (a clinician's {@code maxVisitsPerDay} is 1 to 12): such a day
 * cannot exist. Plan signings and eligibility checks have no count in the issue; 500 and 1,000 are our guesses
 * (a tenth of the patients get a revised plan, a fifth are checked with their payer). Every count is a knob.
 */
public record DayMix(Map<Op, Integer> perDay, Duration workingDay, double speed) {

    /** The operation classes, each done by the persona the product gives it to. */
    public enum Op {
        BOOKING("visit booking", "coordinator"),
        CHECK_IN("EVV check-in", "clinician"),
        CHECK_OUT("EVV check-out", "clinician"),
        VITALS("vital reading", "clinician"),
        MESSAGE("message", "clinician/coordinator/physician"),
        PLAN_SIGNING("plan signing", "coordinator drafts, physician signs"),
        ELIGIBILITY("eligibility check", "billing");

        public final String label;
        public final String persona;

        Op(String label, String persona) {
            this.label = label;
            this.persona = persona;
        }
    }

    /** One planned operation: when (from the replay's start) and which class; {@code seq} counts within the class. */
    public record Planned(long atNanos, Op op, int seq) {}

    public DayMix {
        perDay = new EnumMap<>(perDay);
        if (speed <= 0 || workingDay.isNegative() || workingDay.isZero()) {
            throw new IllegalArgumentException("a day of positive length and a positive speed are required");
        }
    }

    /** The issue's day: 10 working hours at 10× speed (a compressed day of one hour). */
    public static DayMix issueDay(int visits, int vitals, int messages, int signings, int eligibility) {
        Map<Op, Integer> counts = new EnumMap<>(Op.class);
        counts.put(Op.BOOKING, visits);
        counts.put(Op.CHECK_IN, visits);
        counts.put(Op.CHECK_OUT, visits);
        counts.put(Op.VITALS, vitals);
        counts.put(Op.MESSAGE, messages);
        counts.put(Op.PLAN_SIGNING, signings);
        counts.put(Op.ELIGIBILITY, eligibility);
        return new DayMix(counts, Duration.ofHours(10), 10);
    }

    /** The same day replayed at another speed (the rates scale with it). */
    public DayMix withSpeed(double faster) {
        return new DayMix(perDay, workingDay, faster);
    }

    /** The real day replayed at {@code speed}: 10 h at 10× is 3,600 s. */
    public Duration compressed() {
        return Duration.ofNanos(Math.round(workingDay.toNanos() / speed));
    }

    /** Operations per second of the compressed day: the day's count over its compressed length. */
    public double ratePerSecond(Op op) {
        return perDay.getOrDefault(op, 0) / (compressed().toNanos() / 1e9);
    }

    public double totalRatePerSecond() {
        return perDay.keySet().stream().mapToDouble(this::ratePerSecond).sum();
    }

    /**
     * The first {@code length} of the compressed day at the day's full rates, in time order. Each class is spaced
     * evenly (an open-loop schedule: operations are due at these times whatever the answers take). A check-in
     * trails its class's bookings by {@code lag}, a check-out the check-ins by another, so that the visit it acts on
     * was booked (checked in) first; the other classes start at once, each with its own small phase so that the
     * classes do not all fire on the same instant.
     */
    public List<Planned> schedule(Duration length, Duration lag) {
        long end = Math.min(length.toNanos(), compressed().toNanos());
        List<Planned> planned = new ArrayList<>();
        int index = 0;
        for (Op op : Op.values()) {
            double rate = ratePerSecond(op);
            index++;
            if (rate <= 0) {
                continue;
            }
            long interval = Math.round(1e9 / rate);
            long start = switch (op) {
                case CHECK_IN -> lag.toNanos();
                case CHECK_OUT -> 2 * lag.toNanos();
                default -> interval * index / (Op.values().length + 1);
            };
            int seq = 0;
            for (long at = start; at < end; at = start + (long) (++seq) * interval) {
                planned.add(new Planned(at, op, seq));
            }
        }
        planned.sort(Comparator.comparingLong(Planned::atNanos));
        return planned;
    }

    /** The day's counts and the rates they become, one line per class. */
    public String describe() {
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "a working day of %d h at %.0f× speed = %d s; %.2f operations/s in all%n",
                workingDay.toHours(),
                speed,
                compressed().toSeconds(),
                totalRatePerSecond()));
        for (Op op : Op.values()) {
            text.append(String.format(
                    Locale.ROOT,
                    "  %-18s %7d a day  %6.2f/s  by the %s%n",
                    op.label,
                    perDay.getOrDefault(op, 0),
                    ratePerSecond(op),
                    op.persona));
        }
        return text.toString();
    }
}
