package org.hearth.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;
import org.bson.Document;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.hearth.platform.tenancy.TenantOwned;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * S5, the data path: one patient's visits read through the platform's tenant-scoped repository (Spring Data
 * MongoTemplate, mapping to records, the tenant filter added) and through the raw MongoDB driver doing the same
 * query (documents, the filter written by hand), side by side in one run against the same server. Rounds alternate
 * so that both see the same machine; the ratio is the figure, the absolute numbers depend on the server.
 *
 * <p>Usage: {@code DataPathBench [mongoUri|inmemory] [roundSeconds] [rounds]}
 */
public final class DataPathBench {

    static final int AGENCIES = 10;
    static final int PATIENTS_PER_AGENCY = 20;
    static final int VISITS_PER_PATIENT = 10;

    private DataPathBench() {}

    @org.springframework.data.mongodb.core.mapping.Document("bench_visits")
    record VisitRow(@Id String id, String tenantId, String patientId, String discipline, Instant start, int units)
            implements TenantOwned {}

    public record Result(double repositoryPerSecond, double driverPerSecond) {

        public double ratio() {
            return repositoryPerSecond / driverPerSecond;
        }
    }

    public static void main(String[] args) {
        MachineLoad.guard("S5 data path");
        String target = args.length > 0 ? args[0] : "inmemory";
        Duration round = Duration.ofMillis((long) (Double.parseDouble(args.length > 1 ? args[1] : "2") * 1000));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Result result = run(target, round, rounds);
        System.out.printf(
                Locale.ROOT,
                "S5 data path (%s, %d rounds of %d ms each side, one patient's %d visits per read)%n",
                target,
                rounds,
                round.toMillis(),
                VISITS_PER_PATIENT);
        System.out.printf(Locale.ROOT, "  tenant-scoped repository  %,10.0f reads/s%n", result.repositoryPerSecond());
        System.out.printf(Locale.ROOT, "  raw MongoDB driver        %,10.0f reads/s%n", result.driverPerSecond());
        System.out.printf(Locale.ROOT, "  ratio                     %10.2f x  (target >= 0.70)%n", result.ratio());
    }

    public static Result run(String target, Duration round, int rounds) {
        MongoServer server = null;
        String uri = target;
        if ("inmemory".equals(target)) {
            server = new MongoServer(new MemoryBackend());
            uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        }
        try (MongoClient client = MongoClients.create(uri)) {
            MongoTemplate template = new MongoTemplate(client, "hearth_bench");
            TenantScopedMongo scoped = new TenantScopedMongo(template);
            MongoCollection<Document> raw = client.getDatabase("hearth_bench").getCollection("bench_visits");
            raw.drop();
            load(template);
            raw.createIndex(new Document("tenantId", 1).append("patientId", 1));
            IntSupplier viaRepository = () -> {
                int agency = ThreadLocalRandom.current().nextInt(AGENCIES);
                String patient =
                        "p-" + agency + "-" + ThreadLocalRandom.current().nextInt(PATIENTS_PER_AGENCY);
                return TenantContext.callAs(
                                TenantId.of("agency-" + agency),
                                () -> scoped.find(
                                        Query.query(Criteria.where("patientId").is(patient)), VisitRow.class))
                        .size();
            };
            IntSupplier viaDriver = () -> {
                int agency = ThreadLocalRandom.current().nextInt(AGENCIES);
                String patient =
                        "p-" + agency + "-" + ThreadLocalRandom.current().nextInt(PATIENTS_PER_AGENCY);
                return raw.find(Filters.and(
                                Filters.eq("patientId", patient), Filters.eq("tenantId", "agency-" + agency)))
                        .into(new ArrayList<>())
                        .size();
            };
            measure(viaRepository, round);
            measure(viaDriver, round); // warm-up of both
            double[] repo = new double[rounds];
            double[] driver = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                repo[r] = measure(viaRepository, round);
                driver[r] = measure(viaDriver, round);
            }
            return new Result(median(repo), median(driver));
        } finally {
            if (server != null) {
                server.shutdownNow();
            }
        }
    }

    private static void load(MongoTemplate template) {
        List<VisitRow> rows = new ArrayList<>();
        Instant monday = Instant.parse("2026-11-30T14:00:00Z");
        for (int a = 0; a < AGENCIES; a++) {
            for (int p = 0; p < PATIENTS_PER_AGENCY; p++) {
                for (int v = 0; v < VISITS_PER_PATIENT; v++) {
                    rows.add(new VisitRow(
                            "v-" + a + "-" + p + "-" + v,
                            "agency-" + a,
                            "p-" + a + "-" + p,
                            v % 2 == 0 ? "SN" : "PT",
                            monday.plus(Duration.ofHours(v * 24L)),
                            1));
                }
            }
        }
        template.insertAll(rows);
    }

    /** Reads per second for one round. */
    private static double measure(IntSupplier read, Duration round) {
        long end = System.nanoTime() + round.toNanos();
        long started = System.nanoTime();
        long reads = 0;
        int sink = 0;
        while (System.nanoTime() < end) {
            sink += read.getAsInt();
            reads++;
        }
        if (sink < 0) {
            throw new IllegalStateException();
        }
        return reads / ((System.nanoTime() - started) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
