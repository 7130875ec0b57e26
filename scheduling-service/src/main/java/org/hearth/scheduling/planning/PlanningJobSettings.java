package org.hearth.scheduling.planning;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;

/**
 * How the planning jobs run, under {@code hearth.scheduling.planning}: how many searches at once on this instance,
 * the lease an instance holds on a job (another takes it over once it lapses), the tick at which a running search
 * writes its progress and renews its lease, and the time kept in reserve at the end of a search's budget.
 */
@ConfigurationProperties("hearth.scheduling.planning")
public record PlanningJobSettings(
        @DefaultValue("1") int concurrentJobs,
        @DefaultValue("PT30S") Duration lease,
        @DefaultValue("PT0.5S") Duration tick,
        @DefaultValue("PT0.45S") Duration reserve) {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PlanningJobSettings.class)
    static class Binding {}
}
