package org.hearth.patient;

import static org.assertj.core.api.Assertions.assertThat;

import org.hearth.platform.test.EventContracts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The golden examples that consumers test against must themselves satisfy the producer's schemas. */
class EventExamplesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "org.hearth.patient.PatientAdmitted.v1",
                "org.hearth.patient.CareTeamChanged.v1",
                "org.hearth.patient.CarePlanSigned.v1",
                "org.hearth.patient.ObservationRecorded.v1",
                "org.hearth.patient.AlertRaised.v1",
                "org.hearth.patient.AlertAcknowledged.v1",
                "org.hearth.patient.AlertEscalated.v1",
                "org.hearth.patient.AlertResolved.v1",
                "org.hearth.patient.PatientDischarged.v1",
                "org.hearth.patient.ReferralReceived.v1",
                "org.hearth.patient.ReferralAccepted.v1",
                "org.hearth.patient.TransitionTaskDue.v1",
                "org.hearth.patient.TransitionTaskOverdue.v1",
                "org.hearth.patient.CareCircleChanged.v1",
                "org.hearth.audit.PatientDataAccessed.v1",
                "org.hearth.patient.AssessmentCompleted.v1",
                "org.hearth.patient.PatientStatusChanged.v1",
                "org.hearth.patient.SharingGranted.v1",
                "org.hearth.patient.SharingRevoked.v1"
            })
    void everyGoldenExampleOfPatientServiceIsValid(String type) {
        assertThat(EventContracts.violations(type, EventContracts.example(type)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "org.hearth.patient.CareTeamChanged.v1",
                "org.hearth.patient.CarePlanSigned.v1",
                "org.hearth.patient.ObservationRecorded.v1",
                "org.hearth.patient.AlertRaised.v1"
            })
    void theSchemasRefuseFieldsTheyDoNotDeclare(String type) {
        String withExtra = EventContracts.example(type).replaceFirst("\\{", "{\"patientName\":\"Jane Doe\",");
        assertThat(EventContracts.violations(type, withExtra)).isNotEmpty();
    }
}
