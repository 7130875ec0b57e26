package org.hearth.patient.observations;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The vital signs Hearth records, each with its canonical unit (UCUM codes), the other units it accepts with
 * their conversion, and the range a living person can show. A value outside the range is a typo or a broken
 * device, never a reading: it is refused, not stored.
 */
public enum Vital {
    SYSTOLIC_BP("mm[Hg]", Map.of(), 40, 300),
    DIASTOLIC_BP("mm[Hg]", Map.of(), 20, 200),
    HEART_RATE("/min", Map.of(), 20, 300),
    SPO2("%", Map.of(), 50, 100),
    TEMPERATURE("Cel", Map.of("[degF]", f -> (f - 32) * 5 / 9), 25, 45),
    WEIGHT("kg", Map.of("[lb_av]", lb -> lb * 0.45359237), 0.5, 400),
    GLUCOSE("mg/dL", Map.of("mmol/L", mmol -> mmol * 18.0), 10, 1000),
    PAIN("{score}", Map.of(), 0, 10);

    private final String unit;
    private final Map<String, DoubleUnaryOperator> conversions;
    private final double min;
    private final double max;

    Vital(String unit, Map<String, DoubleUnaryOperator> conversions, double min, double max) {
        this.unit = unit;
        this.conversions = conversions;
        this.min = min;
        this.max = max;
    }

    public String unit() {
        return unit;
    }

    /**
     * The value in the canonical unit.
     *
     * @throws IllegalArgumentException for a unit this vital is not measured in or an impossible value
     */
    public double canonical(double value, String givenUnit) {
        double converted;
        if (givenUnit == null || givenUnit.equals(unit)) {
            converted = value;
        } else if (conversions.containsKey(givenUnit)) {
            converted = conversions.get(givenUnit).applyAsDouble(value);
        } else {
            throw new IllegalArgumentException(name() + " is measured in " + unit
                    + (conversions.isEmpty() ? "" : " or " + String.join(", ", conversions.keySet())) + ", not "
                    + givenUnit);
        }
        if (!Double.isFinite(converted) || converted < min || converted > max) {
            throw new IllegalArgumentException(name() + " of " + value + " " + (givenUnit == null ? unit : givenUnit)
                    + " is not physiologically possible (" + min + " to " + max + " " + unit + ")");
        }
        if (this == PAIN && converted != Math.rint(converted)) {
            throw new IllegalArgumentException("PAIN is a whole score from 0 to 10");
        }
        return Math.round(converted * 10.0) / 10.0;
    }
}
