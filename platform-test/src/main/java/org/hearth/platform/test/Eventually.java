package org.hearth.platform.test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** A bounded wait for something asynchronous (an event to be consumed), polling every 100 ms. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T await(Duration timeout, Supplier<T> attempt, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = attempt.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = attempt.get();
        }
        return last;
    }
}
