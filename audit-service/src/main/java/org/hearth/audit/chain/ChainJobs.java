package org.hearth.audit.chain;

import org.hearth.audit.AuditProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Time-driven work on the chains: a checkpoint at least every {@code checkpoint-interval} for each agency with
 * unsigned links (a quiet agency's last records are sealed too, not only every N records), and the retention sweep.
 * Both are safe on several replicas at once: checkpoints are keyed by sequence number, the sweep removes what the
 * other replica would remove.
 */
@Component
class ChainJobs {

    private static final Logger log = LoggerFactory.getLogger(ChainJobs.class);

    private final ChainStore store;
    private final AuditProperties properties;
    private final Clock clock;

    ChainJobs(ChainStore store, AuditProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hearth.audit.checkpoint-interval:10m}", initialDelayString = "${hearth.audit.checkpoint-interval:10m}")
    void checkpoints() {
        for (String agency : store.unsignedAgencies()) {
            store.checkpoint(agency);
        }
    }

    @Scheduled(fixedDelayString = "${hearth.audit.retention-sweep:24h}", initialDelayString = "1m")
    void retention() {
        for (String agency : store.agencies()) {
            long removed = store.sweep(agency, clock.instant().minus(properties.retention()));
            if (removed > 0) {
                log.info("Audit retention: {} records of agency {} older than {} removed up to a signed checkpoint",
                        removed, agency, properties.retention());
            }
        }
    }
}
