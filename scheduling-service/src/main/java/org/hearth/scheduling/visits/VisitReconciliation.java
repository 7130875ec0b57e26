package org.hearth.scheduling.visits;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hearth.scheduling.visitplan.VisitRequirement;
import org.hearth.scheduling.visits.Visit.Status;

/**
 * Brings a patient's visits in line with the weekly requirements of a newly signed plan, from the day it was
 * signed on. Visits of earlier weeks, and visits in progress or done, are never touched. In the weeks that change:
 * unscheduled visits are regenerated; a booked visit stays if the new plan still orders its discipline that week
 * (it moves to the new requirement), and is cancelled with reason {@code PLAN_REVISED} if not; so no visit is left
 * pointing at an order that no longer exists.
 *
 * <p>Visits added by hand (plan version 0: an extra or as-needed visit the coordinator decided on) are the
 * coordinator's, not the plan's: a booked one counts toward its week's order while the order has room, but a revision
 * never cancels or deletes them.
 *
 * <p>Ids of generated visits derive from patient, plan version, discipline, week and ordinal, so applying the same
 * plan twice (a redelivered event, a crash half-way) creates nothing new.
 */
public final class VisitReconciliation {

    public static final String PLAN_REVISED = "PLAN_REVISED";

    private VisitReconciliation() {}

    /** What to write: new unscheduled visits, unscheduled ones to delete, booked ones to move or cancel. */
    public record Changes(List<Visit> create, List<String> delete, List<Visit> move, List<Visit> cancel) {

        public boolean isEmpty() {
            return create.isEmpty() && delete.isEmpty() && move.isEmpty() && cancel.isEmpty();
        }
    }

    public static Changes reconcile(
            String patientId,
            int planVersion,
            List<VisitRequirement> requirements,
            List<Visit> existing,
            LocalDate changesFrom,
            ZoneId zone) {
        List<VisitRequirement> open = requirements.stream()
                .filter(r -> !r.from().isBefore(changesFrom))
                .toList();
        Map<VisitRequirement, Integer> counted = new HashMap<>();
        List<Visit> move = new ArrayList<>();
        List<Visit> cancel = new ArrayList<>();
        for (Visit visit : existing) {
            if (!changes(visit, changesFrom) || visit.status() == Status.UNSCHEDULED) {
                continue;
            }
            LocalDate day = LocalDate.ofInstant(visit.booking().start(), zone);
            VisitRequirement home = open.stream()
                    .filter(r -> r.discipline().equals(visit.discipline())
                            && !day.isBefore(r.from())
                            && !day.isAfter(r.to()))
                    .filter(r -> counted.getOrDefault(r, 0) < r.maxVisits())
                    .findFirst()
                    .orElse(null);
            if (home != null) {
                counted.merge(home, 1, Integer::sum);
                if (visit.status() == Status.SCHEDULED && visit.planVersion() != planVersion) {
                    move.add(visit.orderedFor(home.from(), home.to(), planVersion));
                }
            } else if (visit.status() == Status.SCHEDULED && fromPlan(visit)) {
                cancel.add(visit);
            }
        }
        Map<String, VisitRequirement> wanted = new LinkedHashMap<>();
        for (VisitRequirement requirement : open) {
            for (int n = 0; n < requirement.minVisits() - counted.getOrDefault(requirement, 0); n++) {
                wanted.put(generatedId(patientId, planVersion, requirement, n), requirement);
            }
        }
        List<String> delete = existing.stream()
                .filter(v -> changes(v, changesFrom))
                .filter(v -> v.status() == Status.UNSCHEDULED && fromPlan(v) && !wanted.containsKey(v.id()))
                .map(Visit::id)
                .toList();
        Set<String> existingIds = existing.stream().map(Visit::id).collect(Collectors.toSet());
        List<Visit> create = wanted.entrySet().stream()
                .filter(e -> !existingIds.contains(e.getKey()))
                .map(e -> Visit.unscheduled(
                        e.getKey(),
                        patientId,
                        e.getValue().discipline(),
                        Visit.VisitType.IN_HOME,
                        e.getValue().from(),
                        e.getValue().to(),
                        planVersion,
                        Visit.Needs.NONE))
                .toList();
        return new Changes(create, delete, move, cancel);
    }

    /** Generated from a signed plan's orders (hand-added visits have plan version 0). */
    private static boolean fromPlan(Visit visit) {
        return visit.planVersion() > 0;
    }

    /** Visits of weeks that begin on or after the change, and not already ended by a miss or cancellation. */
    private static boolean changes(Visit visit, LocalDate changesFrom) {
        return visit.earliest() != null
                && !visit.earliest().isBefore(changesFrom)
                && visit.status() != Status.MISSED
                && visit.status() != Status.CANCELLED;
    }

    static String generatedId(String patientId, int planVersion, VisitRequirement requirement, int ordinal) {
        String key = patientId + "|" + planVersion + "|" + requirement.discipline() + "|" + requirement.from() + "|"
                + ordinal;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
