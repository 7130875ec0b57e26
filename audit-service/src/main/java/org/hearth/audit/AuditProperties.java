package org.hearth.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearth.audit.*}.
 *
 * @param signingKey             base64 HMAC-SHA256 key of the checkpoints (a deployment secret, at least 32 bytes)
 * @param checkpointEvery        a signed checkpoint after this many records of one agency
 * @param checkpointInterval     and at least this often while records arrive
 * @param retention              records older than this are removed, as whole checkpointed segments only (HIPAA: 6 years)
 * @param retentionSweep         how often the retention sweep runs
 * @param unusualAccessThreshold distinct patients outside the user's care teams in one window that count as unusual
 * @param verify                 set only by {@code ./hearth audit-verify}: the agency whose chain to verify (or
 *                               {@code all}), after which the process exits instead of serving
 */
@ConfigurationProperties("hearth.audit")
public record AuditProperties(
        String signingKey,
        @DefaultValue("100") int checkpointEvery,
        @DefaultValue("10m") Duration checkpointInterval,
        @DefaultValue("2192d") Duration retention,
        @DefaultValue("24h") Duration retentionSweep,
        @DefaultValue("5") int unusualAccessThreshold,
        String verify) {}
