package org.hearth.patient.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.story.Patients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every access to a patient's data, granted or refused, leaves an audit record on hearth.audit. */
@HearthServiceTest
class AuditTrailIT {

    static final String TYPE = "org.hearth.audit.PatientDataAccessed.v1";

    @LocalServerPort
    int port;

    final TestTokenIssuer issuer = TestTokenIssuer.shared();

    @Test
    void admissionReadsAndRefusalsAreAuditedWithWhoWhatOutcomeAndCorrelationId() {
        ApiClient api = ApiClient.onPort(port);
        String agency = UUID.randomUUID().toString();
        String carla = issuer.token()
                .subject("carla")
                .agency("a", agency)
                .roles("coordinator")
                .audience("patient-service")
                .sign();
        String ron = issuer.token()
                .subject("ron")
                .agency("a", agency)
                .roles("nurse")
                .audience("patient-service")
                .sign();

        try (TopicReader audit = new TopicReader("hearth.audit")) {
            ApiClient.Response created = api.post("/api/patients/v1/patients", carla, Patients.jane());
            String patient = created.json().path("id").asString();
            ApiClient.Response read = api.send(api.request("/api/patients/v1/patients/" + patient, carla)
                    .header("X-Correlation-Id", "audit-case-1")
                    .GET());
            assertThat(read.status()).isEqualTo(200);
            assertThat(api.get("/api/patients/v1/patients/" + patient + "/care-plan", ron)
                            .status())
                    .isEqualTo(403);

            ConsumerRecord<String, String> admitted = audit.await(
                            r -> patient.equals(r.key()) && r.value().contains("\"outcome\":201"),
                            Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("admission not audited"));
            assertThat(admitted.value())
                    .contains("\"action\":\"POST /api/patients/v1/patients\"", "\"actor\":\"carla\"");
            ConsumerRecord<String, String> granted = audit.await(
                            r -> patient.equals(r.key()) && r.value().contains("audit-case-1"), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("read not audited"));
            assertThat(TopicReader.header(granted, "ce_type")).isEqualTo(TYPE);
            assertThat(TopicReader.header(granted, "ce_tenantid")).isEqualTo(agency);
            assertThat(EventContracts.violations(TYPE, granted.value())).isEmpty();
            assertThat(granted.value())
                    .contains(
                            "\"action\":\"GET /api/patients/v1/patients/{patientId}\"",
                            "\"outcome\":200",
                            "\"roles\":[\"coordinator\"]")
                    .doesNotContain("Jane")
                    .doesNotContain("Elm");
            assertThat(granted.value()).contains("\"actorName\":\"carla\"", "\"organization\":\"a\"");
            // a refused request is recorded once, as a refusal naming the path (not a second time as an access)
            ConsumerRecord<String, String> refused = audit.await(
                            r -> r.value().contains(patient) && r.value().contains("\"actor\":\"ron\""),
                            Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("refusal not audited"));
            assertThat(TopicReader.header(refused, "ce_type")).isEqualTo("org.hearth.audit.AccessRefused.v1");
            assertThat(refused.value()).contains("\"outcome\":403", "/care-plan");
            assertThat(audit.await(r -> r.value().contains("\"actor\":\"ron\"") && r != refused, Duration.ofSeconds(3)))
                    .as("no second record of the refused request")
                    .isEmpty();
        }
    }

    @Test
    void refusedRequestsAreAuditedAsAccessRefusedWithoutTheToken() {
        ApiClient api = ApiClient.onPort(port);
        String agency = UUID.randomUUID().toString();
        String nurse = issuer.token()
                .subject("nadia")
                .agency("a", agency)
                .roles("nurse")
                .audience("patient-service")
                .sign();
        String forged = issuer.token()
                .subject("mallory")
                .agency("a", agency)
                .roles("coordinator")
                .audience("patient-service")
                .signedByStranger()
                .sign();

        try (TopicReader audit = new TopicReader("hearth.audit")) {
            assertThat(api.send(api.request("/api/patients/v1/agency/staff", nurse)
                                    .header("X-Correlation-Id", "refused-403")
                                    .GET())
                            .status())
                    .isEqualTo(403);
            assertThat(api.send(api.request("/api/patients/v1/patients?q=secret", forged)
                                    .header("X-Correlation-Id", "refused-401")
                                    .GET())
                            .status())
                    .isEqualTo(401);

            ConsumerRecord<String, String> forbidden = audit.await(
                            r -> r.value().contains("refused-403"), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("403 not audited"));
            assertThat(TopicReader.header(forbidden, "ce_type")).isEqualTo("org.hearth.audit.AccessRefused.v1");
            assertThat(TopicReader.header(forbidden, "ce_tenantid")).isEqualTo(agency);
            assertThat(EventContracts.violations("org.hearth.audit.AccessRefused.v1", forbidden.value()))
                    .isEmpty();
            assertThat(forbidden.value())
                    .contains("\"outcome\":403", "\"actor\":\"nadia\"", "/api/patients/v1/agency/staff");
            ConsumerRecord<String, String> unauthenticated = audit.await(
                            r -> r.value().contains("refused-401"), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("401 not audited"));
            assertThat(EventContracts.violations("org.hearth.audit.AccessRefused.v1", unauthenticated.value()))
                    .isEmpty();
            assertThat(unauthenticated.value())
                    .contains("\"outcome\":401", "invalid token")
                    .doesNotContain(forged.substring(0, 20))
                    .doesNotContain("secret")
                    .doesNotContain("mallory");
        }
    }
}
