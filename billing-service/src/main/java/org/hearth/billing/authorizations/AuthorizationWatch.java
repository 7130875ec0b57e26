package org.hearth.billing.authorizations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.hearth.billing.BillingSettings;
import org.hearth.platform.aggregate.AgencySweep;
import org.hearth.platform.aggregate.AgencySweeps;
import org.hearth.platform.events.WithEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Flags decisions past due (once) and expires approvals after their last day, for every agency. */
@Component
public class AuthorizationWatch {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationWatch.class);

    private final AuthorizationRepository authorizations;
    private final ZoneId zone;
    private final Clock clock;
    private final AgencySweep sweep;

    AuthorizationWatch(
            AuthorizationRepository authorizations, BillingSettings settings, Clock clock, AgencySweeps sweeps) {
        this.authorizations = authorizations;
        this.zone = settings.zone();
        this.clock = clock;
        this.sweep = sweeps.named("authorization-watch", 1000);
    }

    @Scheduled(
            fixedDelayString = "${hearth.billing.watch-interval:PT5M}",
            initialDelayString = "${hearth.billing.watch-interval:PT5M}")
    void scheduled() {
        watch();
    }

    /** @return how many requests were flagged or expired in this pass */
    public int watch() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        return sweep.over(authorizations::watchedAcrossAgencies, document -> {
            PriorAuthorization a = document.authorization();
            Optional<WithEvents<PriorAuthorization>> next = a.flagOverdue(now).or(() -> a.expire(today, now));
            if (next.isEmpty() || !authorizations.update(next.get(), document.version())) {
                return 0;
            }
            log.info(
                    "Authorization {} is now {}{}",
                    a.id(),
                    next.get().result().status(),
                    next.get().result().overdueFlagged() && !a.overdueFlagged() ? " and overdue" : "");
            return 1;
        });
    }
}
