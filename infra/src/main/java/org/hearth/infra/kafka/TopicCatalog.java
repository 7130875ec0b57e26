package org.hearth.infra.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates every topic of the catalog ({@code kafka/topics.txt}) and its {@code .dlt} twin. Running it again
 * is harmless: topics that exist are left as they are. Auto-creation is off on the broker, so a topic that
 * is not in the catalog does not exist.
 *
 * <p>Usage: {@code TopicCatalog <bootstrap-servers> [partitions] [replication-factor]}.
 */
public final class TopicCatalog {

    /**
     * Topics that are a short-lived transport: revocations matter only while a revoked token could still be alive
     * (5 minutes here), and each instance reads the topic from its start, so it keeps one hour.
     */
    static final Map<String, Map<String, String>> CONFIGS =
            Map.of("hearth.access.revocations", Map.of("retention.ms", "3600000"));

    private TopicCatalog() {}

    /** The catalog's topics followed by their dead-letter twins. */
    public static List<String> topics() {
        try (InputStream in = TopicCatalog.class.getResourceAsStream("/kafka/topics.txt")) {
            List<String> main = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
            List<String> all = new ArrayList<>(main);
            main.forEach(topic -> all.add(topic + ".dlt"));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the missing topics and answers the names it created. */
    public static List<String> ensure(String bootstrapServers, int partitions, short replicationFactor)
            throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics().stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, replicationFactor)
                            .configs(CONFIGS.getOrDefault(topic, Map.of())))
                    .toList();
            // per topic: a topic the listing missed (metadata still propagating) or another creator made in the
            // meantime exists already, which is fine and is not reported as created
            List<String> created = new java.util.ArrayList<>();
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> result :
                    admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                    created.add(result.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new ExecutionException("Kafka did not create " + result.getKey() + " within 30 s", e);
                }
            }
            return created;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ExecutionException("Kafka at " + bootstrapServers + " did not answer within 30 s", e);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TopicCatalog <bootstrap-servers> [partitions] [replication-factor]");
            System.exit(2);
        }
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        short replication = args.length > 2 ? Short.parseShort(args[2]) : 1;
        List<String> created = ensure(args[0], partitions, replication);
        System.out.println("Topics: " + topics().size() + " in catalog, " + created.size() + " created");
    }
}
