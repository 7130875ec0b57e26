package org.hearth.scheduling.authorizations;

import java.time.Duration;

/**
 * How a payer counts a visit: one unit per visit, or one per started 15 minutes (Medicaid personal care). The
 * 15-minute rule follows CMS's "8-minute rule" rounding: a remainder of 8 minutes or more counts as a unit, and any
 * visit counts at least one.
 */
public enum UnitRule {
    PER_VISIT,
    PER_15_MINUTES;

    public int unitsFor(Duration duration) {
        if (this == PER_VISIT) {
            return 1;
        }
        long minutes = duration.toMinutes();
        long units = minutes / 15 + (minutes % 15 >= 8 ? 1 : 0);
        return (int) Math.max(1, units);
    }
}
