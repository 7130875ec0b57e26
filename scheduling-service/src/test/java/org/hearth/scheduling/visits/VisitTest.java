package org.hearth.scheduling.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.hearth.platform.events.WithEvents;
import org.hearth.scheduling.authorizations.UnitRule;
import org.hearth.scheduling.visits.Visit.Booking;
import org.hearth.scheduling.visits.Visit.CheckPoint;
import org.hearth.scheduling.visits.Visit.EvvException;
import org.hearth.scheduling.visits.VisitEvents.EvvExceptionRecorded;
import org.hearth.scheduling.visits.VisitEvents.MissedVisitRisk;
import org.hearth.scheduling.visits.VisitEvents.VisitCompleted;
import org.hearth.scheduling.visits.VisitEvents.VisitRescheduled;
import org.hearth.scheduling.visits.VisitEvents.VisitScheduled;
import org.junit.jupiter.api.Test;

class VisitTest {

    static final Instant NINE = Instant.parse("2026-11-30T14:00:00Z");
    static final Instant TEN = NINE.plus(Duration.ofHours(1));

    /** Ids as production makes them (uuids), so the events they produce can be checked against their contracts. */
    static final String VISIT = "5d2c9e1a-7b3f-4c8d-9e0a-1f2b3c4d5e6f";

    static final String PATIENT = "0b6f7c1e-3f55-4d7a-9a43-2f1c7d8e9a10";
    static final String AUTHORIZATION = "3b8f2c61-0d4e-4a9b-8c7f-1e2d3c4b5a69";

    static Visit unscheduled() {
        return Visit.unscheduled(
                VISIT,
                PATIENT,
                "SN",
                Visit.VisitType.IN_HOME,
                LocalDate.of(2026, 11, 29),
                LocalDate.of(2026, 12, 5),
                1,
                null);
    }

    static Visit scheduled() {
        return unscheduled()
                .book(
                        new Booking("c1", NINE, TEN, null, null, 1),
                        Visit.VisitType.IN_HOME,
                        "coord",
                        NINE.minus(Duration.ofDays(2)))
                .result();
    }

    @Test
    void bookingAnUnscheduledVisitSchedulesItAndRebookingKeepsTheHistory() {
        WithEvents<Visit> first = unscheduled()
                .book(
                        new Booking("c1", NINE, TEN, null, null, 1),
                        Visit.VisitType.IN_HOME,
                        "coord",
                        NINE.minus(Duration.ofDays(2)));
        assertThat(first.result().status()).isEqualTo(Visit.Status.SCHEDULED);
        assertThat(first.events()).singleElement().isInstanceOf(VisitScheduled.class);
        assertThat(first.events().get(0).eventType()).isEqualTo("org.hearth.scheduling.VisitScheduled.v1");
        assertThat(first.events().get(0).subject()).isEqualTo(PATIENT);

        WithEvents<Visit> moved = first.result()
                .book(
                        new Booking("c2", NINE.plus(Duration.ofDays(1)), TEN.plus(Duration.ofDays(1)), null, null, 1),
                        Visit.VisitType.IN_HOME,
                        "coord",
                        NINE.minus(Duration.ofDays(1)));
        assertThat(moved.result().history())
                .extracting(Visit.Change::action)
                .containsExactly("SCHEDULED", "RESCHEDULED");
        assertThat(moved.result().history().get(0).clinicianId()).isEqualTo("c1");
        VisitRescheduled event = (VisitRescheduled) moved.events().get(0);
        assertThat(event.previousClinicianId()).isEqualTo("c1");
        assertThat(event.previousStart()).isEqualTo(NINE);
        assertThat(event.clinicianId()).isEqualTo("c2");
    }

    @Test
    void checkInAndOutCompleteTheVisitWithDurationUnitsAndAnyEvvException() {
        Visit in = scheduled()
                .checkIn(new CheckPoint(NINE.plusSeconds(120), 39.78, -89.65, "c1"), null)
                .result();
        WithEvents<Visit> out = in.checkOut(
                new CheckPoint(TEN.plusSeconds(300), null, null, "c1"),
                new EvvException("CHECK_OUT", "NO_LOCATION", null, TEN.plusSeconds(300)),
                UnitRule.PER_15_MINUTES);

        assertThat(out.result().status()).isEqualTo(Visit.Status.COMPLETED);
        VisitCompleted completed = (VisitCompleted) out.events().get(0);
        assertThat(completed.durationMinutes()).isEqualTo(63);
        assertThat(completed.units()).isEqualTo(4);
        assertThat(out.events().get(1)).isInstanceOf(EvvExceptionRecorded.class);
        assertThat(out.result().evvExceptions()).extracting(EvvException::code).containsExactly("NO_LOCATION");
    }

    @Test
    void aCompletedVisitCanNeitherBeRebookedNorCancelled() {
        Visit in = scheduled()
                .checkIn(new CheckPoint(NINE, 39.78, -89.65, "c1"), null)
                .result();
        assertThatThrownBy(() -> in.book(
                        new Booking("c2", TEN, TEN.plusSeconds(3600), null, null, 1),
                        Visit.VisitType.IN_HOME,
                        "coord",
                        NINE))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> in.cancel("AGENCY", "coord", NINE)).hasMessageContaining("checked_in");
        assertThatThrownBy(() -> in.miss("WEATHER", "coord", NINE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMissedVisitRiskIsRaisedOnceAfterTheGraceTime() {
        Duration grace = Duration.ofMinutes(30);
        assertThat(scheduled().missedRisk(NINE.plus(Duration.ofMinutes(29)), grace))
                .isEmpty();

        var risk =
                scheduled().missedRisk(NINE.plus(Duration.ofMinutes(31)), grace).orElseThrow();
        assertThat(((MissedVisitRisk) risk.events().get(0)).minutesLate()).isEqualTo(31);
        assertThat(risk.result().missedRiskRaisedAt()).isNotNull();
        assertThat(risk.result().missedRisk(NINE.plus(Duration.ofHours(2)), grace))
                .isEmpty();
    }

    @Test
    void noRiskOnceCheckedIn() {
        Visit in = scheduled()
                .checkIn(new CheckPoint(NINE.plus(Duration.ofMinutes(10)), 39.78, -89.65, "c1"), null)
                .result();
        assertThat(in.missedRisk(NINE.plus(Duration.ofHours(1)), Duration.ofMinutes(30)))
                .isEmpty();
    }

    @Test
    void quarterHourUnitsFollowTheEightMinuteRule() {
        assertThat(UnitRule.PER_15_MINUTES.unitsFor(Duration.ofMinutes(5))).isEqualTo(1);
        assertThat(UnitRule.PER_15_MINUTES.unitsFor(Duration.ofMinutes(22))).isEqualTo(1);
        assertThat(UnitRule.PER_15_MINUTES.unitsFor(Duration.ofMinutes(23))).isEqualTo(2);
        assertThat(UnitRule.PER_VISIT.unitsFor(Duration.ofMinutes(95))).isEqualTo(1);
    }
}
