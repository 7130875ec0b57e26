package org.hearth.scheduling.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GeoTest {

    static final GeoPoint JANE = new GeoPoint(39.7990, -89.6440); // Springfield, IL
    static final GeoPoint CAPITOL = new GeoPoint(39.7983, -89.6548);
    static final GeoPoint CHICAGO = new GeoPoint(41.8781, -87.6298);

    @Test
    void haversineDistanceMatchesKnownDistances() {
        assertThat(JANE.metresTo(CHICAGO)).isCloseTo(285_000, within(3_000.0));
        assertThat(JANE.metresTo(CAPITOL)).isCloseTo(925, within(15.0));
        assertThat(JANE.metresTo(JANE)).isZero();
    }

    @Test
    void travelIsRoadFactoredDistanceAtAverageSpeedPlusDoorToDoor() {
        StraightLineTravel travel = StraightLineTravel.suburban();

        // 925 m × 1.3 at 40 km/h ≈ 108 s, plus 5 min to park and reach the door
        assertThat(travel.between(JANE, CAPITOL)).isBetween(Duration.ofSeconds(400), Duration.ofSeconds(415));
        assertThat(travel.between(JANE, CHICAGO))
                .isBetween(
                        Duration.ofHours(9).plusMinutes(20), Duration.ofHours(9).plusMinutes(40));
        assertThat(travel.between(JANE, JANE)).isZero();
    }

    @Test
    void evvAcceptsACheckInAtTheDoorAndRecordsAnExceptionBeyondTheRadius() {
        EvvLocationCheck within200m = new EvvLocationCheck(200);
        GeoPoint driveway = new GeoPoint(39.7995, -89.6440); // ~56 m north

        assertThat(within200m.check(JANE, driveway)).isEmpty();
        assertThat(within200m.check(JANE, CAPITOL)).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo("OUTSIDE_RADIUS");
            assertThat(e.distanceMetres()).isCloseTo(925, within(15.0));
        });
        assertThat(within200m.check(JANE, null))
                .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("NO_LOCATION"));
        assertThat(within200m.check(null, driveway))
                .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("PATIENT_ADDRESS_NOT_GEOCODED"));
    }

    @Test
    void refusesImpossiblePositionsAndSettings() {
        assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StraightLineTravel(0.9, 40, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EvvLocationCheck(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
