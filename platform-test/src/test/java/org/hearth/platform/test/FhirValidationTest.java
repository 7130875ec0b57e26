package org.hearth.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class FhirValidationTest {

    @Test
    void acceptsAValidObservationAfterARoundTrip() {
        Observation back = FhirValidation.roundTrip(heartRate());
        assertThat(back.getValueQuantity().getValue()).isEqualByComparingTo("72");
    }

    @Test
    void reportsABrokenInvariantOfTheResource() {
        Observation observation = heartRate();
        // obs-6: dataAbsentReason SHALL only be present if Observation.value[x] is not present
        observation.setDataAbsentReason(new CodeableConcept().setText("not asked"));
        assertThat(FhirValidation.errors(observation))
                .extracting(m -> m.getMessage())
                .anySatisfy(m -> assertThat(m).startsWith("obs-6"));
    }

    @Test
    void reportsABrokenInvariantOfADataType() {
        Patient patient = new Patient().setGender(AdministrativeGender.FEMALE);
        patient.setId("p1");
        // per-1: if present, start SHALL have a lower value than end
        patient.addName()
                .setFamily("Doe")
                .setPeriod(new Period()
                        .setStartElement(new DateTimeType("2026-02-01"))
                        .setEndElement(new DateTimeType("2026-01-01")));
        assertThat(FhirValidation.errors(patient))
                .extracting(m -> m.getMessage())
                .anySatisfy(m -> assertThat(m).startsWith("per-1"));
    }

    @Test
    void reportsAMissingRequiredElementThroughTheSchema() {
        Observation observation = heartRate();
        observation.setCode(null); // Observation.code is 1..1
        assertThatThrownBy(() -> FhirValidation.assertValid(observation)).isInstanceOf(AssertionError.class);
    }

    private static Observation heartRate() {
        Observation observation = new Observation();
        observation.setId("o1");
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept(new Coding("http://loinc.org", "8867-4", "Heart rate")));
        observation.setSubject(new Reference("Patient/p1"));
        observation.setEffective(new DateTimeType(new Date()));
        observation.setValue(new Quantity()
                .setValue(72)
                .setUnit("/min")
                .setSystem("http://unitsofmeasure.org")
                .setCode("/min"));
        return observation;
    }
}
