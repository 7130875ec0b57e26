package org.hearth.patient.alerts;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.alerts}: how long an alert may stay unacknowledged before it escalates, by
 * severity, how often the escalator looks, the agency's time zone, in which "morning" is read, and how long an
 * escalation may wait for Keycloak to name whom to page before it goes out without names (messaging then pages the
 * agency's coordinators it knows).
 */
@ConfigurationProperties("hearth.alerts")
public record AlertSettings(
        @DefaultValue AlertSettings.EscalateAfter escalateAfter,
        @DefaultValue("PT30S") Duration checkInterval,
        @DefaultValue("America/New_York") ZoneId zone,
        @DefaultValue("PT5M") Duration directoryGrace) {

    public record EscalateAfter(
            @DefaultValue("PT15M") Duration critical,
            @DefaultValue("PT1H") Duration high,
            @DefaultValue("PT24H") Duration warning) {}

    Duration after(Severity severity) {
        return switch (severity) {
            case CRITICAL -> escalateAfter.critical();
            case HIGH -> escalateAfter.high();
            case WARNING -> escalateAfter.warning();
        };
    }
}
