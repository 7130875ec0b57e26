package org.hearth.patient.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.hearth.platform.observability.MetricTags;
import org.springframework.stereotype.Component;

/**
 * The life of alerts as counts an operator can alert on: raised, acknowledged (and how long that took), escalated.
 * Tagged by severity, rule and agency, never by patient. Messaging counts {@code hearth.alerts.notified}; raised
 * minus notified over a few minutes is the notice gap the chart's PrometheusRule watches.
 */
@Component
class AlertMetrics {

    static final String RAISED = "hearth.alerts.raised";
    static final String ACKNOWLEDGED = "hearth.alerts.acknowledged";
    static final String TIME_TO_ACKNOWLEDGE = "hearth.alerts.time-to-acknowledge";
    static final String ESCALATED = "hearth.alerts.escalated";

    private final MeterRegistry meters;

    AlertMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void raised(Alert alert) {
        Counter.builder(RAISED)
                .description("Alerts raised by the rules on readings")
                .tag("severity", alert.severity().name())
                .tag("rule", alert.rule())
                .tag(MetricTags.AGENCY, MetricTags.agency())
                .register(meters)
                .increment();
    }

    /** @param via {@code chart} (the alert API) or {@code inbox} (acknowledged on its urgent notice in messaging) */
    void acknowledged(Alert alert, String via) {
        Counter.builder(ACKNOWLEDGED)
                .description("Alerts acknowledged")
                .tag("severity", alert.severity().name())
                .tag("via", via)
                .tag(MetricTags.AGENCY, MetricTags.agency())
                .register(meters)
                .increment();
        if (alert.acknowledgedAt() != null && alert.raisedAt() != null) {
            Timer.builder(TIME_TO_ACKNOWLEDGE)
                    .description("From an alert being raised to its acknowledgement")
                    .tag("severity", alert.severity().name())
                    .tag(MetricTags.AGENCY, MetricTags.agency())
                    .register(meters)
                    .record(Duration.between(alert.raisedAt(), alert.acknowledgedAt())
                            .abs());
        }
    }

    void escalated(Alert alert) {
        Counter.builder(ESCALATED)
                .description("Unacknowledged alerts escalated to the next level")
                .tag("severity", alert.severity().name())
                .tag("level", String.valueOf(alert.escalations()))
                .tag(MetricTags.AGENCY, MetricTags.agency())
                .register(meters)
                .increment();
    }
}
