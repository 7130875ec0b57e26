package org.hearth.scheduling.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hearth.platform.test.EventContracts;
import org.hearth.scheduling.patients.PatientEventsV1.CareCircleChangedV1;
import org.hearth.scheduling.patients.PatientEventsV1.CareTeamChangedV1;
import org.hearth.scheduling.patients.PatientEventsV1.PatientDischargedV1;
import org.hearth.scheduling.patients.PatientEventsV1.PatientStatusChangedV1;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Scheduling's readers of the other patient events understand the producer's golden examples. */
class PatientEventReadersContractTest {

    final JsonMapper tolerant = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    <T> T golden(String type, Class<T> reader) {
        return tolerant.readValue(EventContracts.example(type), reader);
    }

    @Test
    void readsStatusDischargeCareTeamAndCareCircle() {
        assertThat(golden(PatientStatusChangedV1.TYPE, PatientStatusChangedV1.class)
                        .status())
                .isEqualTo("ON_HOLD");
        assertThat(golden(PatientDischargedV1.TYPE, PatientDischargedV1.class).dischargedOn())
                .isEqualTo(LocalDate.of(2027, 1, 20));
        assertThat(golden(CareTeamChangedV1.TYPE, CareTeamChangedV1.class).members())
                .extracting(CareTeamChangedV1.Member::subject)
                .contains("a3e0f9d4-6b1c-4f0e-8d2a-7c5b9e1f3a64");
        assertThat(golden(CareCircleChangedV1.TYPE, CareCircleChangedV1.class)
                        .members()
                        .get(0)
                        .scopes())
                .contains("VITALS", "MESSAGES");
    }
}
