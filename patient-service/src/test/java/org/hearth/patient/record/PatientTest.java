package org.hearth.patient.record;

import org.hearth.platform.events.WithEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatientTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final Address HOME = new Address("12 Elm Street", null, "Springfield", "IL", "62701", 39.78, -89.65);

    @Test
    void admittingMakesAnActivePatientAndAnAdmittedEventWithoutNameOrStreet() {
        WithEvents<Patient> admitted = Patient.admit(" Jane ", "Doe", LocalDate.of(1941, 3, 2), HOME, null, "en", NOW);

        assertThat(admitted.result().status()).isEqualTo(PatientStatus.ACTIVE);
        assertThat(admitted.result().givenName()).isEqualTo("Jane");
        assertThat(admitted.events()).singleElement().isInstanceOfSatisfying(PatientAdmitted.class, event -> {
            assertThat(event.patientId()).isEqualTo(admitted.result().id());
            assertThat(event.subject()).isEqualTo(admitted.result().id());
            assertThat(event.postalCode()).isEqualTo("62701");
            assertThat(event.admittedAt()).isEqualTo(NOW);
            assertThat(event.toString()).doesNotContain("Jane").doesNotContain("Elm");
        });
    }

    @Test
    void rejectsBirthDateInTheFuture() {
        assertThatThrownBy(() -> Patient.admit("Jane", "Doe", LocalDate.of(2027, 1, 1), HOME, null, "en", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
