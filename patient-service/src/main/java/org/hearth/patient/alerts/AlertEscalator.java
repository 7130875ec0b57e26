package org.hearth.patient.alerts;

import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Escalates alerts nobody acknowledged in time, for every agency. Runs on each instance; the versioned update
 * makes two instances escalating the same alert at once harmless (one wins, the other changes nothing).
 */
@Component
class AlertEscalator {

    private static final Logger log = LoggerFactory.getLogger(AlertEscalator.class);
    static final int BATCH = 500;

    private final AlertRepository alerts;
    private final AlertSettings settings;
    private final Clock clock;

    AlertEscalator(AlertRepository alerts, AlertSettings settings, Clock clock) {
        this.alerts = alerts;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hearth.alerts.check-interval:PT30S}", initialDelayString = "${hearth.alerts.check-interval:PT30S}")
    void scheduled() {
        escalateDue();
    }

    /** Escalates every due alert once; answers how many were escalated. */
    int escalateDue() {
        Instant now = clock.instant();
        int escalated = 0;
        for (AlertDocument candidate : alerts.openAcrossAgencies(now, BATCH)) {
            var next = candidate.alert().escalateIfDue(now, settings);
            if (next.isEmpty()) {
                continue;
            }
            Alert alert = next.get();
            boolean saved = TenantContext.callAs(TenantId.of(candidate.tenantId()), () -> alerts.update(alert,
                    candidate.version(), new AlertEvents.AlertEscalated(alert.patientId(), alert.id(), alert.severity(),
                            alert.escalations(), alert.escalatedTo(), now)));
            if (saved) {
                escalated++;
                log.warn("Alert {} ({} {}) unacknowledged since {}: escalated to {} (level {})", alert.id(),
                        alert.severity(), alert.rule(), alert.raisedAt(), alert.escalatedTo(), alert.escalations());
            }
        }
        return escalated;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @EnableConfigurationProperties(AlertSettings.class)
    static class Scheduling {
    }
}
