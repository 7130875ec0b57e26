package org.hearth.scheduling.geo;

import java.time.Duration;

/** How long a clinician needs from one place to the next. A routing engine can replace the default. */
public interface TravelTimeEstimator {

    Duration between(GeoPoint from, GeoPoint to);
}
