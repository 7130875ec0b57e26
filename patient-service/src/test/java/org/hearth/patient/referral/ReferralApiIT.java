package org.hearth.patient.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.story.Agencies;
import org.hearth.platform.test.story.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@HearthServiceTest
class ReferralApiIT {

    static final String REFERRALS = "/api/patients/v1/referrals";

    @LocalServerPort
    int port;

    ApiClient api;
    final TestTokenIssuer issuer = TestTokenIssuer.shared();
    final String agency = Agencies.sunrise().id();

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
    }

    String coordinator() {
        return Tokens.coordinator(agency, "patient-service");
    }

    String partner() {
        return issuer.token()
                .subject("svc-sunrise-partner")
                .agency("a", agency)
                .roles("partner")
                .scopes("hearth.referrals")
                .audience("patient-service")
                .sign();
    }

    static String referral(String npi, String icd, String dischargeDate) {
        return """
                {"source":"HOSPITAL_DISCHARGE","referringPhysician":{"name":"Dr Priya Patel","npi":"%s"},
                 "reason":"Heart failure exacerbation; needs diuretic titration and gait training",
                 "diagnoses":[{"code":"%s","description":"Heart failure","primary":true}],
                 "requestedDisciplines":["SN","PT"],"dischargeDate":%s,"complexity":"HIGH",
                 "patient":{"givenName":"Jane","familyName":"Doe","birthDate":"1941-03-02","language":"en",
                   "address":{"line1":"12 Elm Street","city":"Springfield","state":"IL","postalCode":"62701"}}}""".formatted(npi, icd, dischargeDate == null ? "null" : "\"" + dischargeDate + "\"");
    }

    ApiClient.Response post(String token, String key, String body) {
        HttpRequest.Builder request = api.request(REFERRALS, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return api.send(request);
    }

    @Test
    void aPartnerRetryingWithTheSameIdempotencyKeyGetsTheSameReferralAndCreatesNothingTwice() {
        String key = "hosp-" + UUID.randomUUID();
        String body =
                referral("1234567893", "I50.9", LocalDate.now().minusDays(1).toString());

        try (TopicReader topic = new TopicReader("hearth.patient.events")) {
            ApiClient.Response first = post(partner(), key, body);
            ApiClient.Response retry = post(partner(), key, body.replace("\n", " "));
            ApiClient.Response reused = post(partner(), key, body.replace("Jane", "Joan"));

            assertThat(first.status()).as(first.body()).isEqualTo(201);
            assertThat(retry.status()).isEqualTo(201);
            String id = first.json().path("id").asString();
            assertThat(retry.json().path("id").asString()).isEqualTo(id);
            assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
            assertThat(reused.status()).isEqualTo(422);
            assertThat(reused.json().path("type").asString()).endsWith("/problems/idempotency-key-reused");
            assertThat(post(partner(), null, body).json().path("id").asString()).isNotEqualTo(id);

            ConsumerRecord<String, String> received = topic.await(r -> id.equals(r.key()), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no ReferralReceived"));
            assertThat(EventContracts.violations("org.hearth.patient.ReferralReceived.v1", received.value()))
                    .isEmpty();
            assertThat(received.value()).doesNotContain("Jane").doesNotContain("diuretic");
            assertThat(topic.await(r -> id.equals(r.key()), Duration.ofSeconds(2)))
                    .as("a second ReferralReceived")
                    .isEmpty();
        }
    }

    @Test
    void anAcceptedReferralFromHospitalIsAdmittedWithItsDiagnosesAndTransitionTasksAndARetryChangesNothing() {
        String id = post(coordinator(), null, referral("1234567893", "I50.9", "2026-11-20"))
                .json()
                .path("id")
                .asString();

        assertThat(api.post(REFERRALS + "/" + id + "/admission", coordinator(), "")
                        .status())
                .isEqualTo(409);
        assertThat(api.post(REFERRALS + "/" + id + "/acceptance", coordinator(), "")
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("ACCEPTED");
        ApiClient.Response admitted = api.post(REFERRALS + "/" + id + "/admission", coordinator(), "");
        ApiClient.Response retried = api.post(REFERRALS + "/" + id + "/admission", coordinator(), "");

        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
        String patientId = admitted.json().path("patientId").asString();
        assertThat(retried.json().path("patientId").asString()).isEqualTo(patientId);
        JsonNode patient =
                api.get("/api/patients/v1/patients/" + patientId, coordinator()).json();
        assertThat(patient.path("familyName").asString()).isEqualTo("Doe");
        assertThat(patient.path("clinical")
                        .path("diagnoses")
                        .get(0)
                        .path("code")
                        .asString())
                .isEqualTo("I50.9");
        assertThat(api.get("/api/patients/v1/patients?size=200", coordinator())
                        .json()
                        .path("totalItems")
                        .asLong())
                .isEqualTo(1);
        JsonNode transition = api.get("/api/patients/v1/patients/" + patientId + "/transition-of-care", coordinator())
                .json();
        assertThat(transition.path("tasks").get(0).path("dueOn").asString())
                .isEqualTo("2026-11-24"); // Fri + 2 business days
        assertThat(transition.path("tasks").get(1).path("dueOn").asString()).isEqualTo("2026-11-27"); // high: 7 days
        ApiClient.Response done = api.post(
                "/api/patients/v1/patients/" + patientId + "/transition-of-care/tasks/INTERACTIVE_CONTACT/completion",
                coordinator(),
                "");
        assertThat(done.json().path("tasks").get(0).path("status").asString()).isEqualTo("DONE");
    }

    @Test
    void aDeclinedReferralKeepsItsReasonAndCannotBeAdmitted() {
        String id = post(coordinator(), null, referral("1234567893", "I50.9", "2026-11-20"))
                .json()
                .path("id")
                .asString();

        assertThat(api.post(REFERRALS + "/" + id + "/decline", coordinator(), "{}")
                        .status())
                .isEqualTo(400);
        ApiClient.Response declined =
                api.post(REFERRALS + "/" + id + "/decline", coordinator(), "{\"reason\":\"Outside our service area\"}");

        assertThat(declined.json().path("status").asString()).isEqualTo("DECLINED");
        assertThat(declined.json().path("declineReason").asString()).isEqualTo("Outside our service area");
        assertThat(api.post(REFERRALS + "/" + id + "/acceptance", coordinator(), "")
                        .status())
                .isEqualTo(409);
        assertThat(api.post(REFERRALS + "/" + id + "/admission", coordinator(), "")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void badReferralsAnswerProblemDetailsAndStoreNothing() {
        ApiClient.Response badNpi = post(partner(), null, referral("1234567890", "I50.9", "2026-11-20"));
        ApiClient.Response badIcd = post(partner(), null, referral("1234567893", "150.9", "2026-11-20"));
        ApiClient.Response noDischargeDate = post(partner(), null, referral("1234567893", "I50.9", null));
        ApiClient.Response futureDischarge = post(partner(), null, referral("1234567893", "I50.9", "2099-01-01"));
        ApiClient.Response badKey = post(partner(), "short", referral("1234567893", "I50.9", "2026-11-20"));

        assertThat(badNpi.status()).isEqualTo(400);
        assertThat(badNpi.json().path("errors").get(0).path("field").asString()).isEqualTo("referringPhysician.npi");
        assertThat(badIcd.status()).isEqualTo(400);
        assertThat(badIcd.json().path("errors").toString()).contains("is not an ICD-10-CM code");
        assertThat(noDischargeDate.json().path("errors").get(0).path("field").asString())
                .isEqualTo("dischargeDate");
        assertThat(futureDischarge.status()).isEqualTo(400);
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(api.get(REFERRALS, coordinator()).json().path("totalItems").asLong())
                .isZero();
    }

    @Test
    void anotherAgencyCannotSeeOrDecideOnTheReferral() {
        String id = post(coordinator(), null, referral("1234567893", "I50.9", "2026-11-20"))
                .json()
                .path("id")
                .asString();
        String stranger = issuer.token()
                .agency("b", UUID.randomUUID().toString())
                .roles("coordinator")
                .audience("patient-service")
                .sign();

        assertThat(api.get(REFERRALS + "/" + id, stranger).status()).isEqualTo(404);
        assertThat(api.post(REFERRALS + "/" + id + "/acceptance", stranger, "").status())
                .isEqualTo(404);
        assertThat(api.get(REFERRALS + "/" + id, coordinator())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("RECEIVED");
    }
}
