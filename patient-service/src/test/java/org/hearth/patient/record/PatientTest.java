package org.hearth.patient.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hearth.platform.events.WithEvents;
import org.junit.jupiter.api.Test;

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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"I50.9", "E11.65", "Z79.4", "M1A.0710", "C4A.9", "i10"})
    void acceptsIcd10CmCodes(String code) {
        assertThat(new ClinicalProfile.Diagnosis(code, "d", false).code()).isEqualTo(code.toUpperCase());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"I5", "150.9", "U07.1", "I50.12345", "I50-9", "I50.", "ICD:I50"})
    void refusesWhatIsNotAnIcd10CmCode(String code) {
        assertThatThrownBy(() -> new ClinicalProfile.Diagnosis(code, "d", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an ICD-10-CM code");
    }

    @Test
    void aProfileHasAtMostOnePrimaryDiagnosisAndHomeboundNeedsAReason() {
        List<ClinicalProfile.Diagnosis> twoPrimaries = List.of(
                new ClinicalProfile.Diagnosis("I50.9", "HF", true),
                new ClinicalProfile.Diagnosis("E11.9", "DM2", true));

        assertThatThrownBy(() -> new ClinicalProfile(null, twoPrimaries, null))
                .hasMessageContaining("only one can be primary");
        assertThatThrownBy(() -> new ClinicalProfile.Homebound(true, " ")).hasMessageContaining("homebound.reason");
    }

    @Test
    void dischargingEndsCareOnceWithAnEventCarryingOnlyTheReasonCode() {
        Patient patient = Patient.admit("Jane", "Doe", LocalDate.of(1941, 3, 2), HOME, null, "en", NOW)
                .result();

        WithEvents<Patient> discharged = patient.discharge(
                LocalDate.of(2027, 1, 20), DischargeReason.GOALS_MET, "Walks 100 m unaided", NOW.plusSeconds(86_400));

        assertThat(discharged.result().status()).isEqualTo(PatientStatus.DISCHARGED);
        assertThat(discharged.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        PatientDischarged.class,
                        e -> assertThat(e.toString()).contains("GOALS_MET").doesNotContain("Walks"));
        assertThatThrownBy(() ->
                        discharged.result().discharge(LocalDate.of(2027, 1, 21), DischargeReason.OTHER, null, NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> patient.discharge(LocalDate.of(2026, 11, 1), DischargeReason.OTHER, null, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before the admission");
    }
}
