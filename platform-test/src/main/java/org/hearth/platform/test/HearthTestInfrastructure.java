package org.hearth.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Starts the shared test infrastructure once per JVM and points the application context at it. Each
 * context gets its own database so tests do not see each other's documents.
 */
public class HearthTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Mirrors infra/kafka/topics.txt: the topic catalog of ARCHITECTURE §5. */
    public static final List<String> TOPICS = List.of(
            "hearth.patient.events",
            "hearth.patient.observations",
            "hearth.patient.alerts",
            "hearth.scheduling.events",
            "hearth.messaging.events",
            "hearth.billing.events",
            "hearth.audit",
            "hearth.access.revocations");

    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestTokenIssuer issuer = TestTokenIssuer.shared();
        TestPropertyValues.of(
                        "spring.kafka.bootstrap-servers=" + kafkaBootstrapServers(),
                        "spring.mongodb.uri="
                                + mongoUri(
                                        "test_" + UUID.randomUUID().toString().replace("-", "")),
                        "hearth.security.issuer-uri=" + issuer.issuerUri(),
                        "hearth.security.jwk-set-uri=" + issuer.jwkSetUri(),
                        "hearth.platform.outbox-poll=100ms")
                .applyTo(context);
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            String[] topics = TOPICS.stream()
                    .flatMap(t -> java.util.stream.Stream.of(t, t + ".dlt"))
                    .toArray(String[]::new);
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, topics);
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
            kafka = broker;
        }
        return kafka.getBrokersAsString();
    }

    public static synchronized String mongoUri(String database) {
        if (mongo == null) {
            MongoServer server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
            mongo = server;
        }
        return "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/" + database;
    }
}
