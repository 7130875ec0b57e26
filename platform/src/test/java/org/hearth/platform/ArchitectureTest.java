package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.hearth.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void platformPackagesFormNoCycle() {
        var classes = ArchitectureRules.importService("org.hearth.platform");
        assertThat(classes).isNotEmpty();
        ArchitectureRules.noCyclesBetweenFeatures("org.hearth.platform").check(classes);
    }
}
