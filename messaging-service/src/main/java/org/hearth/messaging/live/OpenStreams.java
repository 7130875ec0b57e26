package org.hearth.messaging.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** {@code hearth.live.streams.open}: the live streams this instance holds open now (one per connected console tab). */
@Component
class OpenStreams {

    static final String METRIC = "hearth.live.streams.open";

    private final AtomicInteger open = new AtomicInteger();

    OpenStreams(MeterRegistry meters) {
        Gauge.builder(METRIC, open, AtomicInteger::get)
                .description("Live delivery streams open on this instance")
                .register(meters);
    }

    /** Counts a new stream in, unless {@code limit} are open already: then answers false and counts nothing. */
    boolean tryOpen(int limit) {
        int now;
        do {
            now = open.get();
            if (now >= limit) {
                return false;
            }
        } while (!open.compareAndSet(now, now + 1));
        return true;
    }

    void closed() {
        open.decrementAndGet();
    }
}
