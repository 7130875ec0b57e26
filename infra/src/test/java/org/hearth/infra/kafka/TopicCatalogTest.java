package org.hearth.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

class TopicCatalogTest {

    static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void theCatalogHoldsEveryTopicOfTheArchitectureWithItsDeadLetterTwin() {
        assertThat(TopicCatalog.topics())
                .hasSize(16)
                .contains(
                        "hearth.access.revocations",
                        "hearth.patient.events",
                        "hearth.patient.events.dlt",
                        "hearth.patient.observations",
                        "hearth.patient.alerts",
                        "hearth.scheduling.events",
                        "hearth.messaging.events",
                        "hearth.billing.events",
                        "hearth.audit",
                        "hearth.audit.dlt");
    }

    @Test
    void createsMissingTopicsWithTheirPartitionsAndIsHarmlessToRunAgain() throws Exception {
        List<String> first = TopicCatalog.ensure(broker.getBrokersAsString(), 3, (short) 1);
        List<String> second = TopicCatalog.ensure(broker.getBrokersAsString(), 3, (short) 1);

        assertThat(first).containsExactlyInAnyOrderElementsOf(TopicCatalog.topics());
        assertThat(second).isEmpty();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            Map<String, TopicDescription> described =
                    admin.describeTopics(TopicCatalog.topics()).allTopicNames().get();
            assertThat(described.values())
                    .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));
        }
    }
}
