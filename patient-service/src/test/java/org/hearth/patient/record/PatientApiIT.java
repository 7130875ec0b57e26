package org.hearth.patient.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.OpenApiContract;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.story.Agencies;
import org.hearth.platform.test.story.Patients;
import org.hearth.platform.test.story.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@HearthServiceTest
class PatientApiIT {

    static final String PATH = "/api/patients/v1/patients";
    static final String SUNRISE = Agencies.sunrise().id();
    static final String RIVERBEND = Agencies.riverbend().id();

    @LocalServerPort
    int port;

    ApiClient api;
    final TestTokenIssuer issuer = TestTokenIssuer.shared();

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
    }

    String coordinator(String agencyId) {
        return Tokens.coordinator(agencyId, "patient-service");
    }

    static String jane() {
        return Patients.janeInFull();
    }

    @Test
    void admitsPatientAndPublishesSchemaValidPatientAdmittedThroughTheOutbox() {
        ApiClient.Response created = api.post(PATH, coordinator(SUNRISE), jane());

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).contains(PATH + "/" + id);
        assertThat(created.json().get("status").asString()).isEqualTo("ACTIVE");

        ApiClient.Response read = api.get(PATH + "/" + id, coordinator(SUNRISE));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("familyName").asString()).isEqualTo("Doe");

        try (TopicReader topic = new TopicReader("hearth.patient.events")) {
            ConsumerRecord<String, String> event = topic.await(r -> id.equals(r.key()), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no PatientAdmitted event for " + id));
            assertThat(TopicReader.header(event, "ce_type")).isEqualTo(PatientAdmitted.TYPE);
            assertThat(TopicReader.header(event, "ce_subject")).isEqualTo(id);
            assertThat(TopicReader.header(event, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicReader.header(event, "ce_tenantid")).isEqualTo(SUNRISE);
            assertThat(TopicReader.header(event, "ce_source")).isEqualTo("/hearth/patient-service");
            assertThat(TopicReader.header(event, "ce_id")).isNotBlank();
            assertThat(TopicReader.header(event, "ce_correlationid"))
                    .isEqualTo(created.header("X-Correlation-Id").orElseThrow());
            assertThat(EventContracts.violations(PatientAdmitted.TYPE, event.value()))
                    .isEmpty();
            assertThat(event.value())
                    .doesNotContain("Jane")
                    .doesNotContain("Elm")
                    .doesNotContain("1941");
        }
    }

    @Test
    void anotherAgencysPatientIsNotFound() {
        String id =
                api.post(PATH, coordinator(SUNRISE), jane()).json().get("id").asString();

        ApiClient.Response foreign = api.get(PATH + "/" + id, coordinator(RIVERBEND));

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(api.get(PATH, coordinator(RIVERBEND)).json().get("items").toString())
                .doesNotContain(id);
    }

    @Test
    void listsPatientsInPagesOfAtMost200() {
        String agency = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            assertThat(api.post(PATH, coordinator(agency), jane()).status()).isEqualTo(201);
        }

        JsonNode page = api.get(PATH + "?page=0&size=2", coordinator(agency)).json();
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("totalItems").asLong()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(api.get(PATH + "?size=201", coordinator(agency)).status()).isEqualTo(400);
    }

    @Test
    void badInputAnswersProblemDetailsAndStoresNothing() {
        String agency = UUID.randomUUID().toString();
        String token = coordinator(agency);

        ApiClient.Response malformed = api.post(PATH, token, "{\"givenName\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asString()).isEqualTo("/problems/malformed-json");

        ApiClient.Response unknown =
                api.post(PATH, token, jane().replace("\"givenName\"", "\"isAdmin\":true,\"givenName\""));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("type").asString()).isEqualTo("/problems/unknown-field");
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("isAdmin");

        ApiClient.Response invalid =
                api.post(PATH, token, jane().replace("\"Jane\"", "\"\"").replace("62701", "!"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("type").asString()).isEqualTo("/problems/validation-failed");
        assertThat(invalid.json().get("errors").toString())
                .contains("givenName")
                .contains("address.postalCode");

        for (ApiClient.Response problem : new ApiClient.Response[] {malformed, unknown, invalid}) {
            assertThat(problem.contentType()).startsWith("application/problem+json");
            assertThat(problem.json().get("correlationId").asString()).isNotBlank();
            assertThat(problem.body()).doesNotContain("Exception").doesNotContain("at org.");
        }
        assertThat(api.get(PATH, token).json().get("totalItems").asLong()).isZero();
    }

    @Test
    void refusesMissingExpiredForgedAndMisaddressedTokens() {
        String agency = UUID.randomUUID().toString();
        String[] refused = {
            null,
            "not-a-jwt",
            issuer.token()
                    .agency("a", agency)
                    .roles("coordinator")
                    .audience("patient-service")
                    .expiredSince(Duration.ofMinutes(2))
                    .sign(),
            issuer.token()
                    .agency("a", agency)
                    .roles("coordinator")
                    .audience("billing-service")
                    .sign(),
            issuer.token()
                    .agency("a", agency)
                    .roles("coordinator")
                    .audience("patient-service")
                    .signedByStranger()
                    .sign(),
            issuer.token()
                    .agency("a", agency)
                    .roles("coordinator")
                    .audience("patient-service")
                    .issuer("http://127.0.0.1:1/realms/other")
                    .sign()
        };
        for (String token : refused) {
            ApiClient.Response response = api.post(PATH, token, jane());
            assertThat(response.status()).as("token %s", token).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.header("WWW-Authenticate").orElse("")).startsWith("Bearer");
        }
        assertThat(api.get(PATH, coordinator(agency)).json().get("totalItems").asLong())
                .isZero();
    }

    @Test
    void onlyCoordinatorsAndAdminsAdmitAndAnAccountWithoutAgencyIsForbidden() {
        String agency = UUID.randomUUID().toString();
        String nurse = issuer.token()
                .agency("a", agency)
                .roles("nurse")
                .audience("patient-service")
                .sign();
        String noAgency =
                issuer.token().roles("coordinator").audience("patient-service").sign();

        assertThat(api.post(PATH, nurse, jane()).status()).isEqualTo(403);
        assertThat(api.post(PATH, noAgency, jane()).status()).isEqualTo(403);
        assertThat(api.get(PATH, nurse).status()).isEqualTo(200);
        assertThat(api.get(PATH, coordinator(agency)).json().get("totalItems").asLong())
                .isZero();
    }

    @Test
    void theAgencysPartnerSystemWithTheReferralsScopeAdmitsAndReadsBackButCannotBrowseTheList() {
        String agency = UUID.randomUUID().toString();
        String partner = issuer.token()
                .agency("a", agency)
                .roles("partner")
                .clientId("a-partner")
                .scopes("hearth.referrals")
                .audience("patient-service")
                .sign();
        String unscoped = issuer.token()
                .agency("a", agency)
                .roles("partner")
                .clientId("b-partner")
                .scopes("hearth.observations")
                .audience("patient-service")
                .sign();
        assertThat(api.post(PATH, unscoped, jane()).status()).isEqualTo(403);

        ApiClient.Response created = api.post(PATH, partner, jane());

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.get(PATH + "/" + id, partner).status()).isEqualTo(200);
        assertThat(api.get(PATH, partner).status()).isEqualTo(403);
        assertThat(api.get(PATH + "/" + id, coordinator(agency)).status()).isEqualTo(200);
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        String huge = jane().replace("\"Jane\"", "\"" + "J".repeat(1_100_000) + "\"");

        ApiClient.Response response = api.post(PATH, coordinator(SUNRISE), huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void servesItsOpenApiDocumentWithoutToken() {
        ApiClient.Response docs = api.get("/api/patients/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/patients/v1/patients");
        // relative server: "try it out" in the gateway's API browser goes through the gateway
        assertThat(docs.json().path("servers").get(0).path("url").asString()).isEqualTo("/");
        assertThat(docs.json()
                        .path("components")
                        .path("securitySchemes")
                        .path("keycloak")
                        .path("scheme")
                        .asString())
                .isEqualTo("bearer");
    }

    @Test
    void theOpenApiDocumentServedIsTheOneCheckedInForTheConsole() {
        OpenApiContract.check(api, "/api/patients/v3/api-docs", "patients");
    }
}
