package org.hearth.platform.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ManagementPortDefaultTest {

    private final ManagementPortDefault defaults = new ManagementPortDefault();

    private MockEnvironment after(MockEnvironment environment) {
        defaults.postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void theActuatorMovesAThousandPortsUpOnTheServicesAddress() {
        MockEnvironment environment = after(
                new MockEnvironment().withProperty("server.port", "18081").withProperty("server.address", "127.0.0.1"));
        assertThat(environment.getProperty("management.server.port")).isEqualTo("19081");
        assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void aRandomServicePortGetsARandomManagementPort() {
        assertThat(after(new MockEnvironment().withProperty("server.port", "0")).getProperty("management.server.port"))
                .isEqualTo("0");
    }

    @Test
    void anExplicitManagementPortWins() {
        MockEnvironment environment = after(new MockEnvironment()
                .withProperty("server.port", "8081")
                .withProperty("management.server.port", "9999"));
        assertThat(environment.getProperty("management.server.port")).isEqualTo("9999");
        assertThat(environment.getProperty("management.server.address")).isNull();
    }

    @Test
    void withoutAnyPortTheDefaultServicePortCounts() {
        assertThat(after(new MockEnvironment()).getProperty("management.server.port"))
                .isEqualTo("9080");
    }
}
