package org.hearth.scheduling.authorizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hearth.platform.test.EventContracts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The contract billing-service will publish: scheduling reads its golden example into a grant it can book against. */
class AuthorizationStatusChangedV1ContractTest {

    final JsonMapper tolerant = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void readsTheGoldenExampleIntoAnApprovedGrant() {
        String golden = EventContracts.example(AuthorizationStatusChangedV1.TYPE);
        assertThat(EventContracts.violations(AuthorizationStatusChangedV1.TYPE, golden))
                .isEmpty();
        var event = tolerant.readValue(golden, AuthorizationStatusChangedV1.class);
        var grant = new AuthorizationProjection(
                        event.authorizationId(),
                        "t",
                        event.patientId(),
                        event.discipline(),
                        event.status(),
                        event.unit(),
                        event.approvedUnits(),
                        event.from(),
                        event.to(),
                        null)
                .grant();

        assertThat(grant.approved()).isTrue();
        assertThat(grant.unitRule()).isEqualTo(UnitRule.PER_VISIT);
        assertThat(grant.approvedUnits()).isEqualTo(6);
        assertThat(grant.covers(LocalDate.of(2027, 1, 23))).isTrue();
        assertThat(grant.covers(LocalDate.of(2027, 1, 24))).isFalse();
    }
}
