package org.hearth.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hearth.platform.events.DomainEvent;

/**
 * What billing publishes on {@code hearth.billing.events} (schemas: contracts/events/billing.*.v1.json). Ids, codes,
 * dates and counts only: no member ids, no names. The CloudEvents type is derived from the record name.
 */
public final class BillingEvents {

    public static final String TOPIC = "hearth.billing.events";

    private BillingEvents() {}

    public sealed interface BillingEvent extends DomainEvent {

        String patientId();

        @Override
        default String eventType() {
            return DomainEvent.typeOf("billing", getClass());
        }

        @Override
        default String subject() {
            return patientId();
        }
    }

    /** Every status of a prior authorization, carrying its whole state so that scheduling can book against it. */
    public record AuthorizationStatusChanged(
            String authorizationId,
            String patientId,
            String discipline,
            String status,
            String unit,
            Integer approvedUnits,
            LocalDate from,
            LocalDate to,
            String payerId,
            String denialReason,
            Instant decisionDueAt,
            Instant changedAt)
            implements BillingEvent {}

    public record AuthorizationUnitsLow(
            String authorizationId,
            String patientId,
            String discipline,
            int approvedUnits,
            int unitsUsed,
            int unitsRemaining)
            implements BillingEvent {}

    public record AuthorizationUnitsExhausted(
            String authorizationId, String patientId, String discipline, int approvedUnits, int unitsUsed)
            implements BillingEvent {}

    public record AuthorizationDecisionOverdue(
            String authorizationId,
            String patientId,
            String discipline,
            String payerId,
            Instant decisionDueAt,
            boolean expedited)
            implements BillingEvent {}

    public record EligibilityChecked(
            String checkId,
            String patientId,
            String payerId,
            String coverageId,
            String status,
            int attempts,
            Instant checkedAt)
            implements BillingEvent {}

    public record BillableLineReady(
            String lineId,
            String patientId,
            String visitId,
            String payerId,
            String discipline,
            String hcpcs,
            LocalDate serviceDate,
            int units,
            String authorizationId)
            implements BillingEvent {}

    public record BillableLineOnHold(
            String lineId,
            String patientId,
            String visitId,
            String payerId,
            String discipline,
            String hcpcs,
            LocalDate serviceDate,
            int units,
            List<String> reasons)
            implements BillingEvent {}
}
