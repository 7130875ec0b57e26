package org.hearth.scheduling.visitplan;

import java.time.LocalDate;

/**
 * Visits of one discipline due between {@code from} and {@code to} (inclusive). Weeks run Sunday to Saturday as
 * home health agencies count them; the first week of a plan is partial when care starts mid-week.
 *
 * @param planVersion the plan version that ordered it
 */
public record VisitRequirement(
        String discipline,
        LocalDate from,
        LocalDate to,
        int minVisits,
        int maxVisits,
        boolean partialWeek,
        int planVersion) {}
