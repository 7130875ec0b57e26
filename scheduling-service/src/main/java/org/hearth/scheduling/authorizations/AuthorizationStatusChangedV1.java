package org.hearth.scheduling.authorizations;

import java.time.LocalDate;

/**
 * Scheduling's tolerant reader of {@code org.hearth.billing.AuthorizationStatusChanged.v1}
 * (contracts/events/billing.AuthorizationStatusChanged.v1.json). Billing publishes it for every status of a prior
 * authorization, from the draft request (PENDING) to the payer's decision and its expiry.
 */
public record AuthorizationStatusChangedV1(
        String authorizationId,
        String patientId,
        String discipline,
        String status,
        String unit,
        Integer approvedUnits,
        LocalDate from,
        LocalDate to) {

    public static final String TYPE = "org.hearth.billing.AuthorizationStatusChanged.v1";
}
