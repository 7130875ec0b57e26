package org.hearth.patient.transitions;

import org.hearth.patient.alerts.AlertSettings;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** Flags transition tasks whose due day is over in the agency's zone, for every agency. */
@Component
class OverdueTransitionTasks {

    private static final Logger log = LoggerFactory.getLogger(OverdueTransitionTasks.class);

    private final TransitionRepository transitions;
    private final AlertSettings settings;
    private final Clock clock;

    OverdueTransitionTasks(TransitionRepository transitions, AlertSettings settings, Clock clock) {
        this.transitions = transitions;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hearth.transitions.check-interval:PT5M}",
            initialDelayString = "${hearth.transitions.check-interval:PT5M}")
    void scheduled() {
        flagOverdue();
    }

    int flagOverdue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, settings.zone());
        int flagged = 0;
        for (TransitionDocument document : transitions.withOpenTasksAcrossAgencies(500)) {
            WithEvents<TransitionOfCare> next = document.transition().flagOverdue(today, now);
            if (next.events().isEmpty()) {
                continue;
            }
            if (TenantContext.callAs(TenantId.of(document.tenantId()), () -> transitions.update(next, document.version()))) {
                flagged += next.events().size();
                log.warn("Transition of care for patient {}: {} task(s) overdue", document.id(), next.events().size());
            }
        }
        return flagged;
    }
}
