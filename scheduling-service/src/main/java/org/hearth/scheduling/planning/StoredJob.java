package org.hearth.scheduling.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A planning job as stored: what was asked (its scope), where it stands, its score over time and, once it ended, the
 * best plan as the API shows it. Stored so that any replica can answer for it and a restart does not lose it; the
 * instance that runs it ({@code owner}) writes {@code heartbeatAt} every few seconds, so a job whose instance died is
 * recognised by a stale heartbeat and marked {@link Status#INTERRUPTED} (never resumed: the agency's visits moved on
 * meanwhile, and re-running is one click that plans from the current schedule).
 *
 * @param version bumped by every state change a replica may race on (apply, interrupt), compared on write
 */
@Document(StoredJob.COLLECTION)
record StoredJob(
        @Id String id,
        String tenantId,
        String requestedBy,
        Mode mode,
        LocalDate from,
        LocalDate to,
        List<String> patientIds,
        List<String> disciplines,
        Status status,
        Instant createdAt,
        Instant endedAt,
        String owner,
        Instant heartbeatAt,
        boolean stopRequested,
        List<PlanningJob.Progress> progress,
        Best best,
        PlanView plan,
        String failure,
        long version)
        implements TenantOwned {

    static final String COLLECTION = "planning_jobs";

    enum Mode {
        OPTIMIZE,
        REPAIR
    }

    enum Status {
        QUEUED,
        SOLVING,
        DONE,
        STOPPED,
        FAILED,
        APPLIED,
        INTERRUPTED;

        boolean running() {
            return this == QUEUED || this == SOLVING;
        }
    }

    /** The best plan's score in numbers: hard rules broken, objective, visits placed and not, how long it searched. */
    record Best(
            double hardViolations,
            double objective,
            long assigned,
            long unassigned,
            long iterations,
            long elapsedMillis) {}

    StoredJob {
        patientIds = patientIds == null ? List.of() : List.copyOf(patientIds);
        disciplines = disciplines == null ? List.of() : List.copyOf(disciplines);
        progress = progress == null ? List.of() : List.copyOf(progress);
    }
}
