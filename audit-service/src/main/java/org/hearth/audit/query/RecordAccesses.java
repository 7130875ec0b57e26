package org.hearth.audit.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * "Who viewed my record": the accesses to one patient's record in a window, grouped by the kind of data, as the
 * patient's point of contact (with the ACCESS_LOG consent) and the privacy officer see them. Refusals are left out:
 * nobody saw anything.
 *
 * @param total     accesses in the window
 * @param truncated more than {@value RecordAccessController#MAX_ACCESSES} accesses: the most recent are listed
 */
@Schema(description = "The accesses to a patient's record in a window, grouped by kind of data")
public record RecordAccesses(
        String patientId, Instant from, Instant to, int total, boolean truncated, List<KindGroup> byKind) {

    /** The accesses to one kind of data (e.g. care-plan, observations, visits), most recent first. */
    public record KindGroup(@Schema(example = "care-plan") String kind, int count, List<RecordAccess> accesses) {}

    /**
     * One access.
     *
     * @param who          the person's name as their sign-in account states it (their user id when it has none)
     * @param role         their role at the time, e.g. nurse, physician, family
     * @param organization the agency they accessed it for
     * @param action       viewed, created, changed, removed or ran an action on
     */
    public record RecordAccess(
            Instant at,
            @Schema(example = "Nina Nurse") String who,
            @Schema(example = "nurse") String role,
            @Schema(example = "sunrise") String organization,
            @Schema(example = "viewed") String action,
            @Schema(example = "care-plan") String kind) {}
}
