package org.hearth.billing.authorizations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.billing.BillingEvents.AuthorizationDecisionOverdue;
import org.hearth.billing.BillingEvents.AuthorizationStatusChanged;
import org.hearth.billing.BillingEvents.AuthorizationUnitsExhausted;
import org.hearth.billing.BillingEvents.AuthorizationUnitsLow;
import org.hearth.billing.payers.Payer;
import org.hearth.platform.events.DomainEvent;
import org.hearth.platform.events.WithEvents;

/**
 * A request to a payer to authorize visits of one discipline for one patient, and the payer's answer.
 * DRAFT → PENDING (submitted; decision due in 72 hours if expedited, 7 calendar days otherwise, as CMS-0057-F
 * requires of payers from 2026) → APPROVED / PARTIALLY_APPROVED (units, dates) / DENIED (reason) → resubmitted or
 * APPEALED → …; an approval ends EXPIRED after its last day. Units are consumed once per completed visit.
 */
public record PriorAuthorization(
        String id,
        String patientId,
        String payerId,
        String coverageId,
        String discipline,
        Payer.Unit unit,
        Status status,
        boolean expedited,
        int requestedUnits,
        Integer approvedUnits,
        LocalDate from,
        LocalDate to,
        String payerReference,
        Instant submittedAt,
        Instant decisionDueAt,
        boolean overdueFlagged,
        String denialReason,
        int unitsUsed,
        List<String> consumedVisitIds,
        boolean lowFlagged,
        boolean exhaustedFlagged,
        Integer planVersion) {

    public enum Status {
        DRAFT,
        PENDING,
        APPROVED,
        PARTIALLY_APPROVED,
        DENIED,
        APPEALED,
        EXPIRED
    }

    static final Duration EXPEDITED = Duration.ofHours(72);
    static final Duration STANDARD = Duration.ofDays(7);
    /** "Low" when at most this share of the approved units is left. */
    static final double LOW_SHARE = 0.2;

    public PriorAuthorization {
        consumedVisitIds = consumedVisitIds == null ? List.of() : List.copyOf(consumedVisitIds);
        if (requestedUnits < 1) {
            throw new IllegalArgumentException("requestedUnits: must be at least 1");
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("to: must not be before from");
        }
    }

    public static WithEvents<PriorAuthorization> draft(
            String id,
            String patientId,
            Payer payer,
            String coverageId,
            String discipline,
            int requestedUnits,
            LocalDate from,
            LocalDate to,
            Integer planVersion,
            Instant now) {
        PriorAuthorization draft = new PriorAuthorization(
                id,
                patientId,
                payer.id(),
                coverageId,
                discipline,
                payer.unit(),
                Status.DRAFT,
                false,
                requestedUnits,
                null,
                from,
                to,
                null,
                null,
                null,
                false,
                null,
                0,
                List.of(),
                false,
                false,
                planVersion);
        return WithEvents.of(draft, draft.changed(now));
    }

    public boolean approved() {
        return status == Status.APPROVED || status == Status.PARTIALLY_APPROVED;
    }

    /** Still to be decided or usable: a second request for the same discipline and dates would be a duplicate. */
    public boolean open() {
        return status != Status.DENIED && status != Status.EXPIRED;
    }

    public int unitsRemaining() {
        return approvedUnits == null ? 0 : Math.max(0, approvedUnits - unitsUsed);
    }

    /** Sends a draft, or a denied request again; the decision is due by the regulatory deadline. */
    public WithEvents<PriorAuthorization> submit(boolean urgent, String reference, Instant now) {
        if (status != Status.DRAFT && status != Status.DENIED) {
            throw new IllegalStateException("only a draft or a denied request can be submitted; this one is "
                    + status.name().toLowerCase());
        }
        return pending(Status.PENDING, urgent, reference, now);
    }

    /** Appeals a denial; the payer's reconsideration is watched like a new request. */
    public WithEvents<PriorAuthorization> appeal(Instant now) {
        if (status != Status.DENIED) {
            throw new IllegalStateException("only a denied request can be appealed; this one is "
                    + status.name().toLowerCase());
        }
        return pending(Status.APPEALED, expedited, payerReference, now);
    }

    /** The payer's decision: units and dates for an approval, a reason for a denial. */
    public WithEvents<PriorAuthorization> decide(
            Status decision, Integer units, LocalDate approvedFrom, LocalDate approvedTo, String reason, Instant now) {
        if (status != Status.PENDING && status != Status.APPEALED) {
            throw new IllegalStateException("only a pending or appealed request can be decided; this one is "
                    + status.name().toLowerCase());
        }
        PriorAuthorization next = switch (decision) {
            case APPROVED, PARTIALLY_APPROVED -> {
                if (units == null || units < 1) {
                    throw new IllegalArgumentException("approvedUnits: an approval needs at least 1 unit");
                }
                if (decision == Status.APPROVED && units < requestedUnits) {
                    throw new IllegalArgumentException(
                            "approvedUnits: fewer units than requested is a partial approval");
                }
                LocalDate f = approvedFrom == null ? from : approvedFrom;
                LocalDate t = approvedTo == null ? to : approvedTo;
                if (t.isBefore(f)) {
                    throw new IllegalArgumentException("to: must not be before from");
                }
                yield with(decision, units, f, t, null);
            }
            case DENIED -> {
                if (reason == null || reason.isBlank()) {
                    throw new IllegalArgumentException("reason: a denial needs the payer's reason");
                }
                yield with(Status.DENIED, null, from, to, reason);
            }
            default -> throw new IllegalArgumentException("decision: must be APPROVED, PARTIALLY_APPROVED or DENIED");
        };
        return WithEvents.of(next, next.changed(now));
    }

    /** Consumes a completed visit's units once; a visit seen before changes nothing (empty). */
    public Optional<WithEvents<PriorAuthorization>> consume(String visitId, int units, Instant now) {
        if (consumedVisitIds.contains(visitId)) {
            return Optional.empty();
        }
        List<String> consumed = new ArrayList<>(consumedVisitIds);
        consumed.add(visitId);
        int used = unitsUsed + units;
        int approved = approvedUnits == null ? 0 : approvedUnits;
        int remaining = approved - used;
        boolean low = remaining <= approved * LOW_SHARE && remaining > 0;
        boolean exhausted = remaining <= 0;
        List<DomainEvent> events = new ArrayList<>();
        if (low && !lowFlagged) {
            events.add(new AuthorizationUnitsLow(id, patientId, discipline, approved, used, remaining));
        }
        if (exhausted && !exhaustedFlagged) {
            events.add(new AuthorizationUnitsExhausted(id, patientId, discipline, approved, used));
        }
        PriorAuthorization next = new PriorAuthorization(
                id,
                patientId,
                payerId,
                coverageId,
                discipline,
                unit,
                status,
                expedited,
                requestedUnits,
                approvedUnits,
                from,
                to,
                payerReference,
                submittedAt,
                decisionDueAt,
                overdueFlagged,
                denialReason,
                used,
                consumed,
                lowFlagged || low,
                exhaustedFlagged || exhausted,
                planVersion);
        return Optional.of(new WithEvents<>(next, events));
    }

    /** Flags, once, a request whose decision is past due. */
    public Optional<WithEvents<PriorAuthorization>> flagOverdue(Instant now) {
        if ((status != Status.PENDING && status != Status.APPEALED) || overdueFlagged || !now.isAfter(decisionDueAt)) {
            return Optional.empty();
        }
        PriorAuthorization next = new PriorAuthorization(
                id,
                patientId,
                payerId,
                coverageId,
                discipline,
                unit,
                status,
                expedited,
                requestedUnits,
                approvedUnits,
                from,
                to,
                payerReference,
                submittedAt,
                decisionDueAt,
                true,
                denialReason,
                unitsUsed,
                consumedVisitIds,
                lowFlagged,
                exhaustedFlagged,
                planVersion);
        return Optional.of(WithEvents.of(
                next, new AuthorizationDecisionOverdue(id, patientId, discipline, payerId, decisionDueAt, expedited)));
    }

    /** An approval whose last day is before {@code today} expires. */
    public Optional<WithEvents<PriorAuthorization>> expire(LocalDate today, Instant now) {
        if (!approved() || !to.isBefore(today)) {
            return Optional.empty();
        }
        PriorAuthorization next = with(Status.EXPIRED, approvedUnits, from, to, null);
        return Optional.of(WithEvents.of(next, next.changed(now)));
    }

    static Instant dueDate(boolean expedited, Instant submittedAt) {
        return submittedAt.plus(expedited ? EXPEDITED : STANDARD);
    }

    private WithEvents<PriorAuthorization> pending(Status pending, boolean urgent, String reference, Instant now) {
        PriorAuthorization next = new PriorAuthorization(
                id,
                patientId,
                payerId,
                coverageId,
                discipline,
                unit,
                pending,
                urgent,
                requestedUnits,
                null,
                from,
                to,
                reference,
                now,
                dueDate(urgent, now),
                false,
                null,
                unitsUsed,
                consumedVisitIds,
                false,
                false,
                planVersion);
        return WithEvents.of(next, next.changed(now));
    }

    private PriorAuthorization with(Status next, Integer units, LocalDate f, LocalDate t, String reason) {
        return new PriorAuthorization(
                id,
                patientId,
                payerId,
                coverageId,
                discipline,
                unit,
                next,
                expedited,
                requestedUnits,
                units,
                f,
                t,
                payerReference,
                submittedAt,
                decisionDueAt,
                overdueFlagged,
                reason,
                unitsUsed,
                consumedVisitIds,
                lowFlagged,
                exhaustedFlagged,
                planVersion);
    }

    private AuthorizationStatusChanged changed(Instant now) {
        return new AuthorizationStatusChanged(
                id,
                patientId,
                discipline,
                status.name(),
                unit.name(),
                approvedUnits,
                from,
                to,
                payerId,
                denialReason,
                decisionDueAt,
                now);
    }
}
