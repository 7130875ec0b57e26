package org.hearth.patient.alerts;

import java.time.Instant;
import java.util.List;
import org.hearth.platform.events.DomainEvent;

/**
 * The events of an alert's life on hearth.patient.alerts: rule codes, severities, owners (subjects or
 * role queues) and times, never readings' context or notes.
 */
final class AlertEvents {

    private AlertEvents() {}

    record AlertRaised(
            String patientId,
            String alertId,
            String rule,
            Severity severity,
            String owner,
            List<String> observationIds,
            Instant raisedAt)
            implements DomainEvent {
        static final String TYPE = "org.hearth.patient.AlertRaised.v1";

        static AlertRaised of(Alert a) {
            return new AlertRaised(
                    a.patientId(), a.id(), a.rule(), a.severity(), a.owner(), a.observationIds(), a.raisedAt());
        }

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public String subject() {
            return patientId;
        }
    }

    record AlertAcknowledged(String patientId, String alertId, String acknowledgedBy, Instant acknowledgedAt)
            implements DomainEvent {
        static final String TYPE = "org.hearth.patient.AlertAcknowledged.v1";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public String subject() {
            return patientId;
        }
    }

    /**
     * @param recipients the people paged, resolved when it escalated (the care team's coordinators for
     *                   role:coordinator); empty when the role has no member Hearth knows of
     */
    record AlertEscalated(
            String patientId,
            String alertId,
            Severity severity,
            int level,
            String escalatedTo,
            Instant escalatedAt,
            List<String> recipients)
            implements DomainEvent {
        static final String TYPE = "org.hearth.patient.AlertEscalated.v1";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public String subject() {
            return patientId;
        }
    }

    record AlertResolved(String patientId, String alertId, String resolvedBy, Instant resolvedAt, Integer planVersion)
            implements DomainEvent {
        static final String TYPE = "org.hearth.patient.AlertResolved.v1";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public String subject() {
            return patientId;
        }
    }
}
