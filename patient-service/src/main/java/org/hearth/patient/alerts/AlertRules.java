package org.hearth.patient.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.patient.observations.Observation;
import org.hearth.patient.observations.Vital;

/**
 * The default alert rules: single-reading thresholds and two trend rules that clinicians ask for in home
 * health (morning hypertension, heart-failure weight gain). Pure functions of the readings, so every rule is
 * tested on a week of data without a database.
 */
public final class AlertRules {

    /** How far back trend rules look. */
    public static final Duration LOOKBACK = Duration.ofDays(8);

    static final LocalTime MORNING_START = LocalTime.of(5, 0);
    static final LocalTime MORNING_END = LocalTime.NOON;

    private AlertRules() {}

    /** A rule that fired, with the readings that made it fire. */
    public record Finding(String rule, Severity severity, String description, List<String> observationIds) {}

    /**
     * A single-reading threshold. {@code key} names it for per-patient overrides of its limit (e.g. a systolic
     * limit of 150 for a patient whose PCP wants to hear earlier); the rule that fires carries the limit used.
     */
    public record Threshold(Vital vital, boolean above, double limit, Severity severity) {
        boolean breachedBy(double value) {
            return above ? value >= limit : value < limit;
        }

        String rule() {
            return vital + (above ? "_AT_OR_ABOVE_" : "_BELOW_") + stripZero(limit);
        }

        public String key() {
            return vital + (above ? "_HIGH_" : "_LOW_") + severity;
        }

        Threshold withLimit(Double override) {
            return override == null ? this : new Threshold(vital, above, override, severity);
        }
    }

    /** The default thresholds, most severe first per vital and direction. */
    public static List<Threshold> defaults() {
        return THRESHOLDS;
    }

    /** Ordered most severe first per vital: a reading raises only the most severe threshold it breaches. */
    private static final List<Threshold> THRESHOLDS = List.of(
            new Threshold(Vital.SYSTOLIC_BP, true, 180, Severity.CRITICAL),
            new Threshold(Vital.SYSTOLIC_BP, true, 160, Severity.HIGH),
            new Threshold(Vital.SYSTOLIC_BP, false, 90, Severity.HIGH),
            new Threshold(Vital.DIASTOLIC_BP, true, 110, Severity.CRITICAL),
            new Threshold(Vital.HEART_RATE, true, 130, Severity.HIGH),
            new Threshold(Vital.HEART_RATE, false, 45, Severity.HIGH),
            new Threshold(Vital.SPO2, false, 88, Severity.CRITICAL),
            new Threshold(Vital.SPO2, false, 92, Severity.HIGH),
            new Threshold(Vital.TEMPERATURE, true, 39.5, Severity.HIGH),
            new Threshold(Vital.TEMPERATURE, true, 38.0, Severity.WARNING),
            new Threshold(Vital.GLUCOSE, false, 54, Severity.CRITICAL),
            new Threshold(Vital.GLUCOSE, false, 70, Severity.HIGH),
            new Threshold(Vital.GLUCOSE, true, 400, Severity.CRITICAL),
            new Threshold(Vital.GLUCOSE, true, 300, Severity.HIGH),
            new Threshold(Vital.PAIN, true, 8, Severity.HIGH));

    /**
     * Findings for a new reading, given the patient's readings of the same vital over {@link #LOOKBACK} (the new
     * one included), in the agency's time zone.
     */
    public static List<Finding> evaluate(Observation reading, List<Observation> recent, ZoneId zone) {
        return evaluate(reading, recent, zone, Map.of());
    }

    /** As {@link #evaluate(Observation, List, ZoneId)}, with this patient's limits replacing the defaults by key. */
    public static List<Finding> evaluate(
            Observation reading, List<Observation> recent, ZoneId zone, Map<String, Double> limits) {
        List<Finding> findings = new ArrayList<>();
        List<Threshold> effective = THRESHOLDS.stream()
                .filter(t -> t.vital() == reading.vital())
                .map(t -> t.withLimit(limits.get(t.key())))
                .toList();
        mostSevereBreach(effective, true, reading).ifPresent(t -> findings.add(threshold(t, reading)));
        mostSevereBreach(effective, false, reading).ifPresent(t -> findings.add(threshold(t, reading)));
        if (reading.vital() == Vital.SYSTOLIC_BP) {
            morningHypertension(recent, reading.observedAt(), zone).ifPresent(findings::add);
        }
        if (reading.vital() == Vital.WEIGHT) {
            weightGain(recent, reading.observedAt()).ifPresent(findings::add);
        }
        return findings;
    }

    /** Systolic at or above 150 on at least 3 of the last 5 mornings that have a reading (first reading of each). */
    static Optional<Finding> morningHypertension(List<Observation> recent, Instant now, ZoneId zone) {
        Map<LocalDate, Observation> firstByMorning = new LinkedHashMap<>();
        recent.stream()
                .filter(o -> !o.observedAt().isAfter(now))
                .sorted(Comparator.comparing(Observation::observedAt))
                .filter(o -> isMorning(o.observedAt(), zone))
                .forEach(o -> firstByMorning.putIfAbsent(LocalDate.ofInstant(o.observedAt(), zone), o));
        List<Observation> mornings = new ArrayList<>(firstByMorning.values());
        List<Observation> lastFive = mornings.subList(Math.max(0, mornings.size() - 5), mornings.size());
        List<Observation> high = lastFive.stream().filter(o -> o.value() >= 150).toList();
        if (high.size() < 3) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                "MORNING_SYSTOLIC_150_3_OF_5",
                Severity.HIGH,
                "SYSTOLIC_BP >= 150 mm[Hg] on " + high.size() + " of the last " + lastFive.size() + " mornings",
                high.stream().map(Observation::id).toList()));
    }

    /** Weight up 2 kg or more within 7 days: fluid retention in heart failure. */
    static Optional<Finding> weightGain(List<Observation> recent, Instant now) {
        List<Observation> week = recent.stream()
                .filter(o -> !o.observedAt().isAfter(now) && o.observedAt().isAfter(now.minus(Duration.ofDays(7))))
                .sorted(Comparator.comparing(Observation::observedAt))
                .toList();
        if (week.size() < 2) {
            return Optional.empty();
        }
        Observation latest = week.getLast();
        Observation lowest = week.stream()
                .min(Comparator.comparingDouble(Observation::value))
                .orElseThrow();
        double gain = latest.value() - lowest.value();
        if (lowest.observedAt().isAfter(latest.observedAt()) || gain < 2.0) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                "WEIGHT_GAIN_2KG_7_DAYS",
                Severity.HIGH,
                "WEIGHT up " + stripZero(Math.round(gain * 10) / 10.0) + " kg in 7 days",
                List.of(lowest.id(), latest.id())));
    }

    private static Optional<Threshold> mostSevereBreach(
            List<Threshold> thresholds, boolean above, Observation reading) {
        return thresholds.stream()
                .filter(t -> t.above() == above && t.breachedBy(reading.value()))
                .max(Comparator.comparing(Threshold::severity));
    }

    private static Finding threshold(Threshold t, Observation reading) {
        return new Finding(
                t.rule(),
                t.severity(),
                reading.vital() + " " + stripZero(reading.value()) + " " + reading.unit() + (t.above() ? " >= " : " < ")
                        + stripZero(t.limit()),
                List.of(reading.id()));
    }

    private static boolean isMorning(Instant at, ZoneId zone) {
        LocalTime local = LocalTime.ofInstant(at, zone);
        return !local.isBefore(MORNING_START) && local.isBefore(MORNING_END);
    }

    private static String stripZero(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
