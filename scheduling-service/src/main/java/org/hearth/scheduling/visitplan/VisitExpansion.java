package org.hearth.scheduling.visitplan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Expands frequency orders into weekly visit requirements. "SN 2W4" signed on Wednesday 25 November gives
 * week 1 = Wed 25 to Sat 28 (partial), then three full Sunday-to-Saturday weeks. A partial first week keeps the
 * ordered count but never asks for more visits than days left in it.
 */
public final class VisitExpansion {

    private VisitExpansion() {}

    public static List<VisitRequirement> expand(CarePlanSignedV1 plan, LocalDate startOfCare) {
        List<VisitRequirement> requirements = new ArrayList<>();
        for (CarePlanSignedV1.Order order : plan.frequencyOrders()) {
            LocalDate weekStart = startOfCare;
            for (CarePlanSignedV1.Segment segment : order.segments()) {
                for (int w = 0; w < segment.weeks(); w++) {
                    LocalDate weekEnd = weekStart.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
                    int days = (int) (weekEnd.toEpochDay() - weekStart.toEpochDay()) + 1;
                    boolean partial = days < 7;
                    requirements.add(new VisitRequirement(
                            order.discipline(),
                            weekStart,
                            weekEnd,
                            Math.min(segment.minPerWeek(), days * 3),
                            Math.min(segment.maxPerWeek(), days * 3),
                            partial,
                            plan.planVersion()));
                    weekStart = weekEnd.plusDays(1);
                }
            }
        }
        requirements.sort(Comparator.comparing(VisitRequirement::from).thenComparing(VisitRequirement::discipline));
        return requirements;
    }

    /**
     * The requirements after a revision signed on {@code revisedOn}: weeks that began before it stay as they
     * were ordered; the revised orders apply from the revision day on.
     */
    public static List<VisitRequirement> revise(
            List<VisitRequirement> current, CarePlanSignedV1 revision, LocalDate revisedOn) {
        List<VisitRequirement> kept = new ArrayList<>(
                current.stream().filter(r -> r.from().isBefore(revisedOn)).toList());
        LocalDate startOfNewOrders = kept.stream()
                .map(VisitRequirement::to)
                .max(Comparator.naturalOrder())
                .map(end -> end.plusDays(1))
                .filter(next -> next.isAfter(revisedOn))
                .orElse(revisedOn);
        kept.addAll(expand(revision, startOfNewOrders));
        kept.sort(Comparator.comparing(VisitRequirement::from).thenComparing(VisitRequirement::discipline));
        return kept;
    }
}
