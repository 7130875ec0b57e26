package org.hearth.scheduling.visits;

import org.hearth.scheduling.SchedulingSettings;
import org.hearth.scheduling.geo.TravelTimeEstimator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the booking rules; a routing engine replaces the straight-line estimator by declaring its own bean. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulingSettings.class)
@EnableScheduling
class VisitConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TravelTimeEstimator travelTimeEstimator(SchedulingSettings settings) {
        return settings.travelEstimator();
    }

    @Bean
    BookingRules bookingRules(TravelTimeEstimator travel, SchedulingSettings settings) {
        return new BookingRules(travel, settings.zone());
    }
}
