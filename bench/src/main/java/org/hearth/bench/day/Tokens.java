package org.hearth.bench.day;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.hearth.bench.PatientSummaryBench;

/**
 * Access tokens of the day's people (password grant, as {@link PatientSummaryBench} takes them). Tokens live five
 * minutes: during the replay a background pass renews every token older than three, so no timed operation waits
 * for Keycloak (S3 measures Keycloak on its own).
 */
final class Tokens implements AutoCloseable {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(3);

    private record Held(String token, long issuedNanos) {}

    private final String keycloak;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Semaphore parallel = new Semaphore(4);
    private volatile Thread renewer;

    Tokens(String keycloak) {
        this.keycloak = keycloak;
    }

    /** The user's current token; taken (or renewed) now when there is none young enough. */
    String of(String username) {
        Held h = held.get(username);
        if (h == null
                || System.nanoTime() - h.issuedNanos() > Duration.ofMinutes(4).toNanos()) {
            h = issue(username);
        }
        return h.token();
    }

    /** Takes every user's token now, a few at a time. */
    void takeAll(List<String> usernames) throws InterruptedException {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String user : usernames) {
                threads.submit(() -> issue(user));
            }
        }
    }

    /** Renews the tokens in the background until closed. */
    void keepFresh() {
        renewer = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(10_000);
                    List<String> old = new ArrayList<>();
                    held.forEach((user, h) -> {
                        if (System.nanoTime() - h.issuedNanos() > RENEW_AFTER.toNanos()) {
                            old.add(user);
                        }
                    });
                    takeAll(old);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private Held issue(String username) {
        try {
            parallel.acquire();
            try {
                Held h = new Held(PatientSummaryBench.token(keycloak, username), System.nanoTime());
                held.put(username, h);
                return h;
            } finally {
                parallel.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking a token");
        } catch (Exception e) {
            throw new IllegalStateException("no token for " + username + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (renewer != null) {
            renewer.interrupt();
        }
    }
}
