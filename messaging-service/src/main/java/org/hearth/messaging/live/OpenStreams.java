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

    void opened() {
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }
}
