package org.hearth.patient.alerts;

import java.time.Clock;
import java.time.Instant;
import org.hearth.platform.aggregate.AgencySweep;
import org.hearth.platform.aggregate.AgencySweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalates alerts nobody acknowledged in time, for every agency: the one clock of an alert (messaging's urgent item
 * mirrors it and has none of its own). Runs on each instance; the versioned update makes two instances escalating the
 * same alert at once harmless (one wins and publishes the one AlertEscalated of that level, the other changes
 * nothing), and each level is reached once, so the next person is paged once. Whom to page is resolved now
 * ({@link EscalationRecipients}: the care team, else the agency's staff in Keycloak) and named in the event. When
 * Keycloak does not answer, the alert is left due and tried again on the next pass rather than escalated to nobody;
 * only past {@code hearth.alerts.directory-grace} is it escalated with no names, and messaging then pages the agency's
 * coordinators it knows.
 */
@Component
class AlertEscalator {

    private static final Logger log = LoggerFactory.getLogger(AlertEscalator.class);

    private final AlertRepository alerts;
    private final EscalationRecipients recipients;
    private final AlertSettings settings;
    private final Clock clock;
    private final AgencySweep sweep;
    private final AlertMetrics metrics;

    AlertEscalator(
            AlertRepository alerts,
            EscalationRecipients recipients,
            AlertSettings settings,
            Clock clock,
            AgencySweeps sweeps,
            AlertMetrics metrics) {
        this.metrics = metrics;
        this.alerts = alerts;
        this.recipients = recipients;
        this.settings = settings;
        this.clock = clock;
        this.sweep = sweeps.named("alert-escalation");
    }

    @Scheduled(
            fixedDelayString = "${hearth.alerts.check-interval:PT30S}",
            initialDelayString = "${hearth.alerts.check-interval:PT30S}")
    void scheduled() {
        escalateDue();
    }

    /** Escalates every due alert once; answers how many were escalated. */
    int escalateDue() {
        Instant now = clock.instant();
        return sweep.over(limit -> alerts.dueAcrossAgencies(now, limit), candidate -> {
            var next = candidate.alert().escalateIfDue(now, settings);
            if (next.isEmpty()) {
                return 0;
            }
            Alert alert = next.get();
            EscalationRecipients.Answer page =
                    recipients.resolve(candidate.tenantId(), alert.patientId(), alert.escalatedTo());
            Instant dueAt = candidate.alert().nextEscalationAt(settings);
            if (page.unavailable() && now.isBefore(dueAt.plus(settings.directoryGrace()))) {
                log.warn(
                        "Alert {} due for level {} since {}: whom to page is unknown while Keycloak does not "
                                + "answer; tried again on the next pass",
                        alert.id(),
                        alert.escalations(),
                        dueAt);
                return 0; // not written: the alert stays due and the next pass resolves and escalates it
            }
            if (page.people().isEmpty()) {
                log.warn(
                        "Alert {} escalated to {} (level {}) names nobody to page ({}): messaging pages the agency's "
                                + "coordinators it knows",
                        alert.id(),
                        alert.escalatedTo(),
                        alert.escalations(),
                        page.unavailable() ? "Keycloak unreachable past the grace" : "no such staff");
            }
            boolean saved = alerts.update(
                    alert,
                    candidate.version(),
                    new AlertEvents.AlertEscalated(
                            alert.patientId(),
                            alert.id(),
                            alert.severity(),
                            alert.escalations(),
                            alert.escalatedTo(),
                            now,
                            page.people()));
            if (saved) {
                metrics.escalated(alert); // inside the alert's agency, as the sweep hands it over
                log.warn(
                        "Alert {} ({} {}) unacknowledged since {}: escalated to {} (level {})",
                        alert.id(),
                        alert.severity(),
                        alert.rule(),
                        alert.raisedAt(),
                        alert.escalatedTo(),
                        alert.escalations());
            }
            return AgencySweep.written(saved);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @EnableConfigurationProperties(AlertSettings.class)
    static class Scheduling {}
}
