package org.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.TopicWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Twenty poison records on {@code hearth.patient.events}, across its partitions, read by the three services that
 * consume it (scheduling, messaging, billing): each lands on the dead-letter topic, each is named in a WARN line
 * (ids, no PHI), the partitions keep moving (patients admitted afterwards reach every consumer), and no document
 * anywhere names a patient that only a poison record mentioned. Two records of types nobody knows are counted,
 * not dead-lettered.
 */
@ExtendWith(SharedStack.class)
class PoisonRecordsIT {

    static final String TOPIC = "hearth.patient.events";
    static final List<String> CONSUMERS = List.of("scheduling-service", "messaging-service", "billing-service");
    static final Map<String, Integer> PORTS = Map.of(
            "scheduling-service",
            18082 + LocalStack.OFFSET,
            "messaging-service",
            18083 + LocalStack.OFFSET,
            "billing-service",
            18084 + LocalStack.OFFSET);
    /** A value that would be PHI: it must never reach a log line. */
    static final String SSN = "078-05-1120";

    static final RiverbendDesk DESK =
            new RiverbendDesk(new Keycloak(LocalStack.KEYCLOAK_PORT), ApiClient.onPort(LocalStack.GATEWAY_PORT));

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String tenant = DESK.tenant();
    private final Set<String> poisonPatients = new HashSet<>();

    @Test
    void poisonIsDeadLetteredAndLoggedThePartitionsMoveOnAndNothingIsCreatedFromIt() throws Exception {
        Map<String, double[]> unknownBefore = unknownTypeCounts();
        Map<String, RecordMetadata> sent = new LinkedHashMap<>();
        List<Poison> poisons = poisons();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < poisons.size(); i++) {
                Poison poison = poisons.get(i);
                ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, i % 3, poison.key, poison.body);
                poison.headers.forEach(
                        (name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                sent.put(poison.key, producer.send(record).get(10, TimeUnit.SECONDS));
            }
            for (String type :
                    List.of("org.hearth.patient.PatientAdmitted.v2", "org.hearth.patient.PatientRenamed.v1")) {
                String patient = patient();
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(TOPIC, "unknown-" + run + "-" + type, admitted(patient));
                envelope(UUID.randomUUID().toString(), type, patient)
                        .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record).get(10, TimeUnit.SECONDS);
            }
        }

        List<String> canaries = canariesOnEveryPartition();
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + LocalStack.MONGO_PORT)) {
            for (String canary : canaries) {
                for (String db : List.of("hearth_scheduling", "hearth_messaging")) {
                    assertThat(Eventually.await(
                                    Duration.ofSeconds(60),
                                    () -> mongo.getDatabase(db)
                                            .getCollection("patients")
                                            .countDocuments(Filters.eq("_id", canary)),
                                    n -> n == 1))
                            .as("patient %s admitted after the poison reached %s", canary, db)
                            .isEqualTo(1);
                }
                assertThat(Eventually.await(
                                Duration.ofSeconds(60),
                                () -> mongo.getDatabase("hearth_billing")
                                        .getCollection("billing_files")
                                        .countDocuments(Filters.eq("_id", canary)),
                                n -> n >= 1))
                        .as("patient %s admitted after the poison reached billing", canary)
                        .isEqualTo(1);
            }

            Map<String, Integer> deadLettered = deadLettered(sent.keySet());
            assertThat(deadLettered.keySet())
                    .as("poison records on %s.dlt", TOPIC)
                    .containsExactlyInAnyOrderElementsOf(sent.keySet());
            assertThat(deadLettered.keySet()).noneMatch(key -> key.startsWith("unknown-"));

            int logged = 0;
            for (Poison poison : poisons) {
                RecordMetadata at = sent.get(poison.key);
                if (warnedAbout(at.partition(), at.offset())) {
                    logged++;
                }
            }
            assertThat(logged).as("poison records named in a WARN line").isEqualTo(poisons.size());
            for (String service : CONSUMERS) {
                assertThat(Files.readString(SharedStack.STACK.log(service)))
                        .as(service + "'s log")
                        .doesNotContain(SSN);
            }

            long phantoms = phantomDocuments(mongo);
            assertThat(phantoms).as("documents created from poison").isZero();

            Map<String, double[]> unknownAfter = unknownTypeCounts();
            double counted = 0;
            for (String service : CONSUMERS) {
                counted += unknownAfter.get(service)[0] - unknownBefore.get(service)[0];
            }
            System.out.printf(
                    "F6 %d poison records on %s (3 partitions, 3 consumer groups): %d/%d on the dead-letter "
                            + "topic (%d copies), %d/%d named in a WARN line, %d phantom documents; %d patients admitted after "
                            + "them reached every consumer; 2 unknown types counted %.0f times (not dead-lettered)%n",
                    poisons.size(),
                    TOPIC,
                    deadLettered.size(),
                    poisons.size(),
                    deadLettered.values().stream().mapToInt(Integer::intValue).sum(),
                    logged,
                    poisons.size(),
                    phantoms,
                    canaries.size(),
                    counted);
            assertThat(counted).as("unknown types counted by the consumers").isGreaterThanOrEqualTo(2);
        }
    }

    /** Records no consumer can apply, each with a key of its own. */
    private List<Poison> poisons() {
        List<Poison> poisons = new ArrayList<>();
        String admittedType = "org.hearth.patient.PatientAdmitted.v1";
        String p = patient();
        poisons.add(new Poison(without(envelope(id(), admittedType, p), "ce_id"), admitted(p)));
        p = patient();
        poisons.add(new Poison(without(envelope(id(), admittedType, p), "ce_type"), admitted(p)));
        p = patient();
        poisons.add(new Poison(without(envelope(id(), admittedType, p), "ce_tenantid"), admitted(p)));
        p = patient();
        Map<String, String> foreign = envelope(id(), admittedType, p);
        foreign.put("ce_tenantid", "not-an-agency");
        poisons.add(new Poison(foreign, admitted(p)));
        poisons.add(new Poison(envelope(id(), admittedType, patient()), null));
        poisons.add(new Poison(envelope(id(), admittedType, patient()), "not json at all"));
        poisons.add(new Poison(envelope(id(), admittedType, patient()), "[]"));
        poisons.add(new Poison(envelope(id(), admittedType, patient()), """
                {"admittedAt":"2026-12-01T09:00:00Z","status":"ACTIVE","language":"en","postalCode":"62702"}"""));
        poisonPatients.add("../../etc/passwd");
        poisons.add(new Poison(envelope(id(), admittedType, "../../etc/passwd"), admitted("../../etc/passwd")));
        poisons.add(new Poison(envelope(id(), admittedType, patient()), """
                {"patientId":null,"admittedAt":"2026-12-01T09:00:00Z","status":"ACTIVE"}"""));
        poisons.add(new Poison(envelope(id(), "org.hearth.patient.CareTeamChanged.v1", patient()), """
                {"changedAt":"2026-12-01T09:00:00Z","leadPhysician":"x","members":[]}"""));
        p = patient();
        poisons.add(new Poison(envelope(id(), "org.hearth.patient.CareCircleChanged.v1", p), """
                {"patientId":"%s","changedAt":"2026-12-01T09:00:00Z","members":"everyone"}""".formatted(p)));
        p = patient();
        poisons.add(new Poison(envelope(id(), "org.hearth.patient.CarePlanSigned.v1", p), """
                {"patientId":"%s","planVersion":1}""".formatted(p)));
        p = patient();
        poisons.add(new Poison(envelope(id(), "org.hearth.patient.PatientDischarged.v1", patient()), """
                {"patientId":"%s","dischargedOn":"2026-12-01","reason":"GOALS_MET","recordedAt":"2026-12-01T09:00:00Z"}""".formatted(p)));
        p = patient();
        poisons.add(new Poison(
                envelope(id(), admittedType, p),
                admitted(p)
                        .replace("{", "{\"ssn\":\"" + SSN + "\",")
                        .replace("39.8", "\"" + SSN + "\""))); // a number's place
        p = patient();
        poisons.add(new Poison(envelope(id(), "org.hearth.patient.PatientStatusChanged.v1", p), """
                {"patientId":"%s","status":"ZOMBIE","reason":"HOSPITALIZED","changedAt":"2026-12-01T09:00:00Z"}""".formatted(p)));
        poisons.add(new Poison(envelope(id(), admittedType, patient()), "\"just a string\""));
        poisons.add(new Poison(envelope(id(), admittedType, patient()), "{\"patientId\":\""));
        p = patient();
        poisons.add(
                new Poison(envelope(id(), admittedType, p), admitted(p).replace("2026-12-01T09:00:00Z", "yesterday")));
        poisons.add(new Poison(envelope(id(), admittedType, patient()), "42"));
        return poisons;
    }

    private final class Poison {
        final String key = "poison-" + run + "-" + UUID.randomUUID();
        final Map<String, String> headers;
        final String body;

        Poison(Map<String, String> headers, String body) {
            this.headers = headers;
            this.body = body;
        }
    }

    private String patient() {
        String id = UUID.randomUUID().toString();
        poisonPatients.add(id);
        return id;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static String admitted(String patientId) {
        return """
                {"patientId":"%s","admittedAt":"2026-12-01T09:00:00Z","status":"ACTIVE","language":"en",
                 "postalCode":"62702","latitude":39.8,"longitude":-89.64}""".formatted(patientId);
    }

    /** The envelope another service's relay would write (platform-test's), for Riverbend. */
    private Map<String, String> envelope(String eventId, String type, String subject) {
        return TopicWriter.envelope(eventId, type, subject, tenant);
    }

    private static Map<String, String> without(Map<String, String> headers, String name) {
        headers.remove(name);
        return headers;
    }

    /** Patients admitted through the API until each partition of the topic carries one after the poison. */
    private static List<String> canariesOnEveryPartition() {
        Map<Integer, String> byPartition = new HashMap<>();
        for (int attempt = 0; attempt < 40 && byPartition.size() < 3; attempt++) {
            ApiClient.Response admitted = DESK.admit("Canary" + attempt);
            assertThat(admitted).isNotNull();
            assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
            String id = admitted.json().path("id").asString();
            int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % 3;
            byPartition.putIfAbsent(partition, id);
        }
        assertThat(byPartition).hasSize(3);
        return List.copyOf(byPartition.values());
    }

    /** Keys seen on the dead-letter topic among {@code keys}, with how many copies (one per consumer group). */
    private static Map<String, Integer> deadLettered(Set<String> keys) {
        Map<String, Integer> seen = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + LocalStack.KAFKA_PORT,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC + ".dlt").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline) && !seen.keySet().containsAll(keys)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && keys.contains(record.key())) {
                        seen.merge(record.key(), 1, Integer::sum);
                    }
                }
            }
        }
        return seen;
    }

    /** Whether a consumer's log has a WARN line naming the record by its place (topic-partition@offset). */
    private static boolean warnedAbout(int partition, long offset) throws IOException {
        String place = TOPIC + "-" + partition + "@" + offset;
        for (String service : CONSUMERS) {
            for (String line : Files.readAllLines(SharedStack.STACK.log(service))) {
                if (line.contains(place) && line.contains("WARN")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Documents in the consumers' databases that name a patient only a poison or unknown record mentioned. */
    private long phantomDocuments(MongoClient mongo) {
        long found = 0;
        for (String name : List.of("hearth_scheduling", "hearth_messaging", "hearth_billing")) {
            MongoDatabase db = mongo.getDatabase(name);
            for (String collection : db.listCollectionNames()) {
                found += db.getCollection(collection)
                        .countDocuments(
                                Filters.or(Filters.in("_id", poisonPatients), Filters.in("patientId", poisonPatients)));
            }
            found += db.getCollection("threads")
                    .countDocuments(Filters.and(Filters.exists("patientId"), Filters.eq("patientId", null)));
        }
        return found;
    }

    /** {@code hearth_events_unknown_total} summed per consumer, from each service's Prometheus endpoint. */
    private static Map<String, double[]> unknownTypeCounts() {
        Map<String, double[]> counts = new HashMap<>();
        for (String service : CONSUMERS) {
            ApiClient.Response metrics =
                    ApiClient.onPort(PORTS.get(service) + 1000).get("/actuator/prometheus", null);
            double sum = 0;
            for (String line : metrics.body().split("\n")) {
                if (line.startsWith("hearth_events_unknown_total")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            counts.put(service, new double[] {sum});
        }
        return counts;
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + LocalStack.KAFKA_PORT,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName()));
    }
}
