package org.hearth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hearth.planner.Plan;
import org.hearth.planner.Planner;
import org.hearth.planner.hhcrsp.HhcrspCheck;
import org.hearth.planner.hhcrsp.HhcrspInstance;

/**
 * Solves every HHCRSP instance of a folder with the planner, checks each plan independently against the instance
 * data, and prints instance, objective, best known value, gap, feasibility and time; writes the same as JSON. Best
 * known values are read from the README beside the instances (its table of `| Id | File | … | **BKS** |`).
 *
 * <p>Usage: {@code OptimizerBench [instancesDir] [secondsPerInstance] [resultsDir] [seed]}
 */
public final class OptimizerBench {

    private static final Pattern BKS_ROW = Pattern.compile("^\\|\\s*(\\w+)\\s*\\|\\s*`([^`]+)`.*\\*\\*([0-9.]+)\\*\\*");

    private OptimizerBench() {}

    record Row(
            String id,
            String file,
            int patients,
            int caregivers,
            double objective,
            Double bestKnown,
            Double gapPercent,
            boolean feasible,
            List<String> violations,
            long millis,
            long iterations) {}

    public static void main(String[] args) throws IOException {
        MachineLoad.guard("optimizer");
        Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/hhcrsp/instances");
        Duration limit = Duration.ofSeconds(Long.parseLong(args.length > 1 ? args[1] : "60"));
        Path results = Path.of(args.length > 2 ? args[2] : "bench/results");
        long seed = Long.parseLong(args.length > 3 ? args[3] : "42");
        Map<String, String[]> known = bestKnown(dir.resolveSibling("README.md"));
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".txt"))
                    .sorted(OptimizerBench::bySize)
                    .toList();
        }
        System.out.printf(
                Locale.ROOT,
                "HHCRSP benchmark: %d instances from %s, %d s each, seed %d, %d cores%n%n",
                files.size(),
                dir,
                limit.toSeconds(),
                seed,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                Locale.ROOT,
                "%-4s %-30s %8s %10s %8s %8s %9s %7s %10s%n",
                "id",
                "instance",
                "patients",
                "objective",
                "BKS",
                "gap %",
                "feasible",
                "time s",
                "iterations");
        List<Row> rows = new ArrayList<>();
        for (Path file : files) {
            HhcrspInstance instance = HhcrspInstance.read(file);
            Plan plan = Planner.solve(
                    instance.problem(), Planner.Options.timeLimit(limit).withSeed(seed), () -> false);
            HhcrspCheck.Result check = HhcrspCheck.check(instance, plan);
            String[] bks = known.get(file.getFileName().toString());
            Double best = bks == null ? null : Double.parseDouble(bks[1]);
            Double gap = best == null ? null : 100 * (check.objective() - best) / best;
            Row row = new Row(
                    bks == null ? "-" : bks[0],
                    file.getFileName().toString(),
                    instance.nodes() - 2,
                    instance.caregivers(),
                    round(check.objective()),
                    best,
                    gap == null ? null : round(gap),
                    check.feasible(),
                    check.violations(),
                    plan.elapsedMillis(),
                    plan.iterations());
            rows.add(row);
            System.out.printf(
                    Locale.ROOT,
                    "%-4s %-30s %8d %10.2f %8s %8s %9s %7.1f %10d%n",
                    row.id(),
                    row.file(),
                    row.patients(),
                    row.objective(),
                    best == null ? "-" : String.format(Locale.ROOT, "%.1f", best),
                    gap == null ? "-" : String.format(Locale.ROOT, "%+.2f", gap),
                    row.feasible() ? "yes" : "NO",
                    row.millis() / 1000.0,
                    row.iterations());
        }
        long feasible = rows.stream().filter(Row::feasible).count();
        double meanGap = rows.stream()
                .filter(r -> r.gapPercent() != null)
                .mapToDouble(Row::gapPercent)
                .average()
                .orElse(Double.NaN);
        double worstGap = rows.stream()
                .filter(r -> r.gapPercent() != null)
                .mapToDouble(Row::gapPercent)
                .max()
                .orElse(Double.NaN);
        System.out.printf(
                Locale.ROOT,
                "%nfeasible %d/%d; gap to best known: mean %+.2f %%, worst %+.2f %%%n",
                feasible,
                rows.size(),
                meanGap,
                worstGap);
        Files.createDirectories(results);
        Path out = results.resolve("optimizer-" + Instant.now().toString().replace(':', '-') + ".json");
        Files.writeString(out, json(rows, limit, seed));
        System.out.println("results: " + out);
    }

    /** Smaller instances first: 10 before 25 before 50 patients, then by number. */
    private static int bySize(Path a, Path b) {
        return Long.compare(key(a), key(b));
    }

    private static long key(Path file) {
        Matcher m = Pattern.compile("_(\\d+)_(\\d+)\\.txt$")
                .matcher(file.getFileName().toString());
        return m.find() ? Long.parseLong(m.group(1)) * 1000 + Long.parseLong(m.group(2)) : Long.MAX_VALUE;
    }

    static Map<String, String[]> bestKnown(Path readme) throws IOException {
        Map<String, String[]> known = new HashMap<>();
        if (!Files.exists(readme)) {
            return known;
        }
        for (String line : Files.readAllLines(readme)) {
            Matcher m = BKS_ROW.matcher(line);
            if (m.find()) {
                known.put(m.group(2), new String[] {m.group(1), m.group(3)});
            }
        }
        return known;
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    private static String json(List<Row> rows, Duration limit, long seed) {
        StringBuilder s = new StringBuilder("{\"benchmark\":\"hhcrsp\",\"secondsPerInstance\":")
                .append(limit.toSeconds())
                .append(",\"seed\":")
                .append(seed)
                .append(",\"cores\":")
                .append(Runtime.getRuntime().availableProcessors())
                .append(",\"rows\":[");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            s.append(i == 0 ? "" : ",")
                    .append(String.format(
                            Locale.ROOT,
                            "{\"id\":\"%s\",\"instance\":\"%s\",\"patients\":%d,\"caregivers\":%d,\"objective\":%.2f,\"bestKnown\":%s,"
                                    + "\"gapPercent\":%s,\"feasible\":%b,\"violations\":%d,\"millis\":%d,\"iterations\":%d}",
                            r.id(),
                            r.file(),
                            r.patients(),
                            r.caregivers(),
                            r.objective(),
                            r.bestKnown() == null ? "null" : r.bestKnown().toString(),
                            r.gapPercent() == null ? "null" : r.gapPercent().toString(),
                            r.feasible(),
                            r.violations().size(),
                            r.millis(),
                            r.iterations()));
        }
        return s.append("]}\n").toString();
    }
}
