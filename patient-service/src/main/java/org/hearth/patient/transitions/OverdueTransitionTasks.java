package org.hearth.patient.transitions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.hearth.patient.alerts.AlertSettings;
import org.hearth.platform.aggregate.AgencySweep;
import org.hearth.platform.aggregate.AgencySweeps;
import org.hearth.platform.events.WithEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Flags transition tasks whose due day is over in the agency's zone, for every agency. */
@Component
class OverdueTransitionTasks {

    private static final Logger log = LoggerFactory.getLogger(OverdueTransitionTasks.class);

    private final TransitionRepository transitions;
    private final AlertSettings settings;
    private final Clock clock;
    private final AgencySweep sweep;

    OverdueTransitionTasks(TransitionRepository transitions, AlertSettings settings, Clock clock, AgencySweeps sweeps) {
        this.transitions = transitions;
        this.settings = settings;
        this.clock = clock;
        this.sweep = sweeps.named("overdue-transition-tasks");
    }

    @Scheduled(
            fixedDelayString = "${hearth.transitions.check-interval:PT5M}",
            initialDelayString = "${hearth.transitions.check-interval:PT5M}")
    void scheduled() {
        flagOverdue();
    }

    int flagOverdue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, settings.zone());
        return sweep.over(transitions::withOpenTasksAcrossAgencies, document -> {
            WithEvents<TransitionOfCare> next = document.transition().flagOverdue(today, now);
            if (next.events().isEmpty() || !transitions.update(next, document.version())) {
                return 0;
            }
            log.warn(
                    "Transition of care for patient {}: {} task(s) overdue",
                    document.id(),
                    next.events().size());
            return next.events().size();
        });
    }
}
