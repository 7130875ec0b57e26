package org.hearth.bench.day;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hearth.bench.HttpLoad;
import org.hearth.bench.day.DayMix.Op;

/**
 * What each operation class took. A latency runs from the operation's <em>planned</em> time, not from when it was
 * sent: if the stack (or this generator) falls behind, the wait counts, so coordinated omission cannot hide
 * queueing. Failed operations are counted by the status of the call that failed (0: no answer) and never as
 * throughput; an operation that found nothing to act on (a check-in with no booked visit yet) is counted apart.
 */
public final class LatencyBook {

    /** One class's figures. Latencies in microseconds. */
    public record Summary(
            Op op,
            long ok,
            Map<Integer, Long> errorsByStatus,
            long skipped,
            double seconds,
            long p50Micros,
            long p95Micros,
            long p99Micros,
            long maxMicros) {

        public long errors() {
            return errorsByStatus.values().stream().mapToLong(Long::longValue).sum();
        }

        public double throughput() {
            return seconds <= 0 ? 0 : ok / seconds;
        }
    }

    private static final class Book {
        long[] micros = new long[1024];
        int n;
        final Map<Integer, Long> errors = new TreeMap<>();
        final AtomicLong skipped = new AtomicLong();
        final java.util.List<String> examples = new java.util.ArrayList<>();
    }

    private final Map<Op, Book> books = new EnumMap<>(Op.class);

    public LatencyBook() {
        for (Op op : Op.values()) {
            books.put(op, new Book());
        }
    }

    /** An operation that succeeded, {@code doneNanos - plannedNanos} after it was due. */
    public void ok(Op op, long plannedNanos, long doneNanos) {
        Book book = books.get(op);
        synchronized (book) {
            if (book.n == book.micros.length) {
                book.micros = Arrays.copyOf(book.micros, book.n * 2);
            }
            book.micros[book.n++] = Math.max(0, doneNanos - plannedNanos) / 1000;
        }
    }

    /** An operation whose call answered {@code status} (0 when it got no answer at all); the first few kept. */
    public void failed(Op op, int status, String example) {
        Book book = books.get(op);
        synchronized (book) {
            book.errors.merge(status, 1L, Long::sum);
            if (book.examples.size() < 3 && example != null) {
                book.examples.add(status + " " + (example.length() > 240 ? example.substring(0, 240) : example));
            }
        }
    }

    /** The first failures of a class, as answered (status and problem detail). */
    public java.util.List<String> examples(Op op) {
        Book book = books.get(op);
        synchronized (book) {
            return java.util.List.copyOf(book.examples);
        }
    }

    public void skipped(Op op) {
        books.get(op).skipped.incrementAndGet();
    }

    public Summary summary(Op op, double seconds) {
        Book book = books.get(op);
        long[] sorted;
        Map<Integer, Long> errors;
        synchronized (book) {
            sorted = Arrays.copyOf(book.micros, book.n);
            errors = new TreeMap<>(book.errors);
        }
        Arrays.sort(sorted);
        return new Summary(
                op,
                sorted.length,
                errors,
                book.skipped.get(),
                seconds,
                HttpLoad.percentile(sorted, 0.50),
                HttpLoad.percentile(sorted, 0.95),
                HttpLoad.percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }
}
