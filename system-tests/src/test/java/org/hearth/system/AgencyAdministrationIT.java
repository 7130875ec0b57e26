package org.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.hearth.platform.test.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The agency administration API (docs/agencies.md) against the real Keycloak: an agency admin provisions a
 * nurse and a partner system, both get tokens of their own agency, and the other agency's admin can touch
 * neither.
 */
@ExtendWith(SharedStack.class)
class AgencyAdministrationIT {

    static final Keycloak KEYCLOAK = new Keycloak(LocalStack.KEYCLOAK_PORT);
    static final ApiClient GATEWAY = ApiClient.onPort(LocalStack.GATEWAY_PORT);
    static final String STAFF = "/api/patients/v1/agency/staff";
    static final String PARTNERS = "/api/patients/v1/agency/partner-clients";

    @Test
    void anAgencyAdminProvisionsStaffWhoSignInAsMembersOfTheAgencyAndCanBeDisabled() throws Exception {
        String alice = KEYCLOAK.userToken("alice.admin");
        String rob = KEYCLOAK.userToken("rob.admin");
        String username = "nora.nurse." + UUID.randomUUID().toString().substring(0, 6);

        ApiClient.Response created = GATEWAY.post(STAFF, alice, """
                {"username":"%s","email":"%s@sunrise.example","givenName":"Nora","familyName":"Nurse","roles":["nurse"]}""".formatted(username, username));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.json().path("roles").toString()).isEqualTo("[\"nurse\"]");
        assertThat(created.header("Location")).hasValue(STAFF + "/" + id);

        // the person completes Keycloak's "set your password" step (simulated: no mail server locally)
        KEYCLOAK.setPassword(SharedStack.STACK.keycloakAdminPassword(), id);
        JsonNode claims = Keycloak.claims(KEYCLOAK.userToken(username));
        assertThat(claims.path("organization").has("sunrise")).isTrue();
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"nurse\"");
        assertThat(GATEWAY.get("/api/patients/v1/patients", KEYCLOAK.userToken(username))
                        .status())
                .isEqualTo(200);

        assertThat(GATEWAY.get(STAFF + "/" + id, rob).status())
                .as("the other agency's admin")
                .isEqualTo(404);
        assertThat(GATEWAY.post(STAFF + "/" + id + "/disable", rob, "").status())
                .isEqualTo(404);
        assertThat(GATEWAY.post(STAFF + "/" + id + "/disable", KEYCLOAK.userToken("carla.coordinator"), "")
                        .status())
                .as("a coordinator")
                .isEqualTo(403);
        assertThat(GATEWAY.get(STAFF + "?size=200", alice).body()).contains(username);
        assertThat(GATEWAY.get(STAFF + "?size=200", rob).body()).doesNotContain(username);

        ApiClient.Response duplicate = GATEWAY.post(STAFF, alice, """
                {"username":"%s","email":"%s@sunrise.example","givenName":"Nora","familyName":"Nurse","roles":["nurse"]}""".formatted(username, username));
        assertThat(duplicate.status()).isEqualTo(409);
        ApiClient.Response badRole = GATEWAY.post(STAFF, alice, """
                {"username":"x.%s","email":"x.%s@sunrise.example","givenName":"X","familyName":"Y","roles":["family"]}""".formatted(username, username));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.body()).contains("unknown staff role");

        assertThat(GATEWAY.post(STAFF + "/" + id + "/disable", alice, "").status())
                .isEqualTo(204);
        assertThat(KEYCLOAK.tokenResponse(Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "hearth-cli",
                                "username",
                                username,
                                "password",
                                Keycloak.DEMO_PASSWORD))
                        .statusCode())
                .isNotEqualTo(200);
        assertThat(GATEWAY.get(STAFF + "/" + id, alice).json().path("enabled").asBoolean())
                .isFalse();
    }

    @Test
    void aPartnerClientGetsOnlyItsAgencyAndItsScopesAndItsSecretOnce() {
        String alice = KEYCLOAK.userToken("alice.admin");
        String name = "Mercy Hospital " + UUID.randomUUID().toString().substring(0, 6);

        ApiClient.Response created = GATEWAY.post(PARTNERS, alice, """
                {"name":"%s","scopes":["referrals:write"]}""".formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        String clientId = created.json().path("client").path("clientId").asString();
        String secret = created.json().path("clientSecret").asString();
        assertThat(clientId).startsWith("sunrise-mercy-hospital-");

        JsonNode claims = Keycloak.claims(KEYCLOAK.partnerToken(clientId, secret));
        assertThat(claims.path("organization").has("sunrise")).isTrue();
        assertThat(claims.path("scope").asString()).contains("hearth.referrals").doesNotContain("hearth.observations");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"partner\"");
        String partnerToken = KEYCLOAK.partnerToken(clientId, secret);
        assertThat(GATEWAY.post("/api/patients/v1/patients", partnerToken, """
                {"givenName":"Pat","familyName":"Partner","birthDate":"1950-01-01","language":"en",
                 "address":{"line1":"1 Main St","city":"Springfield","state":"IL","postalCode":"62701"}}""").status())
                .isEqualTo(201);

        ApiClient.Response listed = GATEWAY.get(PARTNERS, alice);
        assertThat(listed.body()).contains(clientId).doesNotContain(secret);
        assertThat(GATEWAY.get(PARTNERS, KEYCLOAK.userToken("rob.admin")).body())
                .doesNotContain(clientId);
        assertThat(GATEWAY.post(PARTNERS + "/" + clientId + "/disable", KEYCLOAK.userToken("rob.admin"), "")
                        .status())
                .isEqualTo(404);
        assertThat(GATEWAY.post(PARTNERS, alice, "{\"name\":\"x\",\"scopes\":[\"billing:write\"]}")
                        .status())
                .isEqualTo(400);

        assertThat(GATEWAY.post(PARTNERS + "/" + clientId + "/disable", alice, "")
                        .status())
                .isEqualTo(204);
        assertThat(KEYCLOAK.tokenResponse(Map.of(
                                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                        .statusCode())
                .isNotEqualTo(200);
    }
}
