package org.hearth.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator: {@code concurrency} virtual threads each send the next GET as soon as the
 * previous answered, for a fixed time after a warm-up. Reports throughput and latency percentiles; answers
 * other than 200 are counted as errors, never as throughput.
 */
public final class HttpLoad {

    /** Figures of one run. Latencies in microseconds. */
    public record Result(String name, long requests, long errors, double seconds, long p50Micros, long p99Micros) {
        public double throughput() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format(
                    "%-28s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d",
                    name, throughput(), p50Micros / 1000.0, p99Micros / 1000.0, errors);
        }
    }

    private HttpLoad() {}

    public static Result run(String name, URI uri, String bearer, int concurrency, Duration warmup, Duration measure)
            throws InterruptedException {
        HttpClient http = keepAliveClient();
        HttpRequest request = get(uri, bearer);
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        long end = warmupEnd + measure.toNanos();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<long[]> perThread = new ConcurrentLinkedQueue<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < concurrency; t++) {
                threads.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                        boolean ok = answered200(http, request);
                        long done = System.nanoTime();
                        if (start < warmupEnd || done > end) {
                            continue;
                        }
                        if (!ok) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = (done - start) / 1000;
                    }
                    perThread.add(Arrays.copyOf(latencies, n));
                    return null;
                });
            }
            threads.shutdown();
            threads.awaitTermination(warmup.plus(measure).toSeconds() + 60, TimeUnit.SECONDS);
        }
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(
                name, all.length, errors.get(), measure.toNanos() / 1e9, percentile(all, 0.50), percentile(all, 0.99));
    }

    /**
     * Exactly {@code requests} GETs (after {@code warmup} more that are not counted), shared by {@code concurrency}
     * virtual threads over one client's keep-alive connections. The figures' time is the wall time of the counted
     * requests, so a caller can read CPU counters just around the counted part ({@code beforeMeasured} runs between the two).
     */
    public static Result runCount(
            String name, URI uri, String bearer, int concurrency, int warmup, int requests, Runnable beforeMeasured)
            throws InterruptedException {
        HttpClient http = keepAliveClient();
        HttpRequest request = get(uri, bearer);
        AtomicLong errors = new AtomicLong();
        sendAll(http, request, concurrency, warmup, null, new AtomicLong());
        beforeMeasured.run();
        long started = System.nanoTime();
        long[][] perThread = sendAll(http, request, concurrency, requests, new long[concurrency][], errors);
        long elapsed = System.nanoTime() - started;
        long[] all =
                Arrays.stream(perThread).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(name, all.length, errors.get(), elapsed / 1e9, percentile(all, 0.50), percentile(all, 0.99));
    }

    /** Sends {@code count} requests over {@code concurrency} threads; latencies of 200s per thread when asked. */
    private static long[][] sendAll(
            HttpClient http, HttpRequest request, int concurrency, int count, long[][] latencies, AtomicLong errors)
            throws InterruptedException {
        AtomicLong left = new AtomicLong(count);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < concurrency; t++) {
                int thread = t;
                threads.submit(() -> {
                    long[] mine = new long[1 << 12];
                    int n = 0;
                    while (left.getAndDecrement() > 0) {
                        long start = System.nanoTime();
                        boolean ok = answered200(http, request);
                        if (!ok) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = (System.nanoTime() - start) / 1000;
                    }
                    if (latencies != null) {
                        latencies[thread] = Arrays.copyOf(mine, n);
                    }
                    return null;
                });
            }
            threads.shutdown();
            threads.awaitTermination(1, TimeUnit.HOURS);
        }
        return latencies;
    }

    /** One client for a run: HTTP/1.1, so each thread's requests go over a kept-alive connection. */
    private static HttpClient keepAliveClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static HttpRequest get(URI uri, String bearer) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .GET()
                .build();
    }

    /** Whether one request was answered 200; no answer (refused, timed out) counts as an error like any other status. */
    private static boolean answered200(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** The nearest-rank percentile of sorted values (0 when there are none). */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
