package org.hearth.scheduling.planning;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@code hearth.planning.jobs}: how long planning jobs take from request to end, by result (done, stopped,
 * failed) and agency; its count is the number of jobs ended with each result.
 */
@Component
class PlanningMetrics {

    static final String JOBS = "hearth.planning.jobs";

    private final MeterRegistry meters;

    PlanningMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void ended(String agency, String result, Duration took) {
        Timer.builder(JOBS)
                .description("Planning jobs from request to end, by result")
                .tag("result", result)
                .tag("agency", agency)
                .register(meters)
                .record(took.abs());
    }
}
