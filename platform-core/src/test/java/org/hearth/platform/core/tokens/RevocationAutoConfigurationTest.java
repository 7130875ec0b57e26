package org.hearth.platform.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RevocationAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues(
                    "spring.application.name=patient-service",
                    // nothing listens there: the feed retries in the background, the context does not wait for it
                    "spring.kafka.bootstrap-servers=127.0.0.1:1");

    @Test
    void withKafkaAnInstanceHasOneListTheFeedFillsAndThePublisherAddsTo() {
        runner.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, RevocationAutoConfiguration.class))
                .run(context -> {
                    assertThat(context)
                            .hasSingleBean(RevocationList.class)
                            .hasSingleBean(RevocationFeed.class)
                            .hasSingleBean(RevocationPublisher.class);
                });
    }

    @Test
    void withoutKafkaTheListStillExistsSoThatTokensAreCheckedAgainstIt() {
        runner.withConfiguration(AutoConfigurations.of(RevocationAutoConfiguration.class))
                .run(context -> assertThat(context)
                        .hasSingleBean(RevocationList.class)
                        .doesNotHaveBean(RevocationFeed.class)
                        .doesNotHaveBean(RevocationPublisher.class));
    }

    @Test
    void anApplicationsOwnListWins() {
        RevocationList own = new RevocationList();
        runner.withConfiguration(AutoConfigurations.of(RevocationAutoConfiguration.class))
                .withBean(RevocationList.class, () -> own)
                .run(context ->
                        assertThat(context.getBean(RevocationList.class)).isSameAs(own));
    }
}
