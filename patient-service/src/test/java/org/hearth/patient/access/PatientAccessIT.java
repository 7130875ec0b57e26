package org.hearth.patient.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.platform.test.PublishedEvents.on;
import static org.hearth.platform.test.PublishedEvents.published;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.story.Agencies;
import org.hearth.platform.test.story.Patients;
import org.hearth.platform.test.story.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The relationship rules: care team for clinicians, care circle and consent scopes for family. */
@HearthServiceTest
class PatientAccessIT {

    static final String PATIENTS = "/api/patients/v1/patients";

    @LocalServerPort
    int port;

    ApiClient api;
    final TestTokenIssuer issuer = TestTokenIssuer.shared();
    final String agency = Agencies.sunrise().id();
    final String nina = "nina-" + UUID.randomUUID();
    final String ron = "ron-" + UUID.randomUUID();
    final String drPatel = "dr-patel-" + UUID.randomUUID();
    final String fran = "fran-" + UUID.randomUUID();
    final String frank = "frank-" + UUID.randomUUID();

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
    }

    String token(String subject, String role) {
        return issuer.token()
                .subject(subject)
                .agency("a", agency)
                .roles(role)
                .audience("patient-service")
                .sign();
    }

    String coordinator() {
        return Tokens.coordinator(agency, "patient-service");
    }

    ApiClient.Response put(String path, String ifMatch, String json) {
        return api.send(api.request(path, coordinator())
                .header("Content-Type", "application/json")
                .header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Jane, with Dr Patel and Nina on her team and Fran (vitals only) and Frank (care plan summary) in her circle. */
    String jane() {
        String id = api.post(PATIENTS, coordinator(), Patients.jane())
                .json()
                .path("id")
                .asString();
        assertThat(put(PATIENTS + "/" + id + "/care-team", "\"0\"", """
                {"members":[{"subject":"%s","role":"PHYSICIAN","displayName":"Dr Patel","lead":true},
                            {"subject":"%s","role":"NURSE","displayName":"Nina","lead":false}]}""".formatted(drPatel, nina))
                        .status())
                .isEqualTo(200);
        assertThat(put(PATIENTS + "/" + id + "/care-circle", "\"0\"", """
                {"members":[{"subject":"%s","displayName":"Fran Doe","relationship":"daughter","pointOfContact":true,
                             "scopes":["VITALS"]},
                            {"subject":"%s","displayName":"Frank Doe","relationship":"son","pointOfContact":false,
                             "scopes":["CARE_PLAN_SUMMARY","SCHEDULE"]}]}""".formatted(fran, frank))
                        .status())
                .isEqualTo(200);
        return id;
    }

    @Test
    void cliniciansSeeThePatientsOfTheirCareTeamsOnly() {
        String jane = jane();

        assertThat(api.get(PATIENTS + "/" + jane, token(nina, "nurse")).status())
                .isEqualTo(200);
        assertThat(api.get(PATIENTS + "/" + jane + "/care-plan", token(nina, "nurse"))
                        .status())
                .isEqualTo(200);
        ApiClient.Response stranger = api.get(PATIENTS + "/" + jane, token(ron, "nurse"));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.contentType()).startsWith("application/problem+json");
        assertThat(api.get(PATIENTS + "/" + jane + "/observations", token(ron, "nurse"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get(PATIENTS, token(nina, "nurse")).json().path("items").toString())
                .contains(jane);
        assertThat(api.get(PATIENTS, token(ron, "nurse"))
                        .json()
                        .path("totalItems")
                        .asLong())
                .isZero();
        assertThat(api.get(PATIENTS, coordinator()).json().path("items").toString())
                .contains(jane);
    }

    @Test
    void familyMembersSeeOnlyWhatTheirConsentScopesAllow() {
        String jane = jane();
        String franToken = token(fran, "family");
        String frankToken = token(frank, "family");

        ApiClient.Response profile = put(PATIENTS + "/" + jane + "/clinical-profile", "\"0\"", """
                {"homebound":{"homebound":true,"reason":"Leaves home only with a walker and help"},
                 "diagnoses":[{"code":"I50.9","description":"Heart failure, unspecified","primary":true}],
                 "allergies":[{"substance":"Penicillin","reaction":"Rash","severity":"MODERATE"}]}""");
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);

        ApiClient.Response record = api.get(PATIENTS + "/" + jane, franToken);
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.body()).contains("Doe").doesNotContain("I50.9").doesNotContain("Penicillin");
        assertThat(api.get(PATIENTS, franToken).body()).doesNotContain("Penicillin");
        assertThat(api.get(PATIENTS + "/" + jane, coordinator()).body()).contains("I50.9", "Penicillin");
        assertThat(api.get(PATIENTS + "/" + jane + "/observations", franToken).status())
                .isEqualTo(200);
        assertThat(api.get(PATIENTS + "/" + jane + "/care-plan/summary", franToken)
                        .status())
                .isEqualTo(403);
        assertThat(api.get(PATIENTS + "/" + jane + "/care-plan/summary", frankToken)
                        .status())
                .isEqualTo(404); // none signed yet
        assertThat(api.get(PATIENTS + "/" + jane + "/observations", frankToken).status())
                .isEqualTo(403);
        assertThat(api.get(PATIENTS + "/" + jane + "/care-plan", frankToken).status())
                .isEqualTo(403);
        assertThat(api.get(PATIENTS + "/" + jane + "/alerts", franToken).status())
                .isEqualTo(403);
        assertThat(api.get(PATIENTS + "/" + jane + "/care-team", franToken).status())
                .isEqualTo(403);
        assertThat(api.get(PATIENTS, franToken).json().path("items").toString()).contains(jane);
        assertThat(api.get(PATIENTS + "/" + jane(), token("someone-else", "family"))
                        .status())
                .isEqualTo(403);
        // the role is checked before the body: a family member learns nothing of a staff endpoint's field rules
        ApiClient.Response invalidDischarge = api.post(PATIENTS + "/" + jane + "/discharge", franToken, "{}");
        assertThat(invalidDischarge.status()).isEqualTo(403);
        assertThat(invalidDischarge.body()).doesNotContain("errors");
    }

    @Test
    void aFamilyMemberWithTheVitalsScopeRecordsReadingsAsFamily() {
        String jane = jane();

        ApiClient.Response recorded =
                api.post(PATIENTS + "/" + jane + "/observations", token(fran, "family"), """
                {"observations":[{"id":"%s","vital":"WEIGHT","value":81.2,"unit":"kg","observedAt":"%s"}]}""".formatted(
                                UUID.randomUUID(), Instant.now().minusSeconds(60)));

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(api.get(PATIENTS + "/" + jane + "/observations", coordinator())
                        .json()
                        .path("items")
                        .get(0)
                        .path("source")
                        .asString())
                .isEqualTo("FAMILY");
        assertThat(api.post(PATIENTS + "/" + jane + "/observations", token(frank, "family"), """
                {"observations":[{"id":"%s","vital":"WEIGHT","value":81.2,"unit":"kg","observedAt":"%s"}]}""".formatted(
                                        UUID.randomUUID(), Instant.now().minusSeconds(60)))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theCircleRecordsWhoGrantedConsentAndPublishesSubjectsAndScopesOnly() {
        try (TopicReader topic = new TopicReader("hearth.patient.events")) {
            String jane = jane();

            ApiClient.Response circle = api.get(PATIENTS + "/" + jane + "/care-circle", coordinator());
            assertThat(circle.json()
                            .path("members")
                            .get(0)
                            .path("consentGrantedBy")
                            .asString())
                    .isEqualTo("carla");
            assertThat(circle.header("ETag")).hasValue("\"1\"");
            ConsumerRecord<String, String> event = published(on(topic))
                    .ofType("org.hearth.patient.CareCircleChanged.v1")
                    .about(jane)
                    .await();
            assertThat(EventContracts.violations("org.hearth.patient.CareCircleChanged.v1", event.value()))
                    .isEmpty();
            assertThat(event.value()).doesNotContain("Fran").doesNotContain("daughter");
        }
    }

    @Test
    void aCircleWithTwoPointsOfContactIsRefused() {
        String jane = jane();

        ApiClient.Response refused = put(PATIENTS + "/" + jane + "/care-circle", "\"1\"", """
                {"members":[{"displayName":"A","relationship":"son","pointOfContact":true,"scopes":[]},
                            {"displayName":"B","relationship":"niece","pointOfContact":true,"scopes":[]}]}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("message").asString())
                .contains("only one point of contact");
    }
}
