package org.hearth.messaging.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stream's sequencing: crossing writers, repeated signals and numbers that are never stored. */
class InOrderTest {

    static final Duration GRACE = Duration.ofSeconds(10);
    static final Instant NOW = Instant.parse("2030-01-02T10:00:00Z");
    static final long SECOND = 1_000_000_000L;

    @Test
    void aDeliveryAheadOfAMissingNumberWaitsForItAndBothGoOutInOrder() {
        InOrder order = new InOrder(4, GRACE);
        assertThat(order.take(delivery(6, NOW), 0, NOW))
                .as("6 signalled before 5 is stored")
                .isEmpty();
        assertThat(order.waiting()).isTrue();
        assertThat(order.last()).isEqualTo(4);
        assertThat(seqs(order.take(delivery(5, NOW), SECOND, NOW))).containsExactly(5L, 6L);
        assertThat(order.waiting()).isFalse();
        assertThat(order.last()).isEqualTo(6);
    }

    @Test
    void eachDeliveryGoesOutOnceWhetherSignalledOrReadOrBoth() {
        InOrder order = new InOrder(0, GRACE);
        assertThat(seqs(order.take(delivery(1, NOW), 0, NOW))).containsExactly(1L);
        assertThat(order.take(delivery(1, NOW), 0, NOW)).isEmpty();
        assertThat(order.take(delivery(3, NOW), 0, NOW)).isEmpty();
        assertThat(order.take(delivery(3, NOW), 0, NOW)).isEmpty();
        assertThat(seqs(order.take(delivery(2, NOW), 0, NOW))).containsExactly(2L, 3L);
    }

    @Test
    void aNumberNeverStoredIsSkippedOnceTheHoleIsOlderThanTheGrace() {
        InOrder order = new InOrder(4, GRACE);
        assertThat(order.take(delivery(6, NOW), 0, NOW)).isEmpty();
        assertThat(order.due(9 * SECOND, NOW.plusSeconds(9))).isEmpty();
        assertThat(seqs(order.due(10 * SECOND, NOW.plusSeconds(10)))).containsExactly(6L);
        assertThat(order.last()).isEqualTo(6);
        assertThat(order.take(delivery(5, NOW), 11 * SECOND, NOW.plusSeconds(11)))
                .as("too late: already behind")
                .isEmpty();
    }

    @Test
    void aHoleBeforeADeliveryStoredLongAgoIsNotWaitedFor() {
        InOrder order = new InOrder(4, GRACE);
        assertThat(seqs(order.take(delivery(6, NOW.minusSeconds(60)), 0, NOW)))
                .as("a replay after a burned number")
                .containsExactly(6L);
    }

    @Test
    void aSecondHoleGetsItsOwnWait() {
        InOrder order = new InOrder(0, GRACE);
        order.take(delivery(2, NOW), 0, NOW);
        order.take(delivery(4, NOW), 0, NOW);
        assertThat(seqs(order.due(10 * SECOND, NOW)))
                .as("1 given up; 3 only just missing")
                .containsExactly(2L);
        assertThat(order.due(19 * SECOND, NOW)).isEmpty();
        assertThat(seqs(order.take(delivery(3, NOW), 19 * SECOND, NOW))).containsExactly(3L, 4L);
    }

    private static Delivery delivery(long seq, Instant at) {
        return new Delivery("d" + seq, "agency", "dr", seq, "MESSAGE", "t", "m" + seq, "p", null, at);
    }

    private static List<Long> seqs(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::seq).toList();
    }
}
