package org.hearth.scheduling.visits;

import org.hearth.scheduling.geo.EvvLocationCheck;
import org.hearth.scheduling.geo.StraightLineTravel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Settings under {@code hearth.scheduling}: the agency's zone (in which days, weeks and working hours are read), the
 * EVV radius around the patient's home, how late a check-in may be before the coordinator is warned, and the
 * default travel-time estimator.
 */
@ConfigurationProperties("hearth.scheduling")
public record SchedulingSettings(@DefaultValue("America/New_York") ZoneId zone,
        @DefaultValue("200") double evvRadiusMetres, @DefaultValue("PT30M") Duration missedVisitGrace,
        @DefaultValue("PT1M") Duration missedVisitCheckInterval, @DefaultValue Travel travel) {

    /** Straight-line distance × road factor at an average speed, plus parking and reaching the door. */
    public record Travel(@DefaultValue("1.3") double roadFactor, @DefaultValue("40") double kilometresPerHour,
            @DefaultValue("PT5M") Duration doorToDoor) {
    }

    public StraightLineTravel travelEstimator() {
        return new StraightLineTravel(travel.roadFactor(), travel.kilometresPerHour(), travel.doorToDoor());
    }

    public EvvLocationCheck evvCheck() {
        return new EvvLocationCheck(evvRadiusMetres);
    }
}
