package org.hearth.bench.day;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hearth.bench.day.DayMix.Op;
import org.junit.jupiter.api.Test;

/** Latency counts from the planned time; failures count by status and never as throughput. */
class LatencyBookTest {

    @Test
    void latencyRunsFromThePlannedTimeSoAQueueShowsInThePercentiles() {
        LatencyBook book = new LatencyBook();
        // 100 operations due every 10 ms; the first 95 answered 5 ms after they were due, the last 5 waited
        // behind a stall and answered 500 ms after theirs although each took only 5 ms once sent
        for (int i = 0; i < 100; i++) {
            long due = i * 10_000_000L;
            book.ok(Op.VITALS, due, due + (i < 95 ? 5_000_000L : 500_000_000L));
        }
        LatencyBook.Summary s = book.summary(Op.VITALS, 1.0);
        assertThat(s.ok()).isEqualTo(100);
        assertThat(s.p50Micros()).isEqualTo(5_000);
        assertThat(s.p95Micros()).isEqualTo(5_000);
        assertThat(s.p99Micros()).isEqualTo(500_000);
        assertThat(s.maxMicros()).isEqualTo(500_000);
        assertThat(s.throughput()).isEqualTo(100.0);
    }

    @Test
    void errorsAreCountedByStatusWithTheirFirstExamplesAndSkipsApart() {
        LatencyBook book = new LatencyBook();
        book.ok(Op.BOOKING, 0, 1_000_000);
        book.failed(Op.BOOKING, 422, "{\"title\":\"rules\"}");
        book.failed(Op.BOOKING, 422, "again");
        book.failed(Op.BOOKING, 0, "connection refused");
        book.failed(Op.BOOKING, 409, "a");
        book.failed(Op.BOOKING, 409, "b");
        book.skipped(Op.CHECK_IN);
        LatencyBook.Summary s = book.summary(Op.BOOKING, 2.0);
        assertThat(s.errorsByStatus()).isEqualTo(Map.of(0, 1L, 409, 2L, 422, 2L));
        assertThat(s.errors()).isEqualTo(5);
        assertThat(s.throughput()).isEqualTo(0.5);
        assertThat(book.examples(Op.BOOKING)).hasSize(3).first().isEqualTo("422 {\"title\":\"rules\"}");
        assertThat(book.summary(Op.CHECK_IN, 2.0).skipped()).isEqualTo(1);
        assertThat(book.summary(Op.CHECK_IN, 2.0).p99Micros()).isZero();
        assertThat(book.examples(Op.CHECK_IN)).isEqualTo(List.of());
    }
}
