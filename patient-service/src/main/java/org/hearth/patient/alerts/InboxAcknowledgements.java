package org.hearth.patient.alerts;

import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.events.EventEdge;
import org.hearth.platform.events.EventRoutes;
import org.hearth.platform.events.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * An alert acknowledged from the inbox: messaging publishes UrgentAcknowledged with the alert id of its notice, and
 * the alert is acknowledged here, where its clock is, which stops every escalation. Idempotent: an alert already
 * acknowledged or resolved is left as it is (a redelivery, or someone was faster in the chart).
 */
@Component
class InboxAcknowledgements {

    private static final Logger log = LoggerFactory.getLogger(InboxAcknowledgements.class);
    private static final int ATTEMPTS = 5;

    private final EventEdge edge;
    private final AlertRepository alerts;
    private final Clock clock;
    private final AlertMetrics metrics;

    InboxAcknowledgements(EventEdge edge, AlertRepository alerts, Clock clock, AlertMetrics metrics) {
        this.metrics = metrics;
        this.edge = edge;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Patient-service's tolerant reader of messaging.UrgentAcknowledged.v1. */
    record UrgentAcknowledged(
            String messageId, String patientId, String alertId, String acknowledgedBy, Instant acknowledgedAt) {
        static final String TYPE = "org.hearth.messaging.UrgentAcknowledged.v1";
    }

    private final EventRoutes routes = EventRoutes.forConsumer("patient-messaging-events")
            .on(UrgentAcknowledged.TYPE, UrgentAcknowledged.class, this::acknowledged);

    @KafkaListener(topics = "hearth.messaging.events", id = "patient-messaging-events")
    void on(ConsumerRecord<String, String> record) {
        edge.dispatch(record, routes);
    }

    void acknowledged(IncomingEvent event, UrgentAcknowledged ack) {
        if (ack.alertId() == null) {
            return; // an urgent message people wrote: its clock is messaging's
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var stored =
                    alerts.find(ack.alertId()).filter(v -> v.alert().patientId().equals(ack.patientId()));
            if (stored.isEmpty()) {
                log.warn("Event {} acknowledges alert {} which this agency does not have", event.id(), ack.alertId());
                return;
            }
            if (stored.get().alert().status() != AlertStatus.OPEN) {
                return;
            }
            Alert acknowledged = stored.get()
                    .alert()
                    .acknowledge(
                            ack.acknowledgedBy(),
                            ack.acknowledgedAt() != null ? ack.acknowledgedAt() : clock.instant());
            if (alerts.update(
                    acknowledged,
                    stored.get().version(),
                    new AlertEvents.AlertAcknowledged(
                            acknowledged.patientId(),
                            acknowledged.id(),
                            acknowledged.acknowledgedBy(),
                            acknowledged.acknowledgedAt()))) {
                metrics.acknowledged(acknowledged, "inbox");
                log.info("Alert {} acknowledged from the inbox (message {})", ack.alertId(), ack.messageId());
                return;
            }
        }
        throw new IllegalStateException("alert " + ack.alertId() + " kept changing while acknowledging it; retried");
    }
}
