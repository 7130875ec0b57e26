package org.hearth.bench.day;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hearth.bench.MachineLoad;
import org.hearth.bench.day.DayMix.Op;

/**
 * S7 of issue 27, a 50-agency day: populates the agencies (or finds them from an earlier run), then replays a
 * working day's mix at 10× speed against the running stack and prints, per operation class, throughput,
 * p50/p95/p99 and errors; each consumer group's event lag; each process's memory and CPU; the targets; and the
 * first bottleneck candidate with its evidence.
 *
 * <p>Usage: {@code DayBench gatewayUrl keycloakUrl kafkaBootstrap keycloakAdminPasswordFile stateFile
 * [name=pid,…]}. Knobs (environment): {@code HEARTH_DAY_AGENCIES} (50), {@code _PATIENTS} (5,000 in all), {@code
 * _CLINICIANS} (600 in all), {@code _MINUTES} (the first minutes of the compressed day to replay; 60 = all of it),
 * {@code _VISITS} (6,667), {@code _VITALS} (50,000), {@code _MESSAGES} (10,000), {@code _SIGNINGS} (500), {@code
 * _ELIGIBILITY} (1,000), {@code _SPEED} (10), {@code _THREADS} (agencies populated at once, 4), {@code _STEP}
 * ({@code all}, {@code populate} or {@code replay}).
 */
public final class DayBench {

    static final long TARGET_P95_MICROS = 200_000;
    static final long TARGET_LAG_MILLIS = 2_000;
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);

    private DayBench() {}

    public static void main(String[] args) throws Exception {
        try {
            run(args);
            System.exit(0); // the Kafka and HTTP clients' threads must not keep the JVM alive
        } catch (Exception | Error e) {
            System.out.println("S7: FAILED: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        MachineLoad.guard("S7 day");
        String gatewayUrl = args[0];
        String keycloakUrl = args[1];
        String kafka = args[2];
        String adminPassword = Files.readString(Path.of(args[3])).strip();
        Path stateFile = Path.of(args[4]);
        StackProcesses processes = new StackProcesses(args.length > 5 ? args[5] : "");

        int agencyCount = knob("AGENCIES", 50);
        List<DayAgency> agencies = DayAgency.plan(agencyCount, knob("PATIENTS", 5000), knob("CLINICIANS", 600));
        DayMix mix = DayMix.issueDay(
                        knob("VISITS", 6667),
                        knob("VITALS", 50_000),
                        knob("MESSAGES", 10_000),
                        knob("SIGNINGS", 500),
                        knob("ELIGIBILITY", 1000))
                .withSpeed(knob("SPEED", 10));
        Duration length = Duration.ofMinutes(knob("MINUTES", 60));
        String step = System.getenv().getOrDefault("HEARTH_DAY_STEP", "all");

        System.out.printf(
                Locale.ROOT,
                "S7: %d agencies, %d patients, %d clinicians in all; %s",
                agencies.size(),
                agencies.stream().mapToInt(DayAgency::patients).sum(),
                agencies.stream().mapToInt(a -> a.clinicians().size()).sum(),
                mix.describe());

        Http gateway = new Http(gatewayUrl);
        DayState state = DayState.load(stateFile);
        try (Tokens tokens = new Tokens(keycloakUrl)) {
            if (!step.equals("replay")) {
                new DayPopulation(gateway, new KeycloakAdmin(keycloakUrl, adminPassword), tokens, state)
                        .populate(agencies, knob("THREADS", 4));
            }
            if (step.equals("populate")) {
                return;
            }
            DayReplay replay = new DayReplay(gateway, tokens, state);
            long preparing = System.nanoTime();
            replay.prepare(agencies);
            System.out.printf(
                    Locale.ROOT,
                    "S7 replay prepared in %.0f s: %s%n",
                    (System.nanoTime() - preparing) / 1e9,
                    replay.describePrepared());
            tokens.keepFresh();
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(
                    Locale.ROOT,
                    "S7 replay: load average before the replay %.2f on %d cores%s%n",
                    loadBefore,
                    cores,
                    loadBefore > cores ? " (FLAGGED: above the core count, e.g. from the population just before)" : "");

            List<DayMix.Planned> schedule = mix.schedule(length, Duration.ofSeconds(10));
            Duration replayed = length.compareTo(mix.compressed()) < 0 ? length : mix.compressed();
            System.out.printf(
                    Locale.ROOT,
                    "S7 replay: the first %d s of the %d s compressed day (%.1f %%), %d operations at %.2f/s%n",
                    replayed.toSeconds(),
                    mix.compressed().toSeconds(),
                    100.0 * replayed.toNanos() / mix.compressed().toNanos(),
                    schedule.size(),
                    mix.totalRatePerSecond());

            Monitor monitor = new Monitor(kafka, processes);
            long start = System.nanoTime() + 2_000_000_000L;
            monitor.start();
            replay.run(schedule, start);
            double ran = (System.nanoTime() - start) / 1e9;
            monitor.stop();
            state.save();
            report(mix, replay, monitor, replayed.toNanos() / 1e9, ran, cores);
        }
    }

    /** Lag and process samples every few seconds while the replay runs. */
    static final class Monitor {
        final ConsumerLag lag;
        final StackProcesses processes;
        final ScheduledExecutorService every = Executors.newScheduledThreadPool(2);
        Map<String, StackProcesses.Reading> first = Map.of();
        Map<String, StackProcesses.Reading> last = Map.of();
        final Map<String, Long> maxRss = new LinkedHashMap<>();
        long firstNanos;
        long lastNanos;

        Monitor(String kafka, StackProcesses processes) {
            this.lag = new ConsumerLag(kafka);
            this.processes = processes;
        }

        void start() {
            firstNanos = System.nanoTime();
            first = processes.read();
            every.scheduleAtFixedRate(lag::sample, 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            every.scheduleAtFixedRate(this::readProcesses, 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }

        synchronized void readProcesses() {
            last = processes.read();
            lastNanos = System.nanoTime();
            last.forEach((name, r) -> maxRss.merge(name, r.rssKib(), Math::max));
        }

        void stop() throws InterruptedException {
            every.shutdown();
            every.awaitTermination(30, TimeUnit.SECONDS);
            lag.sample();
            readProcesses();
            lag.close();
        }
    }

    static void report(DayMix mix, DayReplay replay, Monitor monitor, double planned, double ran, int cores) {
        LatencyBook book = replay.book();
        System.out.printf(
                Locale.ROOT,
                "%nS7 results: %.0f s planned, the last answer after %.0f s%n"
                        + "  %-18s %8s %8s %8s %8s %8s %8s %8s  %s%n",
                planned,
                ran,
                "class",
                "done",
                "ops/s",
                "planned",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "errors (by status), skipped");
        Map<Op, LatencyBook.Summary> summaries = new EnumMap<>(Op.class);
        for (Op op : Op.values()) {
            LatencyBook.Summary s = book.summary(op, planned);
            summaries.put(op, s);
            System.out.printf(
                    Locale.ROOT,
                    "  %-18s %8d %8.2f %8.2f %8.1f %8.1f %8.1f %8.1f  %d %s%s%n",
                    op.label,
                    s.ok(),
                    s.throughput(),
                    mix.ratePerSecond(op),
                    s.p50Micros() / 1000.0,
                    s.p95Micros() / 1000.0,
                    s.p99Micros() / 1000.0,
                    s.maxMicros() / 1000.0,
                    s.errors(),
                    s.errorsByStatus().isEmpty() ? "" : s.errorsByStatus().toString(),
                    s.skipped() == 0 ? "" : ", " + s.skipped() + " skipped (" + whySkipped(op) + ")");
            book.examples(op).forEach(e -> System.out.println("      e.g. " + e));
        }
        System.out.println(
                "  visits booked or checked in and not finished when the replay ended: " + replay.openVisits());

        List<ConsumerLag.Summary> lags = monitor.lag.summaries();
        System.out.printf(
                "%nEvent lag per consumer group (age of the oldest uncommitted event, sampled every %d s):%n",
                SAMPLE_EVERY.toSeconds());
        System.out.println(lags.isEmpty() ? "  no live consumer group sampled" : ConsumerLag.describe(lags));

        Map<String, Double> cpuSeconds = cpuSeconds(monitor);
        double span = (monitor.lastNanos - monitor.firstNanos) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%nStack processes (RSS at the end, max while sampled; CPU during the replay, %.0f s):%n",
                span);
        long totalRss = 0;
        double totalCpu = 0;
        for (Map.Entry<String, StackProcesses.Reading> e : monitor.last.entrySet()) {
            double cpu = cpuSeconds.getOrDefault(e.getKey(), 0.0);
            totalRss += e.getValue().rssKib();
            totalCpu += cpu;
            System.out.printf(
                    Locale.ROOT,
                    "  %-20s RSS %6d MiB (max %6d MiB)  CPU %7.1f s = %5.1f %% of one core%n",
                    e.getKey(),
                    e.getValue().rssKib() / 1024,
                    monitor.maxRss.getOrDefault(e.getKey(), 0L) / 1024,
                    cpu,
                    span <= 0 ? 0 : 100 * cpu / span);
        }
        if (!monitor.last.isEmpty()) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-20s RSS %6d MiB                   CPU %7.1f s = %5.1f %% of the %d cores%n",
                    "total",
                    totalRss / 1024,
                    totalCpu,
                    span <= 0 ? 0 : 100 * totalCpu / span / cores,
                    cores);
        } else {
            System.out.println("  no process ids given (./hearth bench day passes them)");
        }

        List<String> slow = summaries.values().stream()
                .filter(s -> s.ok() > 0 && s.p95Micros() > TARGET_P95_MICROS)
                .map(s -> s.op().label)
                .toList();
        long errors = summaries.values().stream()
                .mapToLong(LatencyBook.Summary::errors)
                .sum();
        List<String> lagging = lags.stream()
                .filter(l -> l.p99AgeMillis() > TARGET_LAG_MILLIS)
                .map(ConsumerLag.Summary::group)
                .toList();
        System.out.printf(
                "%nTargets (2 cores): p95 <= 200 ms %s; lag p99 <= 2 s %s; 0 errors %s%n",
                slow.isEmpty() ? "MET" : "MISSED (" + String.join(", ", slow) + ")",
                lagging.isEmpty() ? "MET" : "MISSED (" + String.join(", ", lagging) + ")",
                errors == 0 ? "MET" : "MISSED (" + errors + ")");
        System.out.println("First bottleneck candidate: " + bottleneck(summaries, lags, cpuSeconds, span));
    }

    /** Why an operation found nothing to act on: the product's rules, not a failure of the stack. */
    static String whySkipped(Op op) {
        return switch (op) {
            case BOOKING -> "no clinician with a free slot: 12 visits a day, check-in within 2 h, or no visit left";
            case CHECK_IN -> "no booked visit waiting";
            case CHECK_OUT -> "no checked-in visit waiting";
            default -> "nothing to act on";
        };
    }

    static Map<String, Double> cpuSeconds(Monitor monitor) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        monitor.last.forEach((name, r) -> {
            StackProcesses.Reading before = monitor.first.get(name);
            long ticks = r.cpuTicks() - (before == null ? 0 : before.cpuTicks());
            cpu.put(name, Math.max(0, ticks) / StackProcesses.TICKS_PER_SECOND);
        });
        return cpu;
    }

    /** The busiest process, the slowest class and the most lagging group: where to look first, with the figures. */
    static String bottleneck(
            Map<Op, LatencyBook.Summary> summaries,
            List<ConsumerLag.Summary> lags,
            Map<String, Double> cpuSeconds,
            double span) {
        List<String> evidence = new ArrayList<>();
        cpuSeconds.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .ifPresent(e -> evidence.add(String.format(
                        Locale.ROOT,
                        "%s used the most CPU (%.1f s, %.0f %% of one core; next %s)",
                        e.getKey(),
                        e.getValue(),
                        span <= 0 ? 0 : 100 * e.getValue() / span,
                        cpuSeconds.entrySet().stream()
                                .filter(o -> !o.getKey().equals(e.getKey()))
                                .sorted(Map.Entry.<String, Double>comparingByValue()
                                        .reversed())
                                .limit(2)
                                .map(o -> String.format(Locale.ROOT, "%s %.1f s", o.getKey(), o.getValue()))
                                .collect(Collectors.joining(", ")))));
        summaries.values().stream()
                .filter(s -> s.ok() > 0)
                .max(Comparator.comparingLong(LatencyBook.Summary::p95Micros))
                .ifPresent(s -> evidence.add(String.format(
                        Locale.ROOT, "the slowest class is %s (p95 %.1f ms)", s.op().label, s.p95Micros() / 1000.0)));
        lags.stream()
                .max(Comparator.comparingLong(ConsumerLag.Summary::p99AgeMillis))
                .filter(l -> l.p99AgeMillis() > 0)
                .ifPresent(l -> evidence.add(String.format(
                        Locale.ROOT,
                        "the most lagging group is %s (p99 %.2f s)",
                        l.group(),
                        l.p99AgeMillis() / 1000.0)));
        return evidence.isEmpty() ? "none measured" : String.join("; ", evidence);
    }

    private static int knob(String name, int fallback) {
        String value = System.getenv("HEARTH_DAY_" + name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
