package org.hearth.scheduling.geo;

import java.util.Optional;

/**
 * Electronic visit verification compares where the clinician checked in or out with the patient's home. A
 * position farther than the radius (or none at all) is recorded as an exception for the coordinator to review,
 * never silently accepted and never a reason to refuse the check-in: the visit happened, the record says where.
 */
public record EvvLocationCheck(double radiusMetres) {

    /** Why a check-in or check-out needs review. */
    public record Exception(String code, Double distanceMetres) {}

    public EvvLocationCheck {
        if (radiusMetres <= 0) {
            throw new IllegalArgumentException("radius must be positive");
        }
    }

    public Optional<Exception> check(GeoPoint home, GeoPoint reported) {
        if (reported == null) {
            return Optional.of(new Exception("NO_LOCATION", null));
        }
        if (home == null) {
            return Optional.of(new Exception("PATIENT_ADDRESS_NOT_GEOCODED", null));
        }
        double distance = home.metresTo(reported);
        return distance <= radiusMetres
                ? Optional.empty()
                : Optional.of(new Exception("OUTSIDE_RADIUS", (double) Math.round(distance)));
    }
}
