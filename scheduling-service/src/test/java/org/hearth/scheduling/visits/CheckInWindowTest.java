package org.hearth.scheduling.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CheckInWindowTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void opensTwoHoursBeforeTheStartAndClosesAtTheEndOfTheVisitsDayInTheAgencysZone() {
        // 15:00Z is 09:00 in Chicago; the day ends at midnight Chicago time, 06:00Z the next day
        VisitEvv.CheckInWindow window = VisitEvv.CheckInWindow.of(Instant.parse("2030-01-08T15:00:00Z"), CHICAGO);
        assertThat(window.opensAt()).isEqualTo(Instant.parse("2030-01-08T13:00:00Z"));
        assertThat(window.closesAt()).isEqualTo(Instant.parse("2030-01-09T06:00:00Z"));
        assertThat(window.isOpenAt(Instant.parse("2030-01-08T12:59:59Z"))).isFalse();
        assertThat(window.isOpenAt(Instant.parse("2030-01-08T13:00:00Z"))).isTrue();
        assertThat(window.isOpenAt(Instant.parse("2030-01-09T05:59:59Z"))).isTrue();
        assertThat(window.isOpenAt(Instant.parse("2030-01-09T06:00:00Z"))).isFalse();
    }
}
