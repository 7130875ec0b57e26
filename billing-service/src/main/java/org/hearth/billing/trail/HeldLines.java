package org.hearth.billing.trail;

import java.util.LinkedHashSet;
import java.util.Set;
import org.hearth.billing.BillingSettings;
import org.hearth.billing.patients.BillingFactsChanged;
import org.hearth.billing.trail.BillableLine.HoldReason;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lifts holds that only waited for a fact. The patient-event consumers call {@link BillingTrail#reevaluateHeld}
 * themselves; this class does it for the clerk's writes (coverage, an approved authorization) and, as a safety net,
 * sweeps held lines now and then (a clerk's write whose re-evaluation failed, a payer's rules changed). Every replica
 * may sweep: the line's versioned write lets one of them move a line, and only the winner publishes.
 */
@Component
class HeldLines {

    private static final Logger log = LoggerFactory.getLogger(HeldLines.class);

    private final BillingTrail trail;
    private final TenantScopedMongo mongo;
    private final int sweepLimit;

    HeldLines(BillingTrail trail, TenantScopedMongo mongo, BillingSettings settings) {
        this.trail = trail;
        this.mongo = mongo;
        this.sweepLimit = settings.heldLines().sweepLimit();
    }

    /**
     * After the clerk's write has been stored: a failure here must not turn the stored write into an error answer,
     * so it is logged and left to the sweep.
     */
    @EventListener
    void factsChanged(BillingFactsChanged changed) {
        try {
            int ready = trail.reevaluateHeld(changed.patientId());
            if (ready > 0) {
                log.info("{} held line(s) of patient {} ready after {}", ready, changed.patientId(), changed.what());
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Held lines of patient {} not re-evaluated after {} ({}); the sweep will",
                    changed.patientId(),
                    changed.what(),
                    e.getClass().getSimpleName());
        }
    }

    @Scheduled(
            fixedDelayString = "${hearth.billing.held-lines.sweep-interval:PT15M}",
            initialDelayString = "${hearth.billing.held-lines.sweep-interval:PT15M}")
    void scheduled() {
        sweep();
    }

    /**
     * Evaluates again the patients of held lines that a fact could still lift (lines under a business hold only
     * wait for their own resolution), oldest service dates first, at most {@code sweepLimit} lines a pass.
     *
     * @return how many lines became ready
     */
    int sweep() {
        Query waiting = Query.query(Criteria.where("status")
                        .is(BillableLine.Status.ON_HOLD)
                        .and("holdReasons")
                        .nin(HoldReason.BUSINESS.stream().map(Enum::name).toList()))
                .with(Sort.by("serviceDate", "_id"));
        Set<String> patients = new LinkedHashSet<>();
        for (BillableLine line : mongo.findAcrossAgencies(waiting, sweepLimit, BillableLine.class)) {
            patients.add(line.tenantId() + "|" + line.patientId());
        }
        int ready = 0;
        for (String key : patients) {
            String tenant = key.substring(0, key.indexOf('|'));
            String patientId = key.substring(key.indexOf('|') + 1);
            try {
                ready += TenantContext.callAs(TenantId.of(tenant), () -> trail.reevaluateHeld(patientId));
            } catch (RuntimeException e) {
                log.warn(
                        "Held lines of patient {} not re-evaluated by the sweep ({})",
                        patientId,
                        e.getClass().getSimpleName());
            }
        }
        if (ready > 0) {
            log.info("Held-line sweep: {} line(s) ready", ready);
        }
        return ready;
    }
}
