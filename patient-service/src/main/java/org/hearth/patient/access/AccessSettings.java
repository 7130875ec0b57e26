package org.hearth.patient.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.access}: how long a break-glass grant lasts. A sharing grant's dates (a grant "until 31
 * December" ends at that day's end) are read in the agency's one zone, {@code hearth.alerts.zone}.
 */
@ConfigurationProperties("hearth.access")
public record AccessSettings(@DefaultValue("PT4H") Duration breakGlass) {}
