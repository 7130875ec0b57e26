package org.hearth.platform.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;

class HearthDefaultsTest {

    @Test
    void virtualThreadsGetMoreCarriersThanACoreEachUnlessTheJvmWasToldOtherwise() {
        String before = System.getProperty(HearthDefaults.CARRIERS);
        try {
            System.clearProperty(HearthDefaults.CARRIERS);
            StandardEnvironment environment = new StandardEnvironment();
            new HearthDefaults().postProcessEnvironment(environment, new SpringApplication());
            assertThat(Integer.parseInt(System.getProperty(HearthDefaults.CARRIERS)))
                    .isGreaterThanOrEqualTo(HearthDefaults.MIN_CARRIERS)
                    .isGreaterThanOrEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(environment.getProperty("spring.threads.virtual.enabled"))
                    .isEqualTo("true");

            System.setProperty(HearthDefaults.CARRIERS, "3"); // -Djdk.virtualThreadScheduler.parallelism=3
            new HearthDefaults().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());
            assertThat(System.getProperty(HearthDefaults.CARRIERS)).isEqualTo("3");
        } finally {
            if (before == null) {
                System.clearProperty(HearthDefaults.CARRIERS);
            } else {
                System.setProperty(HearthDefaults.CARRIERS, before);
            }
        }
    }
}
