package org.hearth.scheduling.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hearth.platform.test.EventContracts;
import org.hearth.scheduling.patients.PatientEventsV1.PatientAdmittedV1;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Scheduling's reader understands the producer's golden example, including fields it does not know yet. */
class PatientAdmittedV1ContractTest {

    final JsonMapper tolerant = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void readsTheGoldenExample() {
        PatientAdmittedV1 event =
                tolerant.readValue(EventContracts.example(PatientAdmittedV1.TYPE), PatientAdmittedV1.class);

        assertThat(event.patientId()).isEqualTo("0b6f7c1e-3f55-4d7a-9a43-2f1c7d8e9a10");
        assertThat(event.admittedAt()).isEqualTo(Instant.parse("2026-11-24T09:30:00Z"));
        assertThat(event.status()).isEqualTo("ACTIVE");
        assertThat(event.latitude()).isEqualTo(39.7817);
    }

    @Test
    void toleratesFieldsAddedLater() {
        String newer = EventContracts.example(PatientAdmittedV1.TYPE).replace("{", "{\"homebound\":true,");

        assertThat(tolerant.readValue(newer, PatientAdmittedV1.class).postalCode())
                .isEqualTo("62701");
    }

    @Test
    void goldenExampleConformsToItsSchema() {
        assertThat(EventContracts.violations(PatientAdmittedV1.TYPE, EventContracts.example(PatientAdmittedV1.TYPE)))
                .isEmpty();
    }
}
