package org.hearth.scheduling.geo;

import java.time.Duration;

/**
 * The default estimator: straight-line distance × a road factor (roads are longer than the crow flies; 1.3 is
 * typical for suburban grids) at an average speed, plus a fixed allowance for parking and reaching the door.
 */
public record StraightLineTravel(double roadFactor, double kilometresPerHour, Duration doorToDoor)
        implements TravelTimeEstimator {

    public static StraightLineTravel suburban() {
        return new StraightLineTravel(1.3, 40, Duration.ofMinutes(5));
    }

    public StraightLineTravel {
        if (roadFactor < 1 || kilometresPerHour <= 0 || doorToDoor.isNegative()) {
            throw new IllegalArgumentException("road factor >= 1, speed > 0 and a non-negative allowance are required");
        }
    }

    @Override
    public Duration between(GeoPoint from, GeoPoint to) {
        double metres = from.metresTo(to);
        if (metres < 1) {
            return Duration.ZERO; // same address: no travel, no parking
        }
        double seconds = metres * roadFactor / (kilometresPerHour * 1000 / 3600);
        return Duration.ofSeconds(Math.round(seconds)).plus(doorToDoor);
    }
}
