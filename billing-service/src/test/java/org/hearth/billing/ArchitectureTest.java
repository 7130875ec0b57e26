package org.hearth.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.hearth.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void followsTheArchitectureRules() {
        assertThat(ArchitectureRules.importService("org.hearth.billing")).isNotEmpty();
        ArchitectureRules.checkService("org.hearth.billing");
    }
}
