package org.hearth.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The shared buckets against a real Redis ({@code redis-server} from Debian, started on a free port): two
 * gateway replicas draw from one bucket, so together they grant the limit once, not twice.
 */
class RedisTokenBucketsIT {

    private static Process redis;
    private static int port;
    private static final List<LettuceConnectionFactory> CONNECTIONS = new ArrayList<>();

    @BeforeAll
    static void startRedis() throws Exception {
        Path server = Path.of("/usr/bin/redis-server");
        if (!Files.isExecutable(server)) {
            throw new IllegalStateException(
                    "redis-server is needed for this test: apt-get install -y redis-server " + "(.ci/run installs it)");
        }
        port = freePort();
        redis = new ProcessBuilder(
                        server.toString(),
                        "--port",
                        String.valueOf(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not listen on " + port + " within 10 s");
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stopRedis() throws InterruptedException {
        CONNECTIONS.forEach(LettuceConnectionFactory::destroy);
        if (redis != null) {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static RedisTokenBuckets replica() {
        LettuceConnectionFactory connection =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        connection.afterPropertiesSet();
        connection.start();
        CONNECTIONS.add(connection);
        return new RedisTokenBuckets(new ReactiveStringRedisTemplate(connection));
    }

    @Test
    void twoReplicasShareOneBucket() {
        RedisTokenBuckets first = replica();
        RedisTokenBuckets second = replica();
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(0.5, 4);

        int allowed = 0;
        TokenBuckets.Decision last = null;
        for (int i = 0; i < 10; i++) {
            last = (i % 2 == 0 ? first : second)
                    .take("caller:partner:shared", limit)
                    .block(Duration.ofSeconds(5));
            allowed += last.allowed() ? 1 : 0;
        }

        assertThat(allowed).isEqualTo(4);
        assertThat(last.allowed()).isFalse();
        assertThat(last.retryAfter()).isBetween(Duration.ofMillis(1), Duration.ofSeconds(2));
        assertThat(first.take("caller:partner:other", limit)
                        .block(Duration.ofSeconds(5))
                        .allowed())
                .as("another caller's bucket")
                .isTrue();
    }

    @Test
    void aBucketRefillsAtItsRate() throws InterruptedException {
        RedisTokenBuckets buckets = replica();
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(2, 1);
        TokenBuckets.Decision decision;
        int attempts = 0;
        do { // drains the bucket however slowly this machine runs the calls
            decision = buckets.take("caller:refill", limit).block(Duration.ofSeconds(5));
        } while (decision.allowed() && ++attempts < 50);
        assertThat(decision.allowed()).isFalse();

        Thread.sleep(decision.retryAfter().toMillis() + 100);

        assertThat(buckets.take("caller:refill", limit)
                        .block(Duration.ofSeconds(5))
                        .allowed())
                .isTrue();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
