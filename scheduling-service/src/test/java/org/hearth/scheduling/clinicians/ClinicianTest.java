package org.hearth.scheduling.clinicians;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.hearth.scheduling.geo.GeoPoint;
import org.junit.jupiter.api.Test;

class ClinicianTest {

    static final LocalDate MONDAY = LocalDate.parse("2026-11-30");

    static Clinician nina(List<Clinician.TimeOff> timeOff, boolean active) {
        return new Clinician(
                "c-1",
                "nina",
                "Nina Nurse",
                Clinician.Discipline.RN,
                Set.of("wound-care"),
                List.of(new Clinician.Certification("BLS", LocalDate.parse("2027-03-31"))),
                new GeoPoint(39.8, -89.65),
                List.of(
                        new Clinician.WorkingHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(16, 0)),
                        new Clinician.WorkingHours(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))),
                6,
                timeOff,
                active,
                Set.of());
    }

    @Test
    void availableOnlyInsideWorkingHoursOnWorkingDaysAndNotOnLeave() {
        Clinician nina = nina(List.of(new Clinician.TimeOff(MONDAY.plusDays(7), MONDAY.plusDays(8))), true);

        assertThat(nina.isAvailable(MONDAY.atTime(9, 0), MONDAY.atTime(10, 0))).isTrue();
        assertThat(nina.isAvailable(MONDAY.atTime(15, 30), MONDAY.atTime(16, 30)))
                .isFalse();
        assertThat(nina.isAvailable(
                        MONDAY.plusDays(1).atTime(11, 0), MONDAY.plusDays(1).atTime(12, 0)))
                .isTrue();
        assertThat(nina.isAvailable(
                        MONDAY.plusDays(2).atTime(9, 0), MONDAY.plusDays(2).atTime(10, 0)))
                .isFalse();
        assertThat(nina.isAvailable(
                        MONDAY.plusDays(7).atTime(9, 0), MONDAY.plusDays(7).atTime(10, 0)))
                .isFalse();
        assertThat(nina.isAvailable(MONDAY.atTime(10, 0), MONDAY.atTime(9, 0))).isFalse();
        assertThat(nina(List.of(), false).isAvailable(MONDAY.atTime(9, 0), MONDAY.atTime(10, 0)))
                .isFalse();
    }

    @Test
    void aCertificationCountsUntilTheEndOfItsExpiryDay() {
        Clinician nina = nina(List.of(), true);

        assertThat(nina.certifiedOn("bls", LocalDate.parse("2027-03-31"))).isTrue();
        assertThat(nina.certifiedOn("BLS", LocalDate.parse("2027-04-01"))).isFalse();
        assertThat(nina.certifiedOn("ACLS", MONDAY)).isFalse();
    }

    @Test
    void refusesHoursThatEndBeforeTheyStartAndImpossibleLimits() {
        assertThatThrownBy(() -> new Clinician(
                        "c",
                        null,
                        "X",
                        Clinician.Discipline.PT,
                        Set.of(),
                        List.of(),
                        new GeoPoint(0, 0),
                        List.of(new Clinician.WorkingHours(DayOfWeek.MONDAY, LocalTime.NOON, LocalTime.of(8, 0))),
                        5,
                        List.of(),
                        true,
                        null))
                .hasMessageContaining("hours: MONDAY ends before it starts");
        assertThatThrownBy(() -> new Clinician(
                        "c",
                        null,
                        "X",
                        Clinician.Discipline.PT,
                        Set.of(),
                        List.of(),
                        new GeoPoint(0, 0),
                        List.of(),
                        13,
                        List.of(),
                        true,
                        null))
                .hasMessageContaining("maxVisitsPerDay");
    }

    @Test
    void speaksALanguageByItsPrimaryTagAndTheAgencysWhenNoneIsOnFile() {
        Clinician rosa = new Clinician(
                "c",
                null,
                "Rosa",
                Clinician.Discipline.RN,
                Set.of(),
                List.of(),
                new GeoPoint(0, 0),
                List.of(),
                5,
                List.of(),
                true,
                Set.of("en", "es-MX"));
        assertThat(rosa.speaks("es", "en")).isTrue();
        assertThat(rosa.speaks("es-US", "en")).isTrue();
        assertThat(rosa.speaks("vi", "en")).isFalse();
        assertThat(nina(List.of(), true).speaks("en-US", "en"))
                .as("nothing on file: the agency's language")
                .isTrue();
        assertThat(nina(List.of(), true).speaks("es", "en")).isFalse();
    }
}
