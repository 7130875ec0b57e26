package org.hearth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.hearth.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void followsTheArchitectureRules() {
        assertThat(ArchitectureRules.importService("org.hearth.audit")).isNotEmpty();
        ArchitectureRules.checkService("org.hearth.audit");
    }
}
