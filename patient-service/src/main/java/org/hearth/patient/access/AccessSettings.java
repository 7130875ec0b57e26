package org.hearth.patient.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Settings under {@code hearth.access}: how long a break-glass grant lasts, and the agencies' zone, in which a
 * sharing grant's dates are read (a grant "until 31 December" ends at that day's end there).
 */
@ConfigurationProperties("hearth.access")
public record AccessSettings(@DefaultValue("PT4H") Duration breakGlass, @DefaultValue("America/New_York") ZoneId zone) {
}
