package org.hearth.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.OpenApiContract;
import org.hearth.platform.test.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The service has no features yet; it must still be healthy, documented and closed to strangers. */
@HearthServiceTest
class BillingServiceDefaultsIT {

    @LocalServerPort
    int port;

    /** The actuator's own port (service port + 1000 when fixed, random here): never the public one. */
    @LocalManagementPort
    int managementPort;

    @Test
    void healthIsOpenButTheApiNeedsATokenForThisService() {
        ApiClient api = ApiClient.onPort(port);
        String otherAudience = TestTokenIssuer.shared()
                .token()
                .agency("a", UUID.randomUUID().toString())
                .roles("coordinator")
                .audience("patient-service")
                .sign();
        String ours = TestTokenIssuer.shared()
                .token()
                .agency("a", UUID.randomUUID().toString())
                .roles("coordinator")
                .audience("billing-service")
                .sign();

        ApiClient.Response health = ApiClient.onPort(managementPort).get("/actuator/health", null);
        assertThat(health.json().get("status").asString()).as(health.body()).isEqualTo("UP");
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator/env"}) {
            ApiClient.Response onThePublicPort = api.get(path, null);
            assertThat(onThePublicPort.status()).as(path).isEqualTo(404);
            assertThat(onThePublicPort.contentType()).as(path).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/billing/v1/anything", null).status()).isEqualTo(401);
        assertThat(api.get("/api/billing/v1/anything", otherAudience).status()).isEqualTo(401);
        ApiClient.Response unknown = api.get("/api/billing/v1/anything", ours);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/billing/v3/api-docs", null).status()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentServedIsTheOneCheckedInForTheConsole() {
        OpenApiContract.check(ApiClient.onPort(port), "/api/billing/v3/api-docs", "billing");
    }
}
