package org.hearth.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * S3, token issue: client-credentials grants per second from the real Keycloak of a running stack
 * ({@code ./hearth up}), a partner client asking for tokens from a fixed number of threads. Prints grants/s and
 * latency percentiles; failures are counted, not hidden.
 *
 * <p>Usage: {@code TokenIssueBench [keycloakUrl] [clientId] [clientSecret] [concurrency] [seconds]}
 */
public final class TokenIssueBench {

    private TokenIssueBench() {}

    public static void main(String[] args) throws Exception {
        MachineLoad.guard("S3 tokens");
        String keycloak = args.length > 0 ? args[0] : "http://127.0.0.1:8180";
        String client = args.length > 1 ? args[1] : "sunrise-partner";
        String secret = args.length > 2 ? args[2] : "sunrise-partner-secret";
        int concurrency = Integer.parseInt(args.length > 3 ? args[3] : "8");
        Duration measure = Duration.ofSeconds(Long.parseLong(args.length > 4 ? args[4] : "15"));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest grant = HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/hearth/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=" + client + "&client_secret=" + secret))
                .build();
        run(http, grant, concurrency, Duration.ofSeconds(5)); // warm-up: JIT and Keycloak caches
        Stats stats = run(http, grant, concurrency, measure);
        System.out.printf(
                Locale.ROOT,
                "S3 token issue: %s, client %s, %d threads, %d s%n",
                keycloak,
                client,
                concurrency,
                measure.toSeconds());
        System.out.printf(
                Locale.ROOT,
                "  grants/s %8.1f   p50 %6.1f ms   p99 %6.1f ms   failed %d%n",
                stats.perSecond(),
                stats.p50(),
                stats.p99(),
                stats.failed());
    }

    record Stats(double perSecond, double p50, double p99, long failed) {}

    static Stats run(HttpClient http, HttpRequest grant, int concurrency, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failed = new AtomicLong();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(grant, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200 && response.body().contains("access_token")) {
                                latencies.add(System.nanoTime() - t0);
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p50 = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.isEmpty()
                ? Double.NaN
                : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6;
        return new Stats(sorted.size() / seconds, p50, p99, failed.get());
    }
}
