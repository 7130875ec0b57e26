package org.hearth.patient.alerts;

import org.hearth.patient.careteam.CareTeamMember;
import org.hearth.patient.careteam.CareTeamRepository;
import org.hearth.patient.careteam.CareTeamRole;
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
import java.util.List;

/**
 * Escalates alerts nobody acknowledged in time, for every agency: the one clock of an alert (messaging's urgent item
 * mirrors it and has none of its own). Runs on each instance; the versioned update makes two instances escalating the
 * same alert at once harmless (one wins and publishes the one AlertEscalated of that level, the other changes
 * nothing), and each level is reached once, so the next person is paged once. Whom to page is resolved now, from
 * the care team as it is at escalation time.
 */
@Component
class AlertEscalator {

    private static final Logger log = LoggerFactory.getLogger(AlertEscalator.class);
    static final int BATCH = 500;

    private final AlertRepository alerts;
    private final CareTeamRepository teams;
    private final AlertSettings settings;
    private final Clock clock;

    AlertEscalator(AlertRepository alerts, CareTeamRepository teams, AlertSettings settings, Clock clock) {
        this.alerts = alerts;
        this.teams = teams;
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
        for (AlertDocument candidate : alerts.dueAcrossAgencies(now, BATCH)) {
            var next = candidate.alert().escalateIfDue(now, settings);
            if (next.isEmpty()) {
                continue;
            }
            Alert alert = next.get();
            boolean saved = TenantContext.callAs(TenantId.of(candidate.tenantId()), () -> alerts.update(alert,
                    candidate.version(), new AlertEvents.AlertEscalated(alert.patientId(), alert.id(), alert.severity(),
                            alert.escalations(), alert.escalatedTo(), now, whoIs(alert.patientId(), alert.escalatedTo()))));
            if (saved) {
                escalated++;
                log.warn("Alert {} ({} {}) unacknowledged since {}: escalated to {} (level {})", alert.id(),
                        alert.severity(), alert.rule(), alert.raisedAt(), alert.escalatedTo(), alert.escalations());
            }
        }
        return escalated;
    }

    /** The people behind a role queue of the care team (coordinators); none for a queue outside the team. */
    private List<String> whoIs(String patientId, String queue) {
        if (!Alert.COORDINATORS.equals(queue)) {
            return List.of();
        }
        return teams.find(patientId).team().members().stream().filter(m -> m.role() == CareTeamRole.COORDINATOR)
                .map(CareTeamMember::subject).toList();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @EnableConfigurationProperties(AlertSettings.class)
    static class Scheduling {
    }
}
