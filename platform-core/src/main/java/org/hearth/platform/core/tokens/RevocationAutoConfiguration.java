package org.hearth.platform.core.tokens;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The revocation list of this instance, the feed that fills it and the publisher that adds to it: one wiring for the
 * services (servlet) and the gateway (reactive), after Kafka's own configuration so that the template and the
 * consumer properties exist. Every instance reads every revocation, so a logout reaches each within about a second.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class RevocationAutoConfiguration {

    /** What this instance knows of revoked sessions, accounts and partner clients (README, "revocation"). */
    @Bean
    @ConditionalOnMissingBean
    RevocationList revocationList() {
        return new RevocationList();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(KafkaProperties.class)
    RevocationFeed revocationFeed(KafkaProperties kafka, RevocationList revocations) {
        return new RevocationFeed(kafka.buildConsumerProperties(), revocations);
    }

    /** Publishes as {@code /hearth/<application>}, the event envelope's source. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(KafkaTemplate.class)
    RevocationPublisher revocationPublisher(
            KafkaTemplate<String, String> kafka,
            RevocationList revocations,
            @Value("${spring.application.name:hearth}") String application) {
        return new RevocationPublisher(kafka, revocations, "/hearth/" + application);
    }
}
