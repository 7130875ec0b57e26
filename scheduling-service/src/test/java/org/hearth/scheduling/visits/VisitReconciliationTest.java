package org.hearth.scheduling.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hearth.scheduling.authorizations.UnitRule;
import org.hearth.scheduling.visitplan.CarePlanSignedV1;
import org.hearth.scheduling.visitplan.VisitExpansion;
import org.hearth.scheduling.visitplan.VisitRequirement;
import org.hearth.scheduling.visits.Visit.Booking;
import org.hearth.scheduling.visits.Visit.CheckPoint;
import org.hearth.scheduling.visits.VisitReconciliation.Changes;
import org.junit.jupiter.api.Test;

class VisitReconciliationTest {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final String PATIENT = "p1";
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);

    static CarePlanSignedV1 plan(int version, String discipline, int perWeek, int weeks) {
        return new CarePlanSignedV1(
                PATIENT,
                version,
                version > 1 ? version - 1 : null,
                Instant.parse("2026-11-25T15:00:00Z"),
                List.of(new CarePlanSignedV1.Order(
                        discipline, List.of(new CarePlanSignedV1.Segment(perWeek, perWeek, weeks)), 0)));
    }

    static Instant on(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(ZONE).toInstant();
    }

    static Visit booked(Visit visit, LocalDate day) {
        return visit.book(
                        new Booking("c1", on(day, 10), on(day, 11), null, null, 1),
                        Visit.VisitType.IN_HOME,
                        "coord",
                        on(WEDNESDAY, 8))
                .result();
    }

    static Visit completed(Visit visit, LocalDate day) {
        Visit checkedIn = booked(visit, day)
                .checkIn(new CheckPoint(on(day, 10), 39.78, -89.65, "c1"), null)
                .result();
        return checkedIn
                .checkOut(new CheckPoint(on(day, 11), 39.78, -89.65, "c1"), null, UnitRule.PER_VISIT)
                .result();
    }

    @Test
    void aFirstPlanCreatesEachOrderedVisitAsUnscheduledInItsWeek() {
        List<VisitRequirement> weeks = VisitExpansion.expand(plan(1, "SN", 2, 4), WEDNESDAY);
        Changes changes = VisitReconciliation.reconcile(PATIENT, 1, weeks, List.of(), WEDNESDAY, ZONE);

        assertThat(changes.create())
                .hasSize(8)
                .allMatch(v -> v.status() == Visit.Status.UNSCHEDULED && v.planVersion() == 1);
        assertThat(changes.create())
                .filteredOn(v -> v.earliest().equals(WEDNESDAY))
                .hasSize(2)
                .allMatch(v -> v.latest().equals(LocalDate.of(2026, 11, 28)));
        assertThat(changes.create().stream().map(Visit::id).distinct()).hasSize(8);
        assertThat(changes.delete()).isEmpty();
        assertThat(changes.cancel()).isEmpty();
    }

    @Test
    void visitsAddedByHandSurviveARevisionThatLeavesNoRoomForThem() {
        List<VisitRequirement> v1 = VisitExpansion.expand(plan(1, "SN", 1, 2), WEDNESDAY);
        List<Visit> visits = new ArrayList<>(VisitReconciliation.reconcile(PATIENT, 1, v1, List.of(), WEDNESDAY, ZONE)
                .create());
        LocalDate thursday = LocalDate.of(2026, 11, 26);
        Visit ordered = booked(visits.getFirst(), thursday);
        visits.set(0, ordered);
        Visit extraBooked = booked(
                Visit.unscheduled(
                        "extra-booked",
                        PATIENT,
                        "SN",
                        Visit.VisitType.IN_HOME,
                        thursday,
                        thursday,
                        0,
                        Visit.Needs.NONE),
                thursday);
        Visit extraOpen = Visit.unscheduled(
                "extra-open",
                PATIENT,
                "SN",
                Visit.VisitType.IN_HOME,
                thursday,
                LocalDate.of(2026, 11, 28),
                0,
                Visit.Needs.NONE);
        visits.add(extraBooked);
        visits.add(extraOpen);

        // v2: still SN once a week; the ordered visit fills the week, the extra ones are beyond the order
        List<VisitRequirement> v2 = VisitExpansion.expand(plan(2, "SN", 1, 2), WEDNESDAY);
        Changes changes = VisitReconciliation.reconcile(PATIENT, 2, v2, visits, WEDNESDAY, ZONE);

        assertThat(changes.cancel()).extracting(Visit::id).doesNotContain("extra-booked");
        assertThat(changes.delete()).doesNotContain("extra-open");
        // a plan visit with no order left is still cancelled: v3 stops SN
        Changes stopped = VisitReconciliation.reconcile(
                PATIENT, 3, VisitExpansion.expand(plan(3, "PT", 1, 2), WEDNESDAY), visits, WEDNESDAY, ZONE);
        assertThat(stopped.cancel()).extracting(Visit::id).containsExactly(ordered.id());
        assertThat(stopped.delete()).doesNotContain("extra-open");
    }

    @Test
    void applyingTheSamePlanAgainChangesNothing() {
        List<VisitRequirement> weeks = VisitExpansion.expand(plan(1, "SN", 2, 4), WEDNESDAY);
        List<Visit> created = VisitReconciliation.reconcile(PATIENT, 1, weeks, List.of(), WEDNESDAY, ZONE)
                .create();

        assertThat(VisitReconciliation.reconcile(PATIENT, 1, weeks, created, WEDNESDAY, ZONE)
                        .isEmpty())
                .isTrue();
    }

    @Test
    void aRevisionRegeneratesFutureUnscheduledVisitsAndNeverTouchesCompletedOnes() {
        List<VisitRequirement> v1 = VisitExpansion.expand(plan(1, "SN", 2, 4), WEDNESDAY);
        List<Visit> visits = new ArrayList<>(VisitReconciliation.reconcile(PATIENT, 1, v1, List.of(), WEDNESDAY, ZONE)
                .create());
        // Week 1 (25-28 Nov): one visit done; week 2 (29 Nov - 5 Dec): one visit done, one booked for Thursday 3 Dec.
        LocalDate monday = LocalDate.of(2026, 11, 30);
        List<Visit> week2 = visits.stream()
                .filter(v -> v.earliest().equals(LocalDate.of(2026, 11, 29)))
                .toList();
        Visit doneWeek1 = completed(
                visits.stream()
                        .filter(v -> v.earliest().equals(WEDNESDAY))
                        .findFirst()
                        .orElseThrow(),
                LocalDate.of(2026, 11, 26));
        Visit doneMonday = completed(week2.get(0), monday);
        Visit bookedThursday = booked(week2.get(1), LocalDate.of(2026, 12, 3));
        visits.replaceAll(v -> v.id().equals(doneWeek1.id())
                ? doneWeek1
                : v.id().equals(doneMonday.id())
                        ? doneMonday
                        : v.id().equals(bookedThursday.id()) ? bookedThursday : v);

        // Revised on Tuesday 1 Dec to SN 1W2: the week of 29 Nov is kept, new orders start Sunday 6 Dec.
        LocalDate tuesday = LocalDate.of(2026, 12, 1);
        List<VisitRequirement> v2 = VisitExpansion.revise(v1, plan(2, "SN", 1, 2), tuesday);
        Changes changes = VisitReconciliation.reconcile(PATIENT, 2, v2, visits, tuesday, ZONE);

        List<String> untouchable = List.of(doneWeek1.id(), doneMonday.id(), bookedThursday.id());
        assertThat(changes.delete())
                .hasSize(4)
                .doesNotContainAnyElementsOf(untouchable); // weeks of 6 and 13 Dec, 2 each
        assertThat(changes.move()).isEmpty();
        assertThat(changes.cancel()).isEmpty();
        assertThat(changes.create())
                .hasSize(2)
                .allMatch(v -> v.planVersion() == 2)
                .extracting(Visit::earliest)
                .containsExactly(LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 13));
    }

    @Test
    void aBookedVisitTheRevisionStillOrdersMovesToItAndOneItNoLongerOrdersIsCancelled() {
        LocalDate sunday = LocalDate.of(2026, 11, 29);
        List<VisitRequirement> v1 = VisitExpansion.expand(plan(1, "SN", 2, 2), sunday);
        List<Visit> visits = new ArrayList<>(VisitReconciliation.reconcile(PATIENT, 1, v1, List.of(), sunday, ZONE)
                .create());
        List<Visit> week2 = visits.stream()
                .filter(v -> v.earliest().equals(LocalDate.of(2026, 12, 6)))
                .toList();
        Visit monday = booked(week2.get(0), LocalDate.of(2026, 12, 7));
        Visit wednesday = booked(week2.get(1), LocalDate.of(2026, 12, 9));
        visits.replaceAll(v -> v.id().equals(monday.id()) ? monday : v.id().equals(wednesday.id()) ? wednesday : v);

        // Revised on Thursday 3 Dec to SN 1W1: from Sunday 6 Dec one visit a week, so one booked visit is too many.
        List<VisitRequirement> v2 = VisitExpansion.revise(v1, plan(2, "SN", 1, 1), LocalDate.of(2026, 12, 3));
        Changes changes = VisitReconciliation.reconcile(PATIENT, 2, v2, visits, LocalDate.of(2026, 12, 3), ZONE);

        assertThat(changes.move()).extracting(Visit::id).containsExactly(monday.id());
        assertThat(changes.move().get(0).planVersion()).isEqualTo(2);
        assertThat(changes.cancel()).extracting(Visit::id).containsExactly(wednesday.id());
        assertThat(changes.create()).isEmpty();
        assertThat(changes.delete()).isEmpty();
    }

    @Test
    void aDisciplineDroppedByTheRevisionLeavesNoOrphanedBooking() {
        LocalDate sunday = LocalDate.of(2026, 11, 29);
        List<VisitRequirement> v1 = VisitExpansion.expand(plan(1, "PT", 1, 3), sunday);
        List<Visit> visits = new ArrayList<>(VisitReconciliation.reconcile(PATIENT, 1, v1, List.of(), sunday, ZONE)
                .create());
        Visit third = visits.stream()
                .filter(v -> v.earliest().equals(LocalDate.of(2026, 12, 13)))
                .findFirst()
                .orElseThrow();
        Visit booked = booked(third, LocalDate.of(2026, 12, 14));
        visits.replaceAll(v -> v.id().equals(booked.id()) ? booked : v);

        List<VisitRequirement> v2 = VisitExpansion.revise(v1, plan(2, "SN", 2, 2), LocalDate.of(2026, 12, 2));
        Changes changes = VisitReconciliation.reconcile(PATIENT, 2, v2, visits, LocalDate.of(2026, 12, 2), ZONE);

        assertThat(changes.cancel()).extracting(Visit::id).containsExactly(booked.id());
        assertThat(changes.delete()).hasSize(1);
        assertThat(changes.create()).hasSize(4).allMatch(v -> v.discipline().equals("SN"));
    }
}
