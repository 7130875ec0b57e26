package org.hearth.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrganizationClaimTest {

    @Test
    void takesTheOrganizationIdOfTheOnlyAgency() {
        Map<String, Object> claims = Map.of("organization", Map.of("sunrise", Map.of("id", "4f1c-9a")));

        assertThat(OrganizationClaim.tenantOf(claims)).contains(TenantId.of("4f1c-9a"));
    }

    @Test
    void refusesToGuessBetweenSeveralAgencies() {
        Map<String, Object> claims =
                Map.of("organization", Map.of("sunrise", Map.of("id", "a1"), "riverbend", Map.of("id", "b2")));

        assertThat(OrganizationClaim.tenantOf(claims)).isEmpty();
    }

    @Test
    void ignoresClaimsWithoutIdsOrWithUnsafeIds() {
        assertThat(OrganizationClaim.tenantOf(Map.of())).isEmpty();
        assertThat(OrganizationClaim.tenantOf(Map.of("organization", List.of("sunrise"))))
                .isEmpty();
        assertThat(OrganizationClaim.tenantOf(Map.of("organization", Map.of("sunrise", Map.of()))))
                .isEmpty();
        assertThat(OrganizationClaim.tenantOf(Map.of("organization", Map.of("x", Map.of("id", "{$ne: 1}")))))
                .isEmpty();
    }

    @Test
    void namesTheAliasOfTheOnlyAgencyWithAValidId() {
        assertThat(OrganizationClaim.aliasOf(Map.of("organization", Map.of("riverbend", Map.of("id", "b2")))))
                .contains("riverbend");
        assertThat(OrganizationClaim.aliasOf(
                        Map.of("organization", Map.of("sunrise", Map.of("id", "a1"), "riverbend", Map.of("id", "b2")))))
                .isEmpty();
        assertThat(OrganizationClaim.aliasOf(Map.of("organization", Map.of("riverbend", Map.of()))))
                .isEmpty();
        assertThat(OrganizationClaim.aliasOf(Map.of())).isEmpty();
    }
}
