package org.hearth.platform.autoconfigure;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares, at the lowest precedence so a service's application.yml, the
 * environment or the command line can override each. Keeps each service's own configuration thin.
 */
public class HearthDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            // writes reject unknown JSON fields: no mass assignment, no silently ignored typos
            Map.entry("spring.jackson.deserialization.fail-on-unknown-properties", "true"),
            Map.entry("server.error.include-stacktrace", "never"),
            Map.entry("server.error.include-message", "never"),
            Map.entry("server.error.whitelabel.enabled", "false"),
            Map.entry("server.address", "127.0.0.1"),
            Map.entry("spring.threads.virtual.enabled", "true"),
            // events: never lose one on the way out, commit only after processing on the way in
            Map.entry("spring.kafka.bootstrap-servers", "127.0.0.1:9092"),
            Map.entry("spring.kafka.producer.acks", "all"),
            Map.entry("spring.kafka.producer.properties.enable.idempotence", "true"),
            // Kafka 4 waits 5 ms by default to fill a batch; the relay already hands over a whole batch at once
            Map.entry("spring.kafka.producer.properties.linger.ms", "0"),
            Map.entry("spring.kafka.consumer.group-id", "${spring.application.name}"),
            Map.entry("spring.kafka.consumer.enable-auto-commit", "false"),
            Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
            Map.entry("spring.kafka.listener.ack-mode", "record"),
            Map.entry("spring.mongodb.uri", "mongodb://127.0.0.1:27017/hearth"),
            Map.entry("hearth.security.issuer-uri", "http://127.0.0.1:8180/realms/hearth"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            Map.entry("management.endpoint.health.show-details", "never"),
            // not ready while the store is unreachable (traffic goes to replicas that can serve it); liveness
            // stays as it is, since a restart does not bring the database back
            Map.entry("management.endpoint.health.group.readiness.include", "readinessState,mongo"),
            Map.entry("springdoc.swagger-ui.enabled", "false"),
            // observability: spans across HTTP, Kafka (producer and listener
            // observations carry the trace in the records' traceparent header) and MongoDB (MongoTracing)
            Map.entry("spring.kafka.template.observation-enabled", "true"),
            Map.entry("spring.kafka.listener.observation-enabled", "true"),
            // every request is traced locally (ids in every log line); the chart sets the share exported in production
            Map.entry("management.tracing.sampling.probability", "1.0"),
            // a histogram, so the dashboard can show the 95th percentile across instances
            Map.entry(
                    "management.metrics.distribution.percentiles-histogram.hearth.alerts.time-to-acknowledge", "true"),
            // metrics are scraped from /actuator/prometheus; the OpenTelemetry starter would also push them to
            // localhost:4318 every minute and log a failure each time where no collector listens
            Map.entry("management.otlp.metrics.export.enabled", "false"));

    /** JDK property: how many carrier threads run the virtual threads (default: one per core). */
    static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

    static final int MIN_CARRIERS = 16;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("hearthDefaults", DEFAULTS));
        enoughCarriers();
    }

    /**
     * Requests, Kafka listeners and warm-ups run on virtual threads, and at start they all load classes from the
     * executable jar. A virtual thread waiting for the jar's lock while loading a class is pinned to its carrier; the
     * thread holding that lock, once unmounted, needs a free carrier to go on and release it. With one carrier per
     * core, two such waiters on a 2-core machine (or pod) took both carriers and the service hung for good at start
     * (health and every request unanswered; seen with two replicas of everything starting at once). More carriers
     * than pinned waiters keep one free; it is set here, before the first virtual thread creates the scheduler, unless
     * the JVM was given its own value.
     */
    static void enoughCarriers() {
        if (System.getProperty(CARRIERS) == null) {
            System.setProperty(
                    CARRIERS,
                    String.valueOf(Math.max(MIN_CARRIERS, Runtime.getRuntime().availableProcessors())));
        }
    }
}
