package org.hearth.scheduling.visitplan;

import static org.assertj.core.api.Assertions.assertThat;

import org.hearth.platform.test.EventContracts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Scheduling's reader understands patient-service's golden CarePlanSigned example. */
class CarePlanSignedV1ContractTest {

    final JsonMapper tolerant = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void readsTheGoldenExample() {
        CarePlanSignedV1 event =
                tolerant.readValue(EventContracts.example(CarePlanSignedV1.TYPE), CarePlanSignedV1.class);

        assertThat(event.planVersion()).isEqualTo(2);
        assertThat(event.supersedesVersion()).isEqualTo(1);
        assertThat(event.frequencyOrders())
                .extracting(CarePlanSignedV1.Order::discipline)
                .containsExactly("SN", "PT");
        assertThat(event.frequencyOrders().getFirst().segments()).hasSize(2);
        assertThat(event.frequencyOrders().get(1).segments().getFirst().maxPerWeek())
                .isEqualTo(3);
    }

    @Test
    void toleratesFieldsAddedLater() {
        String newer =
                EventContracts.example(CarePlanSignedV1.TYPE).replaceFirst("\\{", "{\"effectiveFrom\":\"2026-12-01\",");

        assertThat(tolerant.readValue(newer, CarePlanSignedV1.class).planVersion())
                .isEqualTo(2);
    }
}
