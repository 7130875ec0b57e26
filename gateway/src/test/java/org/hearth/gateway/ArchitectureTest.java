package org.hearth.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.hearth.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The gateway is an edge through and through (reactive web in every package), so the rule that keeps domain code
 * free of web types does not apply; the others do.
 */
class ArchitectureTest {

    final JavaClasses gateway = ArchitectureRules.importService("org.hearth.gateway");

    @Test
    void followsTheArchitectureRulesOfAnEdge() {
        assertThat(gateway).isNotEmpty();
        ArchitectureRules.noDependencyOnOtherServices("org.hearth.gateway").check(gateway);
        ArchitectureRules.tenancyOnlyThroughPlatform("org.hearth.gateway").check(gateway);
        ArchitectureRules.noCyclesBetweenFeatures("org.hearth.gateway").check(gateway);
    }
}
