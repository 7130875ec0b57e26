package org.hearth.scheduling.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hearth.platform.events.DomainEvent;
import org.hearth.platform.test.EventContracts;
import org.hearth.scheduling.authorizations.UnitRule;
import org.hearth.scheduling.visits.Visit.Booking;
import org.hearth.scheduling.visits.Visit.CheckPoint;
import org.hearth.scheduling.visits.Visit.EvvException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Every event a visit's life produces conforms to its schema in contracts/events, and each schema has been produced. */
class VisitEventsContractTest {

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyVisitEventConformsToItsSchema() {
        List<DomainEvent> events = new ArrayList<>();
        Visit visit = VisitTest.unscheduled();
        var booked = visit.book(
                new Booking("c1", VisitTest.NINE, VisitTest.TEN, null, VisitTest.AUTHORIZATION, 1),
                Visit.VisitType.IN_HOME,
                "coord",
                VisitTest.NINE.minus(Duration.ofDays(3)));
        var moved = booked.result()
                .book(
                        new Booking("c2", VisitTest.NINE, VisitTest.TEN, "https://video.example/x", null, 1),
                        Visit.VisitType.TELEHEALTH,
                        "coord",
                        VisitTest.NINE.minus(Duration.ofDays(2)));
        var risk =
                moved.result().missedRisk(VisitTest.TEN, Duration.ofMinutes(30)).orElseThrow();
        var in = moved.result()
                .checkIn(
                        new CheckPoint(VisitTest.NINE, null, null, "c2"),
                        new EvvException("CHECK_IN", "NO_LOCATION", null, VisitTest.NINE));
        var out = in.result().checkOut(new CheckPoint(VisitTest.TEN, null, null, "c2"), null, UnitRule.PER_VISIT);
        var missed = VisitTest.scheduled().miss("PATIENT_REFUSED", "coord", VisitTest.TEN);
        var cancelledUnbooked = VisitTest.unscheduled().cancel("PLAN_REVISED", "scheduling-service", VisitTest.NINE);
        List.of(booked, moved, risk, in, out, missed, cancelledUnbooked).forEach(w -> events.addAll(w.events()));

        for (DomainEvent event : events) {
            String body = json.writeValueAsString(event);
            assertThat(EventContracts.violations(event.eventType(), body))
                    .as(event.eventType() + " " + body)
                    .isEmpty();
        }
        assertThat(events.stream().map(DomainEvent::eventType).distinct())
                .containsExactlyInAnyOrder(
                        "org.hearth.scheduling.VisitScheduled.v1", "org.hearth.scheduling.VisitRescheduled.v1",
                        "org.hearth.scheduling.MissedVisitRisk.v1", "org.hearth.scheduling.VisitCheckedIn.v1",
                        "org.hearth.scheduling.EvvExceptionRecorded.v1", "org.hearth.scheduling.VisitCompleted.v1",
                        "org.hearth.scheduling.VisitMissed.v1", "org.hearth.scheduling.VisitCancelled.v1");
    }
}
