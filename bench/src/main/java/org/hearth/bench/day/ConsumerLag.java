package org.hearth.bench.day;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.hearth.bench.HttpLoad;

/**
 * Each consumer group's lag, read from the broker as an operator would: the events it has not committed yet (log
 * end minus committed offset) and how old the oldest of them is (now minus the timestamp of the record at the
 * committed offset). Sampled every few seconds during the replay; only groups with live members count (a group
 * left over from an earlier stack or test would report a lag nobody is working off).
 */
final class ConsumerLag implements AutoCloseable {

    /** One partition's position: log end, committed offset, timestamp of the first uncommitted record (or -1). */
    record Position(long end, long committed, long firstUncommittedMillis) {}

    /** One group at one instant: uncommitted events and the age of the oldest, in milliseconds. */
    record Sample(long events, long ageMillis) {}

    /** The arithmetic: events are summed over partitions, the age is the oldest partition's (0 when caught up). */
    static Sample lagOf(List<Position> partitions, long nowMillis) {
        long events = 0;
        long age = 0;
        for (Position p : partitions) {
            long behind = Math.max(0, p.end() - p.committed());
            events += behind;
            if (behind > 0 && p.firstUncommittedMillis() >= 0) {
                age = Math.max(age, nowMillis - p.firstUncommittedMillis());
            }
        }
        return new Sample(events, Math.max(0, age));
    }

    /** Per group over the run: p99 and max of the age, max of the events behind, number of samples. */
    record Summary(String group, int samples, long p99AgeMillis, long maxAgeMillis, long maxEvents) {}

    static Summary summarize(String group, List<Sample> samples) {
        long[] ages = samples.stream().mapToLong(Sample::ageMillis).sorted().toArray();
        return new Summary(
                group,
                samples.size(),
                HttpLoad.percentile(ages, 0.99),
                ages.length == 0 ? 0 : ages[ages.length - 1],
                samples.stream().mapToLong(Sample::events).max().orElse(0));
    }

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final Map<String, List<Sample>> samples = new TreeMap<>();

    ConsumerLag(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        admin = Admin.create(props);
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        consumer.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 1 << 20);
        reader = new KafkaConsumer<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** One sample of every live group; a failed sample is skipped (and said), never fatal to the replay. */
    synchronized void sample() {
        try {
            List<String> groups = new ArrayList<>();
            for (GroupListing g : admin.listGroups().all().get(10, TimeUnit.SECONDS)) {
                if (g.groupState().orElse(GroupState.UNKNOWN) == GroupState.STABLE) {
                    groups.add(g.groupId());
                }
            }
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
            Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                committed.put(group, offsets);
                offsets.keySet().forEach(tp -> wanted.put(tp, OffsetSpec.latest()));
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(wanted).all().get(10, TimeUnit.SECONDS);
            long now = System.currentTimeMillis();
            for (String group : groups) {
                List<Position> positions = new ArrayList<>();
                Map<TopicPartition, Long> behind = new HashMap<>();
                committed.get(group).forEach((tp, offset) -> {
                    if (offset != null && ends.containsKey(tp) && ends.get(tp).offset() > offset.offset()) {
                        behind.put(tp, offset.offset());
                    }
                });
                Map<TopicPartition, Long> firstTimestamps = timestampsAt(behind);
                committed.get(group).forEach((tp, offset) -> {
                    if (offset != null && ends.containsKey(tp)) {
                        positions.add(new Position(
                                ends.get(tp).offset(), offset.offset(), firstTimestamps.getOrDefault(tp, -1L)));
                    }
                });
                samples.computeIfAbsent(group, g -> new ArrayList<>()).add(lagOf(positions, now));
            }
        } catch (Exception e) {
            System.out.println("S7: a lag sample failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); the next one is taken as planned");
        }
    }

    /** The timestamp of the record at each offset, read with a group-less consumer (commits nothing). */
    private Map<TopicPartition, Long> timestampsAt(Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, Long> found = new HashMap<>();
        if (offsets.isEmpty()) {
            return found;
        }
        reader.assign(offsets.keySet());
        offsets.forEach(reader::seek);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (found.size() < offsets.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (!found.containsKey(tp)) {
                    found.put(tp, r.timestamp());
                    reader.pause(List.of(tp));
                }
            }
        }
        reader.resume(reader.paused());
        return found;
    }

    synchronized List<Summary> summaries() {
        List<Summary> all = new ArrayList<>();
        samples.forEach((group, list) -> all.add(summarize(group, list)));
        return all;
    }

    @Override
    public void close() {
        reader.close(Duration.ofSeconds(2));
        admin.close(Duration.ofSeconds(2));
    }

    static String describe(List<Summary> summaries) {
        return String.join(
                "\n",
                Arrays.stream(summaries.toArray(Summary[]::new))
                        .map(s -> String.format(
                                java.util.Locale.ROOT,
                                "  %-36s lag p99 %7.2f s  max %7.2f s  max %6d events behind  (%d samples)",
                                s.group(),
                                s.p99AgeMillis() / 1000.0,
                                s.maxAgeMillis() / 1000.0,
                                s.maxEvents(),
                                s.samples()))
                        .toList());
    }
}
