package org.hearth.billing.authorizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.hearth.billing.BillingEvents.AuthorizationDecisionOverdue;
import org.hearth.billing.BillingEvents.AuthorizationStatusChanged;
import org.hearth.billing.BillingEvents.AuthorizationUnitsExhausted;
import org.hearth.billing.BillingEvents.AuthorizationUnitsLow;
import org.hearth.billing.authorizations.PriorAuthorization.Status;
import org.hearth.billing.payers.Payer;
import org.junit.jupiter.api.Test;

class PriorAuthorizationTest {

    static final Instant MONDAY_NINE = Instant.parse("2026-11-30T14:00:00Z");
    static final LocalDate FROM = LocalDate.of(2026, 11, 30);
    static final Payer MEDICAID = new Payer(
            "payer-1",
            "Illinois Medicaid",
            Payer.PayerType.MEDICAID,
            "IL-MCD",
            Set.of("PT", "HHA"),
            Payer.Unit.VISIT,
            180);

    static PriorAuthorization draft(int units) {
        return PriorAuthorization.draft(
                        "auth-1", "p1", MEDICAID, "cov-1", "PT", units, FROM, FROM.plusDays(59), 1, MONDAY_NINE)
                .result();
    }

    static PriorAuthorization approved(int units) {
        return draft(units)
                .submit(false, "PA-1", MONDAY_NINE)
                .result()
                .decide(Status.APPROVED, units, null, null, null, MONDAY_NINE.plusSeconds(3600))
                .result();
    }

    @Test
    void aStandardDecisionIsDueInSevenDaysAndAnExpeditedOneInSeventyTwoHours() {
        PriorAuthorization standard =
                draft(6).submit(false, "PA-1", MONDAY_NINE).result();
        PriorAuthorization expedited =
                draft(6).submit(true, "PA-2", MONDAY_NINE).result();

        assertThat(standard.status()).isEqualTo(Status.PENDING);
        assertThat(standard.decisionDueAt()).isEqualTo(Instant.parse("2026-12-07T14:00:00Z"));
        assertThat(expedited.decisionDueAt()).isEqualTo(Instant.parse("2026-12-03T14:00:00Z"));
    }

    @Test
    void anOverdueDecisionIsFlaggedOnceAfterTheDueTime() {
        PriorAuthorization pending = draft(6).submit(true, "PA-2", MONDAY_NINE).result();
        assertThat(pending.flagOverdue(Instant.parse("2026-12-03T14:00:00Z"))).isEmpty();

        var flagged = pending.flagOverdue(Instant.parse("2026-12-03T14:00:01Z")).orElseThrow();
        assertThat(flagged.events()).singleElement().isInstanceOf(AuthorizationDecisionOverdue.class);
        assertThat(flagged.result().flagOverdue(Instant.parse("2026-12-05T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void aCompletedVisitConsumesUnitsExactlyOnceAndWarnsWhenLowThenExhausted() {
        PriorAuthorization a = approved(5);
        var first = a.consume("v1", 1, MONDAY_NINE).orElseThrow();
        assertThat(first.result().unitsUsed()).isEqualTo(1);
        assertThat(first.events()).isEmpty();
        assertThat(first.result().consume("v1", 1, MONDAY_NINE))
                .as("redelivered visit")
                .isEmpty();

        PriorAuthorization three = first.result()
                .consume("v2", 1, MONDAY_NINE)
                .orElseThrow()
                .result()
                .consume("v3", 1, MONDAY_NINE)
                .orElseThrow()
                .result();
        var low = three.consume("v4", 1, MONDAY_NINE).orElseThrow();
        assertThat(low.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        AuthorizationUnitsLow.class,
                        e -> assertThat(e.unitsRemaining()).isEqualTo(1));
        var exhausted = low.result().consume("v5", 1, MONDAY_NINE).orElseThrow();
        assertThat(exhausted.events()).singleElement().isInstanceOf(AuthorizationUnitsExhausted.class);
        assertThat(exhausted.result().unitsRemaining()).isZero();
        assertThat(exhausted
                        .result()
                        .consume("v6", 1, MONDAY_NINE)
                        .orElseThrow()
                        .events())
                .as("warned once")
                .isEmpty();
    }

    @Test
    void aDenialNeedsAReasonAndCanBeResubmittedOrAppealed() {
        PriorAuthorization pending = draft(6).submit(false, "PA-1", MONDAY_NINE).result();
        assertThatThrownBy(() -> pending.decide(Status.DENIED, null, null, null, " ", MONDAY_NINE))
                .hasMessageStartingWith("reason:");
        var denied = pending.decide(Status.DENIED, null, null, null, "NOT_MEDICALLY_NECESSARY", MONDAY_NINE);
        assertThat(((AuthorizationStatusChanged) denied.events().get(0)).denialReason())
                .isEqualTo("NOT_MEDICALLY_NECESSARY");
        assertThat(denied.result().open()).isFalse();

        assertThat(denied.result().appeal(MONDAY_NINE.plusSeconds(60)).result().status())
                .isEqualTo(Status.APPEALED);
        assertThat(denied.result()
                        .submit(true, "PA-3", MONDAY_NINE.plusSeconds(60))
                        .result()
                        .status())
                .isEqualTo(Status.PENDING);
        assertThatThrownBy(() -> draft(6).appeal(MONDAY_NINE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fewerUnitsThanRequestedIsAPartialApproval() {
        PriorAuthorization pending = draft(6).submit(false, "PA-1", MONDAY_NINE).result();
        assertThatThrownBy(() -> pending.decide(Status.APPROVED, 4, null, null, null, MONDAY_NINE))
                .hasMessageContaining("partial");
        assertThat(pending.decide(Status.PARTIALLY_APPROVED, 4, FROM, FROM.plusDays(29), null, MONDAY_NINE)
                        .result()
                        .unitsRemaining())
                .isEqualTo(4);
    }

    @Test
    void anApprovalExpiresAfterItsLastDay() {
        PriorAuthorization a = approved(6);
        assertThat(a.expire(FROM.plusDays(59), MONDAY_NINE)).isEmpty();
        assertThat(a.expire(FROM.plusDays(60), MONDAY_NINE)
                        .orElseThrow()
                        .result()
                        .status())
                .isEqualTo(Status.EXPIRED);
    }

    @Test
    void rejectsNegativeUnitsAndAnEndBeforeTheStart() {
        assertThatThrownBy(() -> draft(-1)).hasMessageStartingWith("requestedUnits:");
        assertThatThrownBy(() -> PriorAuthorization.draft(
                        "a", "p1", MEDICAID, "c", "PT", 3, FROM, FROM.minusDays(1), null, MONDAY_NINE))
                .hasMessageStartingWith("to:");
    }
}
