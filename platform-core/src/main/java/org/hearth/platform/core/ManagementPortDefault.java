package org.hearth.platform.core;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts the actuator (health, metrics) on its own port, the service's port plus {@value #OFFSET} unless
 * {@code management.server.port} is set, bound to the service's own address unless
 * {@code management.server.address} is set. Metrics name internal URLs, exception classes and every agency's
 * traffic, so they must never share the public port (issue 20): the gateway routes only the public port and the
 * Helm chart lets only Prometheus and the kubelet reach the management one. A random port ({@code 0}, in tests)
 * gives a random management port, so test contexts never collide.
 */
public class ManagementPortDefault implements EnvironmentPostProcessor {

    /** ARCHITECTURE.md §3: management ports are the service port + 1000. */
    public static final int OFFSET = 1000;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("management.server.port")) {
            return;
        }
        int port = environment.getProperty("server.port", Integer.class, 8080);
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "hearthManagementPort",
                        Map.of(
                                "management.server.port",
                                port <= 0 ? 0 : port + OFFSET,
                                "management.server.address",
                                environment.getProperty("server.address", "127.0.0.1"))));
    }
}
