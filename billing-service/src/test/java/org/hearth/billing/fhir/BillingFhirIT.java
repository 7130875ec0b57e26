package org.hearth.billing.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hearth.billing.PayerSimulatorProcess;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.FhirValidation;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.MutableClock;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicWriter;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Billing's FHIR API on the real broker: a patient's coverage and a prior authorization (drafted from the signed
 * plan, sent, partly approved) read as Coverage, Claim and ClaimResponse, valid against the base R4 profiles; the
 * partner that referred the patient reads them with the scopes, another partner gets 404, a nurse 403.
 */
@HearthServiceTest
@Import(MutableClock.Config.class)
class BillingFhirIT {

    static final String API = "/api/billing/v1";

    @DynamicPropertySource
    static void payer(DynamicPropertyRegistry registry) {
        registry.add(
                "hearth.billing.payer.url", () -> PayerSimulatorProcess.shared().url());
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    ApiClient api;
    TopicWriter kafka;
    final String agency = UUID.randomUUID().toString();
    final String patient = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2030-01-06T15:00:00Z"));
        api = ApiClient.onPort(port);
        kafka = new TopicWriter();
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    String token(String role) {
        return TestTokenIssuer.shared()
                .token()
                .agency("a", agency)
                .roles(role)
                .subject(role + "-sub")
                .audience("billing-service")
                .sign();
    }

    String partner(String partnerId, String... scopes) {
        return TestTokenIssuer.shared()
                .token()
                .agency("a", agency)
                .roles("partner")
                .subject("sa-fhir")
                .clientId("sunrise-fhir-partner")
                .claim("partner_id", partnerId)
                .scopes(scopes)
                .audience("billing-service")
                .sign();
    }

    void publish(String type, String body) {
        assertThat(EventContracts.violations(type, body)).as(body).isEmpty();
        kafka.send(
                "hearth.patient.events",
                patient,
                TopicWriter.envelope(UUID.randomUUID().toString(), type, patient, agency),
                body);
    }

    @Test
    void coverageAndAPriorAuthorizationAreValidFhirForBillingAndForTheReferringPartnerOnly() {
        String billing = token("billing");
        publish("org.hearth.patient.PatientAdmitted.v1", """
                {"patientId":"%s","admittedAt":"2030-01-02T15:00:00Z","status":"ACTIVE",
                 "referringPartner":"springfield-general"}""".formatted(patient));
        Eventually.await(
                Duration.ofSeconds(20), () -> api.get(API + "/patients/" + patient, billing), r -> r.status() == 200);
        ApiClient.Response payer = api.post(API + "/payers", billing, """
                {"name":"Medicaid %s","type":"MEDICAID","payerCode":"IL-MCD","priorAuthorization":["PT"],
                 "unit":"VISIT","timelyFilingDays":180}""".formatted(patient));
        assertThat(payer.status()).as(payer.body()).isEqualTo(201);
        ApiClient.Response covered = api.send(api.request(API + "/patients/" + patient + "/coverage", billing)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        """
                        {"coverages":[{"payerId":"%s","memberId":"M-77","plan":"Medicaid HCBS","priority":"PRIMARY",
                          "from":"2030-01-01"}]}""".formatted(payer.json().path("id").asString()))));
        assertThat(covered.status()).as(covered.body()).isEqualTo(200);
        String coverageId = covered.json().path("coverages").get(0).path("id").asString();
        publish("org.hearth.patient.CarePlanSigned.v1", """
                {"patientId":"%s","planVersion":1,"supersedesVersion":null,"signedAt":"2030-01-06T14:00:00Z",
                 "signedBy":"dr","frequencyOrders":[{"discipline":"PT","segments":[{"minPerWeek":2,"maxPerWeek":2,"weeks":3}],
                 "prnVisits":0}]}""".formatted(patient));
        JsonNode drafts = Eventually.await(
                Duration.ofSeconds(20),
                () -> api.get(API + "/authorizations?patientId=" + patient, billing)
                        .json(),
                page -> page.path("totalItems").asInt() == 1);
        String id = drafts.path("items").get(0).path("id").asString();

        // a draft is a Claim without a ClaimResponse
        Claim draft = FhirValidation.parse(Claim.class, ok(api.get("/fhir/R4/Claim/" + id, billing)));
        FhirValidation.assertValid(draft);
        assertThat(draft.getStatus()).isEqualTo(Claim.ClaimStatus.DRAFT);
        assertThat(api.get("/fhir/R4/ClaimResponse/" + id, billing).status()).isEqualTo(404);

        assertThat(api.post(API + "/authorizations/" + id + "/submission", billing, "{\"expedited\":false}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(API + "/authorizations/" + id + "/decision", billing, """
                {"decision":"PARTIALLY_APPROVED","approvedUnits":5,"from":"2030-01-06","to":"2030-03-06"}""")
                        .status())
                .isEqualTo(200);

        String referrer = partner(
                "springfield-general", "system/Coverage.read", "system/Claim.read", "system/ClaimResponse.read");
        Coverage coverage =
                FhirValidation.parse(Coverage.class, ok(api.get("/fhir/R4/Coverage/" + coverageId, referrer)));
        FhirValidation.assertValid(coverage);
        assertThat(coverage.getSubscriberId()).isEqualTo("M-77");
        assertThat(coverage.getBeneficiary().getReference()).isEqualTo("Patient/" + patient);

        Bundle claims = FhirValidation.parse(
                Bundle.class, ok(api.get("/fhir/R4/Claim?patient=" + patient + "&use=preauthorization", referrer)));
        assertThat(claims.getTotal()).isEqualTo(1);
        Claim claim = (Claim) claims.getEntryFirstRep().getResource();
        FhirValidation.assertValid(claim);
        assertThat(claim.getUse()).isEqualTo(Claim.Use.PREAUTHORIZATION);
        assertThat(claim.getItemFirstRep()
                        .getProductOrService()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("G0151");
        assertThat(claim.getInsuranceFirstRep().getCoverage().getReference()).isEqualTo("Coverage/" + coverageId);

        Bundle responses =
                FhirValidation.parse(Bundle.class, ok(api.get("/fhir/R4/ClaimResponse?patient=" + patient, billing)));
        ClaimResponse answer = (ClaimResponse) responses.getEntryFirstRep().getResource();
        FhirValidation.assertValid(answer);
        assertThat(answer.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.PARTIAL);
        assertThat(answer.getItemFirstRep().getAdjudicationFirstRep().getValue().intValue())
                .isEqualTo(5);
        assertThat(answer.getRequest().getReference()).isEqualTo("Claim/" + id);
        FhirValidation.assertValid(
                FhirValidation.parse(Bundle.class, ok(api.get("/fhir/R4/Coverage?patient=" + patient, billing))));

        // another partner: 404; the referrer without the scope: 403; a nurse: 403; another agency: 404
        assertThat(status(
                                api.get(
                                        "/fhir/R4/Coverage/" + coverageId,
                                        partner("other-hospital", "system/Coverage.read")),
                                404)
                        .getIssueFirstRep()
                        .getCode())
                .isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        status(api.get("/fhir/R4/Claim/" + id, partner("springfield-general", "system/Coverage.read")), 403);
        status(api.get("/fhir/R4/Coverage?patient=" + patient, token("nurse")), 403);
        String elsewhere = TestTokenIssuer.shared()
                .token()
                .agency("b", UUID.randomUUID().toString())
                .roles("billing")
                .subject("b")
                .audience("billing-service")
                .sign();
        status(api.get("/fhir/R4/Claim/" + id, elsewhere), 404);
        status(api.get("/fhir/R4/Claim", billing), 400);
    }

    @Test
    void theCapabilityStatementIsOpenAndValid() {
        CapabilityStatement statement =
                FhirValidation.parse(CapabilityStatement.class, ok(api.get("/fhir/R4/metadata", null)));
        FhirValidation.assertValid(statement);
        assertThat(statement.getRestFirstRep().getResource())
                .extracting(r -> r.getType())
                .containsExactly("Coverage", "Claim", "ClaimResponse");
    }

    private static String ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/fhir+json");
        return response.body();
    }

    private static OperationOutcome status(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return FhirValidation.parse(OperationOutcome.class, response.body());
    }
}
