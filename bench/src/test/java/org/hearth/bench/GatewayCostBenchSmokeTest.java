package org.hearth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of S1's cost benchmark that need no stack: the CPU counters it reads and the nginx it writes. */
class GatewayCostBenchSmokeTest {

    @Test
    void theCpuCounterOfThisProcessGrowsWithWorkOnAnyThread() throws Exception {
        long pid = ProcessHandle.current().pid();
        long before = GatewayCostBench.CpuTime.ticks(List.of(pid));
        Thread busy = new Thread(() -> {
            long end = System.nanoTime() + 300_000_000L;
            double x = 0;
            while (System.nanoTime() < end) {
                x += Math.sqrt(x + 1);
            }
            if (x < 0) {
                System.out.println(x);
            }
        });
        busy.start();
        busy.join();
        long after = GatewayCostBench.CpuTime.ticks(List.of(pid));

        // 300 ms of one thread's work: at least 10 ticks of 10 ms, whatever else the JVM did
        assertThat(GatewayCostBench.CpuTime.millis(after - before)).isGreaterThanOrEqualTo(100);
    }

    @Test
    void nginxProxiesWithOneWorkerAndKeepAliveToTheServiceFromItsOwnHome() {
        String config =
                GatewayCostBench.Nginx.config(Path.of("/tmp/stack/nginx"), 24150, URI.create("http://127.0.0.1:24081"));

        assertThat(config)
                .contains(
                        "worker_processes 1;",
                        "listen 127.0.0.1:24150;",
                        "server 127.0.0.1:24081;",
                        "keepalive 32;",
                        "proxy_http_version 1.1;",
                        "proxy_set_header Connection \"\";",
                        "pid /tmp/stack/nginx/nginx.pid;",
                        "error_log /tmp/stack/nginx/error.log");
        assertThat(config).doesNotContain("/var/", "/etc/");
    }
}
