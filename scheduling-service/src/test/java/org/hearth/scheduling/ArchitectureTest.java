package org.hearth.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import org.hearth.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void followsTheArchitectureRules() {
        assertThat(ArchitectureRules.importService("org.hearth.scheduling")).isNotEmpty();
        ArchitectureRules.checkService("org.hearth.scheduling");
    }
}
