package org.hearth.scheduling.visits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.hearth.platform.aggregate.AgencySweep;
import org.hearth.platform.aggregate.AgencySweeps;
import org.hearth.scheduling.SchedulingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Warns the coordinator (event MissedVisitRisk) about every scheduled visit nobody checked in to
 * {@code hearth.scheduling.missed-visit-grace} after its start, once per visit, for every agency. Marking the
 * visit missed stays a person's decision: the clinician may be stuck in traffic.
 */
@Component
class MissedVisitWatch {

    private static final Logger log = LoggerFactory.getLogger(MissedVisitWatch.class);

    private final VisitRepository visits;
    private final Duration grace;
    private final Clock clock;
    private final AgencySweep sweep;

    MissedVisitWatch(VisitRepository visits, SchedulingSettings settings, Clock clock, AgencySweeps sweeps) {
        this.visits = visits;
        this.grace = settings.missedVisitGrace();
        this.clock = clock;
        this.sweep = sweeps.named("missed-visit-watch");
    }

    @Scheduled(
            fixedDelayString = "${hearth.scheduling.missed-visit-check-interval:PT1M}",
            initialDelayString = "${hearth.scheduling.missed-visit-check-interval:PT1M}")
    void scheduled() {
        raiseRisks();
    }

    /** @return how many visits were flagged in this pass */
    int raiseRisks() {
        Instant now = clock.instant();
        return sweep.over(limit -> visits.unflaggedLateAcrossAgencies(now.minus(grace), limit), document -> {
            var risk = document.visit().missedRisk(now, grace);
            if (risk.isEmpty() || !visits.update(risk.get(), document.version())) {
                return 0;
            }
            log.warn("Visit {} not checked in {} after its start: missed-visit risk raised", document.id(), grace);
            return 1;
        });
    }
}
