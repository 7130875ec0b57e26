package org.hearth.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * S1, the gateway's cost (issue 27): a fixed number of patient-summary reads three ways in one run — straight to
 * patient-service, through nginx (one worker, keep-alive upstream: what a plain reverse proxy costs) and through the
 * Hearth gateway — with each process's CPU time read from {@code /proc/<pid>/stat} (utime + stime, all threads)
 * just before and after the counted requests. CPU per request is the figure the machine's load does not move much;
 * throughput is compared only within the run.
 *
 * <p>nginx is started by this benchmark with a configuration written into {@code nginxHome} (never the system's) and
 * stopped when it ends.
 *
 * <p>Usage: {@code GatewayCostBench gatewayUrl patientServiceUrl keycloakUrl gatewayPid patientServicePid nginxHome
 * nginxPort [requests] [warmup] [connections] [label=url@pid ...]}; each {@code label=url@pid} is one more gateway
 * measured in the same run before the stack's own (e.g. the previous build on another port, for a before/after).
 */
public final class GatewayCostBench {

    /** The targets of issue 27: the gateway's own CPU per request, and its throughput next to nginx's. */
    static final double TARGET_CPU_MS = 0.5;

    static final double TARGET_RATIO = 0.9;

    private GatewayCostBench() {}

    public static void main(String[] args) throws Exception {
        MachineLoad.guard("S1 gateway cost");
        String gateway = args[0];
        String service = args[1];
        String keycloak = args[2];
        long gatewayPid = Long.parseLong(args[3]);
        long servicePid = Long.parseLong(args[4]);
        Path nginxHome = Path.of(args[5]);
        int nginxPort = Integer.parseInt(args[6]);
        int requests = args.length > 7 ? Integer.parseInt(args[7]) : 20_000;
        int warmup = args.length > 8 ? Integer.parseInt(args[8]) : 2_000;
        int connections = args.length > 9 ? Integer.parseInt(args[9]) : 8;

        String carla = PatientSummaryBench.token(keycloak, "carla.coordinator");
        String patel = PatientSummaryBench.token(keycloak, "dr.patel");
        // a token lives 5 minutes, shorter than a whole run: each way asks for a fresh one
        Callable<String> fresh = () -> PatientSummaryBench.token(keycloak, "dr.patel");
        String patient = PatientSummaryBench.setUp(gateway, carla, patel, PatientSummaryBench.claim(patel, "sub"));
        String path = "/api/patients/v1/patients/" + patient + "/summary";

        System.out.printf(
                Locale.ROOT,
                "Patient summary GET, %,d requests per way after %,d warm-up, %d keep-alive "
                        + "connections, token of dr.patel%n",
                requests,
                warmup,
                connections);
        System.out.println("gateway JVM: " + jvmOptions(gatewayPid)
                + (jvmOptions(gatewayPid).contains("TieredStopAtLevel")
                        ? "   <- the launcher's quick-start flags, not production's (HEARTH_JVM=production)"
                        : ""));

        Process nginx = Nginx.start(nginxHome, nginxPort, URI.create(service));
        Runtime.getRuntime().addShutdownHook(new Thread(nginx::destroy));
        try {
            Way direct = measure(
                    "direct (patient-service)",
                    URI.create(service + path),
                    fresh.call(),
                    connections,
                    warmup,
                    requests,
                    List.of(),
                    servicePid);
            Way viaNginx = measure(
                    "through nginx",
                    URI.create("http://127.0.0.1:" + nginxPort + path),
                    fresh.call(),
                    connections,
                    warmup,
                    requests,
                    Nginx.processes(nginx),
                    servicePid);
            List<Way> others = new ArrayList<>();
            for (int i = 10; i < args.length; i++) {
                String label = args[i].substring(0, args[i].indexOf('='));
                String url = args[i].substring(label.length() + 1, args[i].lastIndexOf('@'));
                long pid = Long.parseLong(args[i].substring(args[i].lastIndexOf('@') + 1));
                others.add(measure(
                        "gateway " + label,
                        URI.create(url + path),
                        fresh.call(),
                        connections,
                        warmup,
                        requests,
                        List.of(pid),
                        servicePid));
            }
            Way viaGateway = measure(
                    "through the gateway",
                    URI.create(gateway + path),
                    fresh.call(),
                    connections,
                    warmup,
                    requests,
                    List.of(gatewayPid),
                    servicePid);

            System.out.printf(
                    Locale.ROOT,
                    "%-26s %8s %9s %9s %7s %14s %16s %8s %9s%n",
                    "",
                    "req/s",
                    "p50 ms",
                    "p99 ms",
                    "errors",
                    "proxy CPU ms",
                    "service CPU ms",
                    "load",
                    "/ nginx");
            List<Way> ways = new ArrayList<>(List.of(direct, viaNginx));
            ways.addAll(others);
            ways.add(viaGateway);
            for (Way way : ways) {
                System.out.printf(
                        Locale.ROOT,
                        "%s %8.2fx%n",
                        way,
                        way.result().throughput() / viaNginx.result().throughput());
            }
            double ratio = viaGateway.result().throughput() / viaNginx.result().throughput();
            System.out.printf(
                    Locale.ROOT,
                    "gateway / nginx: throughput %.2fx (target >= %.1fx: %s); CPU per request "
                            + "%.3f ms / %.3f ms = %.1fx (target gateway <= %.1f ms: %s)%n",
                    ratio,
                    TARGET_RATIO,
                    ratio >= TARGET_RATIO ? "met" : "missed",
                    viaGateway.proxyCpuMs(),
                    viaNginx.proxyCpuMs(),
                    viaGateway.proxyCpuMs() / viaNginx.proxyCpuMs(),
                    TARGET_CPU_MS,
                    viaGateway.proxyCpuMs() <= TARGET_CPU_MS ? "met" : "missed");
        } finally {
            Nginx.stop(nginx);
        }
    }

    /** One way's figures: the load's, and CPU milliseconds per answered request of the proxy and of the service. */
    record Way(HttpLoad.Result result, double proxyCpuMs, double serviceCpuMs, double loadAfter) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%-26s %8.0f %9.2f %9.2f %7d %14s %16.3f %8.2f",
                    result.name(),
                    result.throughput(),
                    result.p50Micros() / 1000.0,
                    result.p99Micros() / 1000.0,
                    result.errors(),
                    Double.isNaN(proxyCpuMs) ? "-" : String.format(Locale.ROOT, "%.3f", proxyCpuMs),
                    serviceCpuMs,
                    loadAfter);
        }
    }

    static Way measure(
            String name,
            URI uri,
            String bearer,
            int connections,
            int warmup,
            int requests,
            List<Long> proxy,
            long service)
            throws InterruptedException {
        long[] before = new long[2];
        HttpLoad.Result result = HttpLoad.runCount(name, uri, bearer, connections, warmup, requests, () -> {
            before[0] = CpuTime.ticks(proxy);
            before[1] = CpuTime.ticks(List.of(service));
        });
        long proxyTicks = CpuTime.ticks(proxy) - before[0];
        long serviceTicks = CpuTime.ticks(List.of(service)) - before[1];
        // per answered request; a way where nothing was answered has no such figure
        double answered = result.requests() == 0 ? Double.NaN : result.requests();
        return new Way(
                result,
                proxy.isEmpty() ? Double.NaN : CpuTime.millis(proxyTicks) / answered,
                CpuTime.millis(serviceTicks) / answered,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The JVM options a process was started with (what stands between {@code java} and {@code -jar}). */
    static String jvmOptions(long pid) {
        try {
            String[] parts = Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.UTF_8)
                    .split("\0");
            StringBuilder options = new StringBuilder();
            for (int i = 1; i < parts.length && !parts[i].equals("-jar") && !parts[i].equals("-cp"); i++) {
                options.append(options.isEmpty() ? "" : " ").append(parts[i]);
            }
            return options.toString();
        } catch (IOException e) {
            return "(unknown: " + e.getMessage() + ")";
        }
    }

    /** CPU time from {@code /proc/<pid>/stat}: utime + stime, which count every thread of the process. */
    static final class CpuTime {

        /** USER_HZ, the unit of those fields; 100 on every Linux that matters here. */
        private static final long TICKS_PER_SECOND = ticksPerSecond();

        private CpuTime() {}

        static long ticks(List<Long> pids) {
            long sum = 0;
            for (long pid : pids) {
                sum += ticks(pid);
            }
            return sum;
        }

        static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                // the command name (field 2) may hold spaces; the fields after it start at the last ')'
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15: utime, stime
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the CPU time of process " + pid, e);
            }
        }

        static double millis(long ticks) {
            return ticks * 1000.0 / TICKS_PER_SECOND;
        }

        private static long ticksPerSecond() {
            try {
                Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                        .redirectErrorStream(true)
                        .start();
                String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
            } catch (IOException | NumberFormatException | InterruptedException e) {
                return 100;
            }
        }
    }

    /** nginx as a plain reverse proxy in front of patient-service, with its own prefix, config and logs. */
    static final class Nginx {

        private Nginx() {}

        static String config(Path home, int port, URI upstream) {
            // one worker (one core's worth, like the gateway's pod), keep-alive to the clients and to the service,
            // no access log (the gateway writes none either), responses buffered in memory only
            return """
                    worker_processes 1;
                    daemon off;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 1024; }
                    http {
                        access_log off;
                        keepalive_requests 1000000;
                        client_body_temp_path %1$s/tmp/body;
                        proxy_temp_path %1$s/tmp/proxy;
                        fastcgi_temp_path %1$s/tmp/fastcgi;
                        uwsgi_temp_path %1$s/tmp/uwsgi;
                        scgi_temp_path %1$s/tmp/scgi;
                        upstream patient_service {
                            server %2$s:%3$d;
                            keepalive 32;
                            keepalive_requests 1000000;
                        }
                        server {
                            listen 127.0.0.1:%4$d;
                            location / {
                                proxy_pass http://patient_service;
                                proxy_http_version 1.1;
                                proxy_set_header Connection "";
                                proxy_set_header Host $host;
                                proxy_buffers 16 16k;
                                proxy_max_temp_file_size 0;
                            }
                        }
                    }
                    """.formatted(home, upstream.getHost(), upstream.getPort(), port);
        }

        static Process start(Path home, int port, URI upstream) throws IOException, InterruptedException {
            Files.createDirectories(home.resolve("tmp"));
            Path conf = home.resolve("nginx.conf");
            Files.writeString(conf, config(home, port, upstream));
            Process nginx = new ProcessBuilder(
                            binary(),
                            "-p",
                            home.toString(),
                            "-e",
                            home.resolve("error.log").toString(),
                            "-c",
                            conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("nginx.out").toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!listening(port)) {
                if (!nginx.isAlive() || System.nanoTime() > deadline) {
                    nginx.destroy();
                    throw new IllegalStateException(
                            "nginx did not start on port " + port + "; see " + home + "/nginx.out and error.log");
                }
                Thread.sleep(50);
            }
            System.out.printf(
                    Locale.ROOT, "nginx %d (one worker) on 127.0.0.1:%d, config %s%n", nginx.pid(), port, conf);
            return nginx;
        }

        /** The master and its workers: the master's counters do not include children that are still running. */
        static List<Long> processes(Process nginx) {
            List<Long> pids = new ArrayList<>();
            pids.add(nginx.pid());
            nginx.descendants().forEach(child -> pids.add(child.pid()));
            return pids;
        }

        static void stop(Process nginx) throws InterruptedException {
            nginx.destroy(); // SIGTERM: nginx's fast shutdown
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.descendants().forEach(ProcessHandle::destroyForcibly);
                nginx.destroyForcibly();
            }
        }

        private static String binary() {
            for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")) {
                if (Files.isExecutable(Path.of(candidate))) {
                    return candidate;
                }
            }
            return "nginx";
        }

        private static boolean listening(int port) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
