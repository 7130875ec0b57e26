package org.hearth.audit.chain;

import java.time.Clock;
import org.hearth.audit.AuditProperties;
import org.hearth.platform.aggregate.AgencySweep;
import org.hearth.platform.aggregate.AgencySweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Time-driven work on the chains, each a sweep over every agency's chain: a checkpoint at least every
 * {@code checkpoint-interval} for each agency with unsigned links (a quiet agency's last records are sealed too, not
 * only every N records), and the retention sweep. Both are safe on several replicas at once: checkpoints are keyed by
 * sequence number, the sweep removes what the other replica would remove. The chain is append-only and hash-linked,
 * so neither is a versioned update: what a sweep changed is counted as checkpoints signed and records removed.
 */
@Component
class ChainJobs {

    private static final Logger log = LoggerFactory.getLogger(ChainJobs.class);

    private final ChainStore store;
    private final AuditProperties properties;
    private final Clock clock;
    private final AgencySweep checkpoints;
    private final AgencySweep retention;

    ChainJobs(ChainStore store, AuditProperties properties, Clock clock, AgencySweeps sweeps) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.checkpoints = sweeps.named("audit-checkpoints", ChainStore.MAX_AGENCIES);
        this.retention = sweeps.named("audit-retention", ChainStore.MAX_AGENCIES);
    }

    @Scheduled(
            fixedDelayString = "${hearth.audit.checkpoint-interval:10m}",
            initialDelayString = "${hearth.audit.checkpoint-interval:10m}")
    void checkpoints() {
        // checkpoint() signs nothing when the chain's last link is signed already
        checkpoints.over(
                store::chains, chain -> store.checkpoint(chain.tenantId()).isPresent() ? 1 : 0);
    }

    @Scheduled(fixedDelayString = "${hearth.audit.retention-sweep:24h}", initialDelayString = "1m")
    void retention() {
        retention.over(store::chains, chain -> {
            long removed = store.sweep(chain.tenantId(), clock.instant().minus(properties.retention()));
            if (removed > 0) {
                log.info(
                        "Audit retention: {} records of agency {} older than {} removed up to a signed checkpoint",
                        removed,
                        chain.tenantId(),
                        properties.retention());
            }
            return (int) Math.min(removed, Integer.MAX_VALUE);
        });
    }
}
