package org.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.Eventually;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ordinary faults on the real stack of {@code ./hearth up}, each an experiment of at most ~90 s that prints its
 * figure: consumers killed mid-burst, the broker down for 20 s, a service killed between its write and its publish,
 * the database killed. The invariant after each is the operator's own {@code ./hearth check}: every alert raised
 * has exactly one notice for the physician, every admitted patient reached scheduling and messaging. Poison records
 * and racing bookings are in {@link PoisonRecordsIT} and {@link DoubleBookingIT}.
 */
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    static final LocalStack STACK = SharedStack.STACK;
    static final Keycloak KEYCLOAK = new Keycloak(LocalStack.KEYCLOAK_PORT);
    static final ApiClient GATEWAY = ApiClient.onPort(LocalStack.GATEWAY_PORT);
    static final RiverbendDesk DESK = new RiverbendDesk(KEYCLOAK, GATEWAY);

    @Test
    @Order(1)
    void alertsRaisedWhileMessagingIsDownAllReachThePhysicianOnce() {
        Signals before = signals();
        STACK.launcher(120, "stop", "messaging-service");
        List<String> admitted;
        try {
            admitted = burst(20, 4, i -> DESK.admittedWithCriticalReading("Offline" + i), () -> {});
        } finally {
            STACK.launcher(300, "start", "messaging-service");
        }
        assertThat(admitted)
                .as("messaging down refuses no admission, team or reading")
                .hasSize(20);
        Signals after = settled();
        System.out.printf(
                "F1 messaging down while %d patients were admitted with a critical reading: %d alerts, "
                        + "%d notices (%d missing, %d duplicated)%n",
                admitted.size(),
                after.expected - before.expected,
                after.delivered - before.delivered,
                after.missing,
                after.duplicated);
        assertThat(after.expected - before.expected).isGreaterThanOrEqualTo(admitted.size());
        assertThat(after.delivered - before.delivered).isEqualTo(after.expected - before.expected);
    }

    @Test
    @Order(2)
    void consumersKilledMidBurstLoseAndDoubleNothing() {
        Signals before = signals();
        List<String> admitted = burst(30, 4, i -> DESK.admittedWithCriticalReading("Crash" + i), () -> {
            STACK.launcher(60, "kill", "messaging-service");
            STACK.launcher(60, "kill", "scheduling-service");
            CompletableFuture.allOf(
                            CompletableFuture.runAsync(() -> STACK.launcher(300, "start", "messaging-service")),
                            CompletableFuture.runAsync(() -> STACK.launcher(300, "start", "scheduling-service")))
                    .join();
        });
        assertThat(admitted).as("patient-service stayed up: nothing refused").hasSize(30);
        Signals after = settled();
        System.out.printf(
                "F2 messaging and scheduling killed (SIGKILL) mid-burst of %d admissions: %d alerts, "
                        + "%d notices (%d missing, %d duplicated); every patient reached both%n",
                admitted.size(),
                after.expected - before.expected,
                after.delivered - before.delivered,
                after.missing,
                after.duplicated);
        assertThat(after.expected - before.expected).isGreaterThanOrEqualTo(admitted.size());
        assertThat(after.delivered - before.delivered).isEqualTo(after.expected - before.expected);
    }

    @Test
    @Order(3)
    void theBrokerDownForTwentySecondsUnderLoadLosesNoEventAndNoNotice() {
        Signals before = signals();
        AtomicInteger refused = new AtomicInteger();
        List<String> admitted = burst(
                40,
                4,
                i -> {
                    String id = DESK.admittedWithCriticalReading("Broker" + i); // null: refused, so no alert is owed
                    if (id == null) {
                        refused.incrementAndGet();
                    }
                    return id;
                },
                () -> {
                    STACK.launcher(60, "kill", "kafka");
                    sleep(Duration.ofSeconds(20));
                    STACK.launcher(120, "start", "kafka");
                });
        Signals after = settled();
        System.out.printf(
                "F3 broker killed for 20 s under load: %d admissions acknowledged (%d refused), %d alerts, "
                        + "%d notices (%d missing, %d duplicated)%n",
                admitted.size(),
                refused.get(),
                after.expected - before.expected,
                after.delivered - before.delivered,
                after.missing,
                after.duplicated);
        assertThat(after.expected - before.expected).isGreaterThanOrEqualTo(admitted.size());
        assertThat(after.delivered - before.delivered).isEqualTo(after.expected - before.expected);
    }

    @Test
    @Order(4)
    void aServiceKilledBetweenItsWriteAndItsPublishPublishesEveryAcknowledgedWrite() {
        Signals before = signals("patient -> scheduling");
        AtomicInteger refusals = new AtomicInteger();
        List<String> acknowledged = burst(
                100,
                4,
                i -> DESK.admitRetrying("Outbox" + i, Duration.ofSeconds(150), refused -> refusals.incrementAndGet()),
                () -> {
                    STACK.launcher(60, "kill", "patient-service");
                    STACK.launcher(300, "start", "patient-service");
                });
        Signals after = settled("patient -> scheduling");
        System.out.printf(
                "F4 patient-service killed (SIGKILL) mid-burst of 100 admissions, clients retrying with "
                        + "their Idempotency-Key: %d acknowledged (%d refusals retried), %d new patients, %d published to "
                        + "scheduling%n",
                acknowledged.size(),
                refusals.get(),
                after.expected - before.expected,
                after.delivered - before.delivered);
        assertThat(acknowledged).hasSize(100);
        assertThat(after.expected - before.expected)
                .as("patients created: retries admitted nobody twice")
                .isEqualTo(100);
        assertThat(after.delivered - before.delivered).isEqualTo(100);
    }

    @Test
    @Order(5)
    void theDatabaseKilledLosesNoAcknowledgedWriteAndRefusesFastWhileDown() {
        Signals before = signals("patient -> scheduling");
        List<Long> refusalMillis = Collections.synchronizedList(new ArrayList<>());
        List<String> acknowledged = burst(
                60,
                4,
                i -> DESK.admitRetrying("Store" + i, Duration.ofSeconds(120), refused -> {
                    if (refused.answer() != null && refused.answer().status() == 503) {
                        assertThat(refused.answer().contentType()).startsWith("application/problem+json");
                        assertThat(refused.answer().header("Retry-After")).isPresent();
                        refusalMillis.add(refused.millis());
                    }
                }),
                () -> {
                    STACK.launcher(60, "kill", "mongo");
                    sleep(Duration.ofSeconds(5));
                    STACK.launcher(120, "start", "mongo");
                });
        long kept = acknowledged.stream()
                .map(id -> DESK.send(
                        "GET", RiverbendDesk.PATIENTS + "/" + id, DESK.token(RiverbendDesk.RITA), null, Map.of()))
                .filter(r -> r != null && r.status() == 200)
                .count();
        long slowest = refusalMillis.stream().mapToLong(Long::longValue).max().orElse(0);
        Signals after = settled("patient -> scheduling");
        System.out.printf(
                "F5 MongoDB wire server killed (SIGKILL) mid-burst of 60 admissions, clients retrying with "
                        + "their Idempotency-Key: %d acknowledged, %d still there after the restart, %d new patients; %d "
                        + "refusals with 503 while it was down (slowest %d ms)%n",
                acknowledged.size(), kept, after.expected - before.expected, refusalMillis.size(), slowest);
        assertThat(acknowledged).hasSize(60);
        assertThat(kept).isEqualTo(60);
        assertThat(after.expected - before.expected)
                .as("patients created: retries admitted nobody twice")
                .isEqualTo(60);
        assertThat(slowest).as("slowest 503 while the store was down, ms").isLessThan(3_000);
    }

    /** Runs {@code count} steps on {@code threads} threads; the fault runs once a third of them have finished. */
    private static List<String> burst(int count, int threads, IntFunction<String> step, Runnable fault) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    try {
                        return step.apply(n);
                    } finally {
                        done.incrementAndGet();
                    }
                }));
            }
            // the fault strikes once a third of the burst is through, or after a minute on a slow machine: mid-burst
            Eventually.latestWithin(Duration.ofSeconds(60), done::get, d -> d >= count / 3);
            fault.run();
            List<String> ids = new ArrayList<>();
            for (Future<String> result : results) {
                String id = result.get(3, TimeUnit.MINUTES);
                if (id != null) {
                    ids.add(id);
                }
            }
            return ids;
        } catch (Exception e) {
            throw new AssertionError("the burst did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Signals signals() {
        return signals("alert -> notice");
    }

    /** Riverbend's line of one invariant in {@code ./hearth check}, with nothing counted as in flight. */
    private static Signals signals(String invariant) {
        LocalStack.Outcome check = STACK.call(120, Map.of("HEARTH_CHECK_SETTLE_SECONDS", "0"), "check");
        String tenant = DESK.tenant();
        Matcher line = Pattern.compile(
                        Pattern.quote(invariant) + "\\s+agency (\\S+): (\\d+) expected, (\\d+) delivered, "
                                + "(\\d+) missing.*?, (\\d+) in flight, (\\d+) duplicated")
                .matcher(check.output());
        while (line.find()) {
            if (line.group(1).equals(tenant)) {
                return new Signals(
                        Integer.parseInt(line.group(2)),
                        Integer.parseInt(line.group(3)),
                        Integer.parseInt(line.group(4)),
                        Integer.parseInt(line.group(6)),
                        check.exitCode() == 0,
                        check.output());
            }
        }
        return new Signals(0, 0, 0, 0, check.exitCode() == 0, check.output());
    }

    private static Signals settled() {
        return settled("alert -> notice");
    }

    /** Waits (at most 90 s) until every signal of every invariant is delivered, or one is doubled. */
    private static Signals settled(String invariant) {
        Instant deadline = Instant.now().plusSeconds(90);
        Signals now = signals(invariant);
        while (!now.holds && now.duplicated == 0 && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofSeconds(3));
            now = signals(invariant);
        }
        assertThat(now.holds)
                .as("./hearth check after the fault:%n%s", now.report)
                .isTrue();
        return now;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Riverbend's alerts and their notices as {@code ./hearth check} counts them, and whether every invariant holds. */
    record Signals(int expected, int delivered, int missing, int duplicated, boolean holds, String report) {}
}
