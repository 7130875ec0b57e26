package org.hearth.platform.test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A bounded wait for something asynchronous (an event to be consumed), polling every 100 ms.
 * <p>
 * {@link #await} fails the test at its deadline: a wait that returned silently let tests go on past a condition that
 * never came and pass or fail far from the cause. {@link #latestWithin} is for the rare check that something did
 * <em>not</em> happen: it waits out the whole time unless it happened, and the caller asserts on what it returns.
 */
public final class Eventually {

    private static final int SHOWN = 500;

    private Eventually() {}

    /** The first value {@code done} accepts; an {@link AssertionError} naming the last value if none came in time. */
    public static <T> T await(Duration timeout, Supplier<T> attempt, Predicate<T> done) {
        return await("the awaited condition", timeout, attempt, done);
    }

    /** As {@link #await(Duration, Supplier, Predicate)}, with {@code what} was awaited in the failure. */
    public static <T> T await(String what, Duration timeout, Supplier<T> attempt, Predicate<T> done) {
        T last = latestWithin(timeout, attempt, done);
        if (!done.test(last)) {
            String shown = String.valueOf(last);
            throw new AssertionError(what + " did not hold within " + timeout.toMillis() + " ms; the last value was "
                    + (shown.length() > SHOWN ? shown.substring(0, SHOWN) + "…" : shown));
        }
        return last;
    }

    /** The first value {@code done} accepts, or the last one read at the deadline; never fails. */
    public static <T> T latestWithin(Duration timeout, Supplier<T> attempt, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = attempt.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
            last = attempt.get();
        }
        return last;
    }
}
