package org.hearth.scheduling;

import org.hearth.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTest {

    @Test
    void followsTheArchitectureRules() {
        assertThat(ArchitectureRules.importService("org.hearth.scheduling")).isNotEmpty();
        ArchitectureRules.checkService("org.hearth.scheduling");
    }
}
