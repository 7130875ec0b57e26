package org.hearth.scheduling.authorizations;

import java.time.LocalDate;

/**
 * A payer's prior authorization for one discipline of one patient, as billing last reported it.
 *
 * @param status PENDING, APPROVED, PARTIALLY_APPROVED, DENIED or EXPIRED
 * @param approvedUnits units the payer approved between {@code from} and {@code to} (0 unless approved)
 */
public record AuthorizationGrant(
        String authorizationId,
        String discipline,
        String status,
        UnitRule unitRule,
        int approvedUnits,
        LocalDate from,
        LocalDate to) {

    public boolean approved() {
        return "APPROVED".equals(status) || "PARTIALLY_APPROVED".equals(status);
    }

    public boolean covers(LocalDate day) {
        return from != null && to != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
