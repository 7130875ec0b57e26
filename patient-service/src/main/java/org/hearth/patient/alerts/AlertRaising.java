package org.hearth.patient.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.patient.careteam.CareTeamMember;
import org.hearth.patient.careteam.CareTeamRepository;
import org.hearth.patient.observations.Observation;
import org.hearth.patient.observations.ObservationRecorded;
import org.hearth.patient.observations.ObservationRepository;
import org.hearth.platform.events.EventEdge;
import org.hearth.platform.events.EventRoutes;
import org.hearth.platform.events.IncomingEvent;
import org.hearth.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Evaluates the rules on every recorded reading, from hearth.patient.observations. Reading the event rather
 * than evaluating inside the request means a crash after the reading was stored still raises its alert: the
 * event stays in the outbox or on the topic until this handler has run. Alert ids derive from the event id and
 * the rule, so a redelivered event raises nothing twice.
 */
@Component
class AlertRaising {

    private static final Logger log = LoggerFactory.getLogger(AlertRaising.class);

    private final EventEdge edge;
    private final EventRoutes routes;
    private final ObservationRepository observations;
    private final CareTeamRepository teams;
    private final AlertRepository alerts;
    private final AlertThresholds thresholds;
    private final AlertSettings settings;
    private final Clock clock;
    private final AlertMetrics metrics;

    AlertRaising(
            EventEdge edge,
            ObservationRepository observations,
            CareTeamRepository teams,
            AlertRepository alerts,
            AlertThresholds thresholds,
            AlertSettings settings,
            Clock clock,
            AlertMetrics metrics) {
        this.metrics = metrics;
        this.thresholds = thresholds;
        this.edge = edge;
        this.routes = EventRoutes.forConsumer("patient-alert-raising")
                .on(ObservationRecorded.TYPE, ObservationRecorded.class, this::recorded);
        this.observations = observations;
        this.teams = teams;
        this.alerts = alerts;
        this.settings = settings;
        this.clock = clock;
    }

    @KafkaListener(topics = "hearth.patient.observations")
    void on(ConsumerRecord<String, String> record) {
        edge.dispatch(record, routes);
    }

    private void recorded(IncomingEvent event, ObservationRecorded recorded) {
        Observation reading = new Observation(
                recorded.observationId(),
                recorded.patientId(),
                recorded.vital(),
                recorded.value(),
                recorded.observedAt(),
                recorded.source(),
                null,
                null);
        var recent = observations.recent(
                reading.patientId(), reading.vital(), reading.observedAt().minus(AlertRules.LOOKBACK));
        var limits = thresholds.find(reading.patientId()).limits();
        var findings = AlertRules.evaluate(reading, recent, settings.zone(), limits);
        if (findings.isEmpty()) {
            return;
        }
        String owner = teams.find(reading.patientId())
                .team()
                .leadPhysician()
                .map(CareTeamMember::subject)
                .orElse(Alert.COORDINATORS);
        for (AlertRules.Finding finding : findings) {
            if (alerts.active(reading.patientId(), finding.rule()).isPresent()) {
                continue; // the open alert already asks for attention; a second one would only be noise
            }
            String id = UUID.nameUUIDFromBytes(
                            (TenantContext.current().value() + "|" + event.id() + "|" + finding.rule())
                                    .getBytes(StandardCharsets.UTF_8))
                    .toString();
            Alert alert = Alert.raise(id, reading.patientId(), finding, owner, clock.instant());
            if (alerts.insertIfNew(alert)) {
                metrics.raised(alert);
                log.info(
                        "Alert {} raised: rule {} severity {} for patient {}",
                        id,
                        finding.rule(),
                        finding.severity(),
                        reading.patientId());
            }
        }
    }
}
