package org.hearth.scheduling;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.hearth.scheduling.geo.EvvLocationCheck;
import org.hearth.scheduling.geo.StraightLineTravel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.scheduling}: the agency's zone (in which days, weeks and working hours are read), the
 * EVV radius around the patient's home, how late a check-in may be before the coordinator is warned, and the
 * default travel-time estimator, and the planner's agency rules ({@code hearth.scheduling.planning.*}).
 */
@ConfigurationProperties("hearth.scheduling")
public record SchedulingSettings(
        @DefaultValue("America/New_York") ZoneId zone,
        @DefaultValue("200") double evvRadiusMetres,
        @DefaultValue("PT30M") Duration missedVisitGrace,
        @DefaultValue("PT1M") Duration missedVisitCheckInterval,
        @DefaultValue Travel travel,
        @DefaultValue Planning planning) {

    /**
     * The planner's agency rules: the window a patient gets on a day they stated none for (agency time), the grid
     * planned start times fall on, a clinician's break ({@code breakLength} inside {@code breakWindowStart} to
     * {@code breakWindowEnd} on days whose hours are longer than {@code breakAfter}; a zero length turns breaks off),
     * and the agency's language (what a clinician with no languages on file speaks). How the planning jobs run is
     * read from the same prefix by {@code PlanningJobSettings}.
     */
    public record Planning(
            @DefaultValue("08:00") LocalTime defaultWindowStart,
            @DefaultValue("18:00") LocalTime defaultWindowEnd,
            @DefaultValue("PT5M") Duration grid,
            @DefaultValue("PT30M") Duration breakLength,
            @DefaultValue("11:00") LocalTime breakWindowStart,
            @DefaultValue("14:00") LocalTime breakWindowEnd,
            @DefaultValue("PT6H") Duration breakAfter,
            @DefaultValue("en") String agencyLanguage) {

        public Planning {
            if (breakLength.isNegative()
                    || breakLength.compareTo(Duration.between(breakWindowStart, breakWindowEnd)) > 0) {
                throw new IllegalArgumentException(
                        "hearth.scheduling.planning.break-length: from 0 to the length of the break window");
            }
            if (!defaultWindowEnd.isAfter(defaultWindowStart)) {
                throw new IllegalArgumentException(
                        "hearth.scheduling.planning: the default window must end after it starts");
            }
            if (grid.isNegative() || grid.isZero() || grid.toSeconds() % 60 != 0 || grid.toMinutes() > 60) {
                throw new IllegalArgumentException("hearth.scheduling.planning.grid: whole minutes, 1 to 60");
            }
        }
    }

    /** Straight-line distance × road factor at an average speed, plus parking and reaching the door. */
    public record Travel(
            @DefaultValue("1.3") double roadFactor,
            @DefaultValue("40") double kilometresPerHour,
            @DefaultValue("PT5M") Duration doorToDoor) {}

    public StraightLineTravel travelEstimator() {
        return new StraightLineTravel(travel.roadFactor(), travel.kilometresPerHour(), travel.doorToDoor());
    }

    public EvvLocationCheck evvCheck() {
        return new EvvLocationCheck(evvRadiusMetres);
    }
}
