package org.hearth.messaging.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stream's position in its person's sequence: hands deliveries on in sequence order, each once.
 * <p>
 * Why it waits: a delivery's number is taken (an atomic increment) before the delivery is stored and signalled, so
 * two writers for one person can store and signal 6 before 5. A stream that moved past 5 when 6 came would never
 * send 5, and a client resuming from {@code Last-Event-ID: 6} would never get it either. So a delivery ahead of a
 * missing number waits for it. A number can also stay missing for good (a write that lost a race after taking it, or
 * a writer that died in between): once the hole is older than {@code grace}, or the delivery after it was stored
 * more than {@code grace} ago, the hole is skipped.
 */
final class InOrder {

    private final TreeMap<Long, Delivery> ahead = new TreeMap<>();
    private final long graceNanos;
    private final Duration grace;
    private long last;
    private boolean hole;
    private long holeSinceNanos;

    InOrder(long after, Duration grace) {
        this.last = after;
        this.grace = grace;
        this.graceNanos = grace.toNanos();
    }

    /** The sequence number of the last delivery handed on: the event id to resume from. */
    long last() {
        return last;
    }

    /** Whether deliveries wait behind a missing number. */
    boolean waiting() {
        return !ahead.isEmpty();
    }

    /** Takes a delivery, signalled or read from the store (either may repeat one); answers those now due, in order. */
    List<Delivery> take(Delivery delivery, long nowNanos, Instant now) {
        if (delivery.seq() > last) {
            ahead.putIfAbsent(delivery.seq(), delivery);
        }
        return due(nowNanos, now);
    }

    /** The deliveries due now, in order: the next numbers, and those behind a hole that waited long enough. */
    List<Delivery> due(long nowNanos, Instant now) {
        List<Delivery> due = new ArrayList<>();
        while (!ahead.isEmpty()) {
            Map.Entry<Long, Delivery> first = ahead.firstEntry();
            boolean next = first.getKey() == last + 1;
            boolean givenUp = hole && nowNanos - holeSinceNanos >= graceNanos
                    || first.getValue().at() != null
                            && first.getValue().at().plus(grace).isBefore(now);
            if (!next && !givenUp) {
                break;
            }
            ahead.pollFirstEntry();
            due.add(first.getValue());
            last = first.getKey();
            if (!next) {
                hole = false; // skipped: a later hole gets its own wait
            }
        }
        if (ahead.isEmpty()) {
            hole = false;
        } else if (!hole) {
            hole = true;
            holeSinceNanos = nowNanos;
        }
        return due;
    }
}
