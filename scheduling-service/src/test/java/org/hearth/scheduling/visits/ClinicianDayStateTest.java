package org.hearth.scheduling.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hearth.scheduling.visits.ClinicianDayDocument.Claim;
import org.junit.jupiter.api.Test;

class ClinicianDayStateTest {

    static final Instant TEN = Instant.parse("2030-01-07T15:00:00Z");
    static final Instant ELEVEN = Instant.parse("2030-01-07T16:00:00Z");
    static final Instant NOW = Instant.parse("2030-01-06T17:00:00Z");

    static Visit booked(String id, Instant start, Instant end) {
        Visit open = Visit.unscheduled(
                id,
                "p1",
                "SN",
                Visit.VisitType.IN_HOME,
                LocalDate.parse("2030-01-06"),
                LocalDate.parse("2030-01-12"),
                1,
                null);
        return open.book(new Visit.Booking("c1", start, end, null, null, 1), Visit.VisitType.IN_HOME, "carla", NOW)
                .result();
    }

    static Claim claim(String visitId, Instant start, Instant end, Instant at) {
        return new Claim("claim-" + visitId + at, visitId, "p1", Visit.VisitType.IN_HOME, start, end, at);
    }

    @Test
    void aClaimItsVisitConfirmsHoldsTimeHoweverOld() {
        Claim old = claim("v1", TEN, ELEVEN, NOW.minusSeconds(86_400));
        assertThat(ClinicianDayState.holding(List.of(old), List.of(booked("v1", TEN, ELEVEN)), NOW))
                .containsExactly(old);
    }

    @Test
    void anUnconfirmedClaimHoldsTimeWhileItsBookingMayBeInFlight() {
        Claim inFlight = claim("v2", TEN, ELEVEN, NOW.minusSeconds(30));
        assertThat(ClinicianDayState.holding(List.of(inFlight), List.of(), NOW)).containsExactly(inFlight);
    }

    @Test
    void anUnconfirmedClaimPastTheGraceIsLeftOverAndFree() {
        Claim leftOver = claim(
                "v2", TEN, ELEVEN, NOW.minus(ClinicianDayState.CLAIM_GRACE).minusSeconds(1));
        assertThat(ClinicianDayState.holding(List.of(leftOver), List.of(), NOW)).isEmpty();
    }

    @Test
    void aClaimForTimesItsVisitNoLongerHasIsNotConfirmed() {
        Claim moved = claim(
                "v1", TEN, ELEVEN, NOW.minus(ClinicianDayState.CLAIM_GRACE).minusSeconds(1));
        Visit now = booked("v1", ELEVEN, ELEVEN.plusSeconds(3600));
        List<Claim> holding = ClinicianDayState.holding(List.of(moved), List.of(now), NOW);
        assertThat(holding).singleElement().satisfies(c -> assertThat(c.start()).isEqualTo(ELEVEN));
    }

    @Test
    void aBookedVisitNoClaimNamesIsAddedSoOldBookingsKeepTheirTime() {
        List<Claim> holding = ClinicianDayState.holding(List.of(), List.of(booked("v1", TEN, ELEVEN)), NOW);
        assertThat(holding).singleElement().satisfies(c -> {
            assertThat(c.visitId()).isEqualTo("v1");
            assertThat(c.start()).isEqualTo(TEN);
            assertThat(c.end()).isEqualTo(ELEVEN);
        });
    }
}
