package org.hearth.patient.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.story.Patients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sharing under consent through the HTTP API: Sunrise shares parts of Jane's record with Riverbend for a period;
 * Riverbend's staff read exactly those parts, audited in both agencies; every other part, every other agency and a
 * revoked or ended grant answer 404.
 */
@HearthServiceTest
class SharingIT {

    static final String PATIENTS = "/api/patients/v1/patients";
    static final String SHARED = "/api/patients/v1/shared-records";

    @LocalServerPort
    int port;

    ApiClient api;
    final TestTokenIssuer issuer = TestTokenIssuer.shared();
    final String sunrise = UUID.randomUUID().toString();
    final String riverbend = UUID.randomUUID().toString();
    final String riverbendAlias = "riverbend-" + UUID.randomUUID().toString().substring(0, 8);
    final String fran = "fran-" + UUID.randomUUID();
    final String tom = "tom-" + UUID.randomUUID();
    final LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
    }

    String sunrise(String subject, String role) {
        return issuer.token()
                .subject(subject)
                .agency("sunrise", sunrise)
                .roles(role)
                .audience("patient-service")
                .sign();
    }

    String riverbend(String subject, String role) {
        return issuer.token()
                .subject(subject)
                .agency(riverbendAlias, riverbend)
                .roles(role)
                .audience("patient-service")
                .sign();
    }

    ApiClient.Response put(String path, String token, String json) {
        return api.send(api.request(path, token)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"0\"")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Jane with a signed plan (a medication in it), a weight reading, and Fran as point of contact, Tom not. */
    String jane() {
        String carla = sunrise("carla", "coordinator");
        String id = api.post(PATIENTS, carla, Patients.jane()).json().path("id").asString();
        assertThat(put(PATIENTS + "/" + id + "/care-team", carla, """
                {"members":[{"subject":"dr-patel","role":"PHYSICIAN","displayName":"Dr Patel","lead":true}]}""").status()).isEqualTo(200);
        assertThat(put(PATIENTS + "/" + id + "/care-circle", carla, """
                {"members":[{"subject":"%s","displayName":"Fran Doe","relationship":"daughter","pointOfContact":true,
                             "scopes":["CARE_PLAN_SUMMARY","ACCESS_LOG"]},
                            {"subject":"%s","displayName":"Tom Doe","relationship":"son","pointOfContact":false,
                             "scopes":["CARE_PLAN_SUMMARY"]}]}""".formatted(fran, tom))
                        .status())
                .isEqualTo(200);
        org.hearth.patient.assessment.Assessments.completeFor(api, id, carla);
        ApiClient.Response draft =
                put(PATIENTS + "/" + id + "/care-plan/draft", carla, """
                {"problems":[{"description":"Heart failure","goals":[{"description":"Stable weight","measure":"gain under 1 kg a day","targetDate":"%s"}]}],
                 "interventions":["Daily weights"],"medications":[{"name":"Furosemide","dose":"40 mg","route":"ORAL","times":["08:00"],"start":"%s"}],
                 "diet":["Low salt"],"equipment":[],"communityServices":[],"frequency":"SN 2W4"}""".formatted(today.plusDays(30), today));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        ApiClient.Response submitted = api.send(api.request(PATIENTS + "/" + id + "/care-plan/draft/submission", carla)
                .header("If-Match", draft.header("ETag").orElseThrow())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        ApiClient.Response signed = api.send(
                api.request(PATIENTS + "/" + id + "/care-plan/draft/signature", sunrise("dr-patel", "physician"))
                        .header("If-Match", submitted.header("ETag").orElseThrow())
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        return id;
    }

    ApiClient.Response share(String patient, String token, String parts, LocalDate until, String document) {
        return api.post(PATIENTS + "/" + patient + "/sharing-grants", token, """
                {"agency":"%s","parts":[%s],"until":"%s"%s}""".formatted(
                riverbendAlias, parts, until, document == null ? "" : ",\"consentDocument\":\"" + document + "\""));
    }

    @Test
    void theOtherAgencyReadsExactlyTheSharedPartsAuditedInBothAgenciesUntilRevoked() {
        String jane = jane();
        String rita = riverbend("rita", "coordinator");
        try (TopicReader audit = new TopicReader("hearth.audit");
                TopicReader events = new TopicReader("hearth.patient.events")) {
            ApiClient.Response granted = share(
                    jane, sunrise("carla", "coordinator"), "\"PLAN_SUMMARY\"", today.plusDays(30), "CONSENT-2026-114");
            assertThat(granted.status()).as(granted.body()).isEqualTo(201);
            String grant = granted.json().path("id").asString();
            // the services that serve a shared part from their own data (scheduling's visits) are told, with no names
            ConsumerRecord<String, String> published = events.await(
                            r -> jane.equals(r.key()) && SharingGranted.TYPE.equals(TopicReader.header(r, "ce_type")),
                            Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no SharingGranted"));
            assertThat(EventContracts.violations(SharingGranted.TYPE, published.value()))
                    .isEmpty();
            assertThat(TopicReader.header(published, "ce_tenantid")).isEqualTo(sunrise);
            assertThat(published.value())
                    .contains(
                            grant,
                            riverbendAlias,
                            sunrise,
                            "PLAN_SUMMARY",
                            today.plusDays(30).toString())
                    .doesNotContain("CONSENT-2026-114", "Doe", "carla");

            assertThat(api.get(SHARED, rita).body()).contains(grant, "Doe", "PLAN_SUMMARY");
            ApiClient.Response plan = api.send(api.request(SHARED + "/" + grant + "/plan-summary", rita)
                    .header("X-Correlation-Id", "shared-read-" + grant)
                    .GET());
            assertThat(plan.status()).as(plan.body()).isEqualTo(200);
            assertThat(plan.body()).contains("Heart failure", "SN 2W4").doesNotContain("Furosemide");
            assertThat(api.get(SHARED + "/" + grant + "/medications", rita).status())
                    .isEqualTo(404);
            assertThat(api.get(SHARED + "/" + grant + "/vitals", rita).status()).isEqualTo(404);
            // the record itself stays Sunrise's: the tenant filter is not loosened by a share
            assertThat(api.get(PATIENTS + "/" + jane, rita).status()).isEqualTo(404);
            assertThat(api.get(PATIENTS + "/" + jane + "/care-plan/summary", rita)
                            .status())
                    .isEqualTo(404);
            // a third agency, and Sunrise's own staff through Riverbend's door, see nothing
            String third = issuer.token()
                    .subject("x")
                    .agency("elsewhere", UUID.randomUUID().toString())
                    .roles("coordinator")
                    .audience("patient-service")
                    .sign();
            assertThat(api.get(SHARED + "/" + grant + "/plan-summary", third).status())
                    .isEqualTo(404);
            assertThat(api.get(SHARED, third).body()).doesNotContain(grant);

            for (String agency : new String[] {sunrise, riverbend}) {
                ConsumerRecord<String, String> record = audit.await(
                                r -> jane.equals(r.key())
                                        && r.value().contains("shared-read-" + grant)
                                        && agency.equals(TopicReader.header(r, "ce_tenantid")),
                                Duration.ofSeconds(20))
                        .orElseThrow(() -> new AssertionError("shared read not audited in " + agency));
                assertThat(record.value())
                        .contains(
                                "\"purposeOfUse\":\"sharedRecord\"",
                                "\"patientAgency\":\"" + sunrise,
                                "\"actorAgency\":\"" + riverbend,
                                "\"actor\":\"rita\"");
                assertThat(EventContracts.violations("org.hearth.audit.PatientDataAccessed.v1", record.value()))
                        .isEmpty();
            }

            assertThat(api.post(
                                    PATIENTS + "/" + jane + "/sharing-grants/" + grant + "/revoke",
                                    sunrise("carla", "coordinator"),
                                    "")
                            .status())
                    .isEqualTo(200);
            assertThat(api.get(SHARED + "/" + grant + "/plan-summary", rita).status())
                    .isEqualTo(404);
            assertThat(api.get(SHARED + "/" + grant, rita).status()).isEqualTo(404);
            assertThat(api.get(SHARED, rita).body()).doesNotContain(grant);
            ConsumerRecord<String, String> revoked = events.await(
                            r -> jane.equals(r.key()) && SharingRevoked.TYPE.equals(TopicReader.header(r, "ce_type")),
                            Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no SharingRevoked"));
            assertThat(EventContracts.violations(SharingRevoked.TYPE, revoked.value()))
                    .isEmpty();
            assertThat(revoked.value()).contains(grant, jane);
            assertThat(api.post(
                                    PATIENTS + "/" + jane + "/sharing-grants/" + grant + "/revoke",
                                    sunrise("carla", "coordinator"),
                                    "")
                            .status())
                    .as("a second revocation")
                    .isEqualTo(200);
            assertThat(events.await(
                            r -> jane.equals(r.key()) && SharingRevoked.TYPE.equals(TopicReader.header(r, "ce_type")),
                            Duration.ofSeconds(2)))
                    .as("published once")
                    .isEmpty();
        }
    }

    @Test
    void thePointOfContactConsentsForAPeriodAndACoordinatorNeedsAConsentDocument() {
        String jane = jane();
        String rita = riverbend("rita", "coordinator");

        assertThat(share(jane, sunrise("carla", "coordinator"), "\"VITALS\"", today.plusDays(5), null)
                        .status())
                .as("a coordinator records a consent document")
                .isEqualTo(400);
        assertThat(share(jane, sunrise(tom, "family"), "\"VITALS\"", today.plusDays(5), null)
                        .status())
                .as("not the point of contact")
                .isEqualTo(403);
        assertThat(share(jane, sunrise(fran, "family"), "\"VITALS\"", today.minusDays(1), null)
                        .status())
                .isEqualTo(400);

        ApiClient.Response granted = share(jane, sunrise(fran, "family"), "\"MEDICATIONS\",\"VITALS\"", today, null);
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(granted.json().path("basis").asString()).isEqualTo("POINT_OF_CONTACT");
        String grant = granted.json().path("id").asString();
        assertThat(api.get(SHARED + "/" + grant + "/medications", rita).body()).contains("Furosemide");
        assertThat(api.get(SHARED + "/" + grant + "/vitals", rita).status()).isEqualTo(200);
        assertThat(api.get(SHARED + "/" + grant + "/plan-summary", rita).status())
                .isEqualTo(404);
        assertThat(api.get(PATIENTS + "/" + jane + "/sharing-grants", sunrise(fran, "family"))
                        .body())
                .contains(grant);

        ApiClient.Response later =
                api.post(PATIENTS + "/" + jane + "/sharing-grants", sunrise(fran, "family"), """
                {"agency":"%s","parts":["VITALS"],"from":"%s","until":"%s"}""".formatted(
                                riverbendAlias, today.plusDays(2), today.plusDays(9)));
        assertThat(later.status()).as(later.body()).isEqualTo(201);
        assertThat(api.get(SHARED + "/" + later.json().path("id").asString() + "/vitals", rita)
                        .status())
                .as("not yet in its period")
                .isEqualTo(404);

        assertThat(api.post(PATIENTS + "/" + jane + "/sharing-grants/" + grant + "/revoke", sunrise(fran, "family"), "")
                        .status())
                .isEqualTo(200);
        assertThat(api.get(SHARED + "/" + grant + "/medications", rita).status())
                .isEqualTo(404);

        // visits are a part too (scheduling-service serves them); this service lists the part and serves none of it
        ApiClient.Response visits = share(jane, sunrise(fran, "family"), "\"VISITS\"", today.plusDays(7), null);
        assertThat(visits.status()).as(visits.body()).isEqualTo(201);
        String visitsGrant = visits.json().path("id").asString();
        assertThat(api.get(SHARED + "/" + visitsGrant, rita)
                        .json()
                        .path("parts")
                        .toString())
                .isEqualTo("[\"VISITS\"]");
        assertThat(api.get(SHARED + "/" + visitsGrant + "/plan-summary", rita).status())
                .isEqualTo(404);
    }
}
