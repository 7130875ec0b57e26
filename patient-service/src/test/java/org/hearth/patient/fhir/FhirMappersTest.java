package org.hearth.patient.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.hearth.patient.alerts.Alert;
import org.hearth.patient.alerts.AlertStatus;
import org.hearth.patient.alerts.Severity;
import org.hearth.patient.careplan.CarePlanContent;
import org.hearth.patient.careplan.CarePlanStatus;
import org.hearth.patient.careplan.CarePlanVersion;
import org.hearth.patient.careplan.Discipline;
import org.hearth.patient.careplan.FrequencyOrder;
import org.hearth.patient.observations.Observation;
import org.hearth.patient.observations.ObservationSource;
import org.hearth.patient.observations.Vital;
import org.hearth.platform.fhir.FhirException;
import org.hearth.platform.test.FhirValidation;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Flag;
import org.junit.jupiter.api.Test;

/** The mappers on their own: what they make validates against base R4, and what partners send is read strictly. */
class FhirMappersTest {

    static final String PATIENT = UUID.randomUUID().toString();
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aSignedPlanVersionIsAValidCarePlanWithItsFrequencyOrdersAsActivities() {
        CarePlanContent content = new CarePlanContent(
                List.of(new CarePlanContent.Problem(
                        "Heart failure",
                        List.of(new CarePlanContent.Goal(
                                "Stable weight", "gain under 1 kg a week", LocalDate.parse("2027-01-15"))))),
                List.of("Daily weights"),
                List.of(new CarePlanContent.Medication(
                        "Furosemide",
                        "40 mg",
                        CarePlanContent.Route.ORAL,
                        List.of(LocalTime.of(8, 0)),
                        LocalDate.parse("2026-11-20"),
                        null)),
                List.of("2 g sodium"),
                List.of(new CarePlanContent.Equipment("walker", CarePlanContent.EquipmentStatus.ORDERED)),
                List.of("meal delivery"),
                "SN 2W4, 1 PRN");
        CarePlanVersion version = new CarePlanVersion(
                2,
                CarePlanStatus.ACTIVE,
                content,
                List.of(new FrequencyOrder(Discipline.SN, List.of(new FrequencyOrder.Segment(2, 3, 4)), 1)),
                "nina",
                NOW.minusSeconds(3600),
                "dr-patel",
                NOW,
                "nina",
                NOW.minusSeconds(60));

        CarePlan plan = FhirValidation.roundTrip(CarePlanMapper.toFhir(PATIENT, version));

        assertThat(plan.getMeta().getVersionId()).isEqualTo("2");
        assertThat(plan.getActivityFirstRep()
                        .getDetail()
                        .getScheduledTiming()
                        .getRepeat()
                        .getFrequencyMax())
                .isEqualTo(3);
        assertThat(plan.getGoalFirstRep().getReference()).isEqualTo("#goal-1");
    }

    @Test
    void readingsAndAlertsAreValidObservationsAndFlags() {
        Observation reading = new Observation(
                UUID.randomUUID().toString(),
                PATIENT,
                Vital.TEMPERATURE,
                37.2,
                NOW,
                ObservationSource.DEVICE,
                "vendor",
                NOW);
        org.hl7.fhir.r4.model.Observation fhir = FhirValidation.roundTrip(ObservationMapper.toFhir(reading));
        assertThat(fhir.getCode().getCodingFirstRep().getCode()).isEqualTo("8310-5");
        assertThat(fhir.getValueQuantity().getCode()).isEqualTo("Cel");

        Alert alert = new Alert(
                "a1",
                PATIENT,
                "SYSTOLIC_BP_AT_OR_ABOVE_160",
                Severity.HIGH,
                "SYSTOLIC_BP >= 160 mm[Hg]",
                List.of(reading.id()),
                AlertStatus.RESOLVED,
                "dr-patel",
                NOW,
                "nina",
                NOW.plusSeconds(60),
                "nina",
                NOW.plusSeconds(120),
                "called",
                null,
                0,
                null,
                null);
        Flag flag = FhirValidation.roundTrip(FlagMapper.toFhir(alert));
        assertThat(flag.getStatus()).isEqualTo(Flag.FlagStatus.INACTIVE);
        assertThat(flag.getPeriod().getEnd()).isNotNull();
    }

    @Test
    void aPartnersObservationIsReadStrictly() {
        org.hl7.fhir.r4.model.Observation sent =
                FhirContext.forR4Cached().newJsonParser().parseResource(org.hl7.fhir.r4.model.Observation.class, """
                {"resourceType":"Observation","identifier":[{"value":"urn:uuid:6F1C0A52-8E43-4B7E-9C1D-2A4B3C5D6E7F"}],
                 "status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2708-6"}]},
                 "subject":{"reference":"Patient/p1"},"effectiveDateTime":"2026-12-01T08:00:00Z",
                 "valueQuantity":{"value":96,"system":"http://unitsofmeasure.org","code":"%"}}""");

        ObservationMapper.Incoming incoming = ObservationMapper.fromFhir(sent);

        assertThat(incoming.patientId()).isEqualTo("p1");
        assertThat(incoming.readings()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("6f1c0a52-8e43-4b7e-9c1d-2a4b3c5d6e7f");
            assertThat(r.vital()).isEqualTo(Vital.SPO2);
            assertThat(r.unit()).isEqualTo("%");
        });
        sent.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2026-12-01"));
        assertThatThrownBy(() -> ObservationMapper.fromFhir(sent))
                .isInstanceOf(FhirException.class)
                .hasMessageContaining("needs a time");
        sent.getCode().getCodingFirstRep().setCode("1234-5");
        assertThatThrownBy(() -> ObservationMapper.fromFhir(sent)).isInstanceOf(FhirException.class);
    }
}
