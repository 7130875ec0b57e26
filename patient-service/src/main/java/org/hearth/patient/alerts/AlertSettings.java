package org.hearth.patient.alerts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Settings under {@code hearth.alerts}: how long an alert may stay unacknowledged before it escalates, by
 * severity, how often the escalator looks, and the agency's time zone, in which "morning" is read.
 */
@ConfigurationProperties("hearth.alerts")
public record AlertSettings(@DefaultValue AlertSettings.EscalateAfter escalateAfter,
        @DefaultValue("PT30S") Duration checkInterval, @DefaultValue("America/New_York") ZoneId zone) {

    public record EscalateAfter(@DefaultValue("PT15M") Duration critical, @DefaultValue("PT1H") Duration high,
            @DefaultValue("PT24H") Duration warning) {
    }

    Duration after(Severity severity) {
        return switch (severity) {
            case CRITICAL -> escalateAfter.critical();
            case HIGH -> escalateAfter.high();
            case WARNING -> escalateAfter.warning();
        };
    }
}
