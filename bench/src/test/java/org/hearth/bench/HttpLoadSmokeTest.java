package org.hearth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The load generator counts what really happened: only 200s as throughput, failures as errors. */
class HttpLoadSmokeTest {

    @Test
    void countsAnsweredRequestsAndErrorsSeparately() throws Exception {
        AtomicInteger served = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> {
            served.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/fail", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            HttpLoad.Result ok =
                    HttpLoad.run("ok", URI.create(base + "/ok"), "t", 2, Duration.ofMillis(200), Duration.ofSeconds(1));
            HttpLoad.Result fail =
                    HttpLoad.run("fail", URI.create(base + "/fail"), "t", 2, Duration.ZERO, Duration.ofMillis(500));

            assertThat(ok.requests()).isPositive().isLessThanOrEqualTo(served.get());
            assertThat(ok.errors()).isZero();
            assertThat(ok.p99Micros()).isGreaterThanOrEqualTo(ok.p50Micros()).isPositive();
            assertThat(fail.requests()).isZero();
            assertThat(fail.errors()).isPositive();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aCountedRunSendsExactlyTheWarmUpAndTheCountedRequests() throws Exception {
        AtomicInteger served = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> {
            served.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            AtomicInteger servedBeforeMeasuring = new AtomicInteger(-1);
            HttpLoad.Result ok = HttpLoad.runCount(
                    "ok",
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ok"),
                    "t",
                    3,
                    20,
                    100,
                    () -> servedBeforeMeasuring.set(served.get()));

            assertThat(servedBeforeMeasuring.get()).isEqualTo(20);
            assertThat(served.get()).isEqualTo(120);
            assertThat(ok.requests()).isEqualTo(100);
            assertThat(ok.errors()).isZero();
            assertThat(ok.seconds()).isPositive();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void percentilesComeFromTheSortedSample() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(HttpLoad.percentile(sorted, 0.5)).isEqualTo(5);
        assertThat(HttpLoad.percentile(sorted, 0.99)).isEqualTo(10);
        assertThat(HttpLoad.percentile(new long[0], 0.5)).isZero();
    }
}
