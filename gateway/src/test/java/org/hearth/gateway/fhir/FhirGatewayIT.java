package org.hearth.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.TestTokenIssuer;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's FHIR edge in front of real HTTP servers standing in for the services' FHIR APIs: routing by resource
 * type, the merged CapabilityStatement, the SMART configuration, OperationOutcome refusals and a whole Bulk Data
 * export (kick-off, polling, manifest, NDJSON file, cancel).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FhirGatewayIT {

    private static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
    private static final String JANE =
            "{\"resourceType\":\"Patient\",\"id\":\"p-jane\",\"meta\":{\"lastUpdated\":\"2026-12-02T10:00:00Z\"},"
                    + "\"name\":[{\"family\":\"Doe\",\"given\":[\"Jane\"]}]}";
    private static final String TOM =
            "{\"resourceType\":\"Patient\",\"id\":\"p-tom\",\"meta\":{\"lastUpdated\":\"2026-11-01T10:00:00Z\"},"
                    + "\"name\":[{\"family\":\"Doe\",\"given\":[\"Tom\"]}]}";
    private static final FhirStubService PATIENTS = new FhirStubService(path -> {
        if (path.endsWith("/metadata")) {
            // Appointment is not patient-service's type: the gateway must not take it from here
            return FhirStubService.statement("Patient", "CarePlan", "Appointment");
        }
        if (path.startsWith("/fhir/R4/Patient?") && path.contains("page=2")) {
            return FhirStubService.bundle(null, TOM);
        }
        if (path.startsWith("/fhir/R4/Patient?")) {
            // a next link on the public base, as services write them: the export asks the service directly
            return FhirStubService.bundle("http://public.example/fhir/R4/Patient?_count=1&page=2", JANE);
        }
        if (path.startsWith("/fhir/R4/CarePlan?")) {
            return FhirStubService.bundle(null);
        }
        return null;
    });
    private static final FhirStubService SCHEDULING = new FhirStubService(path -> {
        if (path.endsWith("/metadata")) {
            return FhirStubService.statement("Appointment", "Practitioner", "PractitionerRole");
        }
        if (path.startsWith("/fhir/R4/Appointment?") && path.contains("patient=p-jane")) {
            return FhirStubService.bundle(
                    null,
                    "{\"resourceType\":\"Appointment\",\"id\":\"v-1\",\"status\":\"booked\","
                            + "\"participant\":[{\"actor\":{\"reference\":\"Patient/p-jane\"},\"status\":\"accepted\"}]}");
        }
        if (path.startsWith("/fhir/R4/Appointment")) {
            return FhirStubService.bundle(null);
        }
        return null;
    });
    private static final int NOBODY_LISTENS = freePort();
    private static final Path EXPORTS = temporaryDirectory();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("hearth.security.issuer-uri", ISSUER::issuerUri);
        registry.add("hearth.security.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("hearth.gateway.services.patient", () -> PATIENTS.uri().toString());
        registry.add(
                "hearth.gateway.services.scheduling", () -> SCHEDULING.uri().toString());
        registry.add("hearth.gateway.services.messaging", () -> "http://127.0.0.1:" + NOBODY_LISTENS);
        registry.add("hearth.gateway.services.billing", () -> "http://127.0.0.1:" + NOBODY_LISTENS);
        registry.add("hearth.gateway.fhir.export-directory", EXPORTS::toString);
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + NOBODY_LISTENS);
        registry.add("hearth.gateway.rate-limit.clients.polling-partner.per-second", () -> "0.2");
        registry.add("hearth.gateway.rate-limit.clients.polling-partner.burst", () -> "2");
    }

    @LocalServerPort
    int port;

    ApiClient api;
    final FhirContext fhir = FhirContext.forR4Cached();

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
        PATIENTS.received().clear();
        SCHEDULING.received().clear();
    }

    @AfterAll
    static void stopStubs() {
        PATIENTS.close();
        SCHEDULING.close();
    }

    private static String partner(String client, String... scopes) {
        return ISSUER.token()
                .agency("sunrise", "org-sunrise")
                .roles("partner")
                .clientId(client)
                .subject("sa-" + client)
                .scopes(scopes)
                .audience("hearth-gateway")
                .sign();
    }

    @Test
    void aResourceTypeGoesToTheServiceThatOwnsItWithTheCallersToken() {
        String token = partner("fhir-partner", "system/Appointment.read");

        ApiClient.Response response = api.get("/fhir/R4/Appointment?patient=p-jane&_count=5", token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(SCHEDULING.searches()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/fhir/R4/Appointment?patient=p-jane&_count=5");
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + token);
        });
        assertThat(PATIENTS.searches()).isEmpty();
    }

    @Test
    void anUnknownTypeIsA404OperationOutcomeAndNoServiceSeesIt() {
        ApiClient.Response response = api.get("/fhir/R4/Medication/m-1", partner("fhir-partner"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/fhir+json");
        OperationOutcome outcome = fhir.newJsonParser().parseResource(OperationOutcome.class, response.body());
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        assertThat(outcome.getIssueFirstRep().getDiagnostics())
                .contains("Medication")
                .contains("correlation id");
        assertThat(PATIENTS.searches()).isEmpty();
        assertThat(SCHEDULING.searches()).isEmpty();
    }

    @Test
    void withoutATokenFhirPathsAnswer401AsOperationOutcome() {
        for (String path : List.of("/fhir/R4/Patient/p-jane", "/fhir/R4/Medication", "/fhir/R4/$export")) {
            ApiClient.Response response = api.get(path, null);

            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/fhir+json");
            assertThat(fhir.newJsonParser()
                            .parseResource(OperationOutcome.class, response.body())
                            .getIssueFirstRep()
                            .getCode())
                    .isEqualTo(OperationOutcome.IssueType.LOGIN);
        }
        assertThat(PATIENTS.searches()).isEmpty();
    }

    @Test
    void theCapabilityStatementMergesWhatEachServiceDeclaresAndNamesTheTokenEndpoint() {
        ApiClient.Response response = api.get("/fhir/R4/metadata", null);

        assertThat(response.status()).isEqualTo(200);
        CapabilityStatement statement = fhir.newJsonParser().parseResource(CapabilityStatement.class, response.body());
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        assertThat(rest.getResource())
                .extracting(CapabilityStatement.CapabilityStatementRestResourceComponent::getType)
                .containsExactly("Patient", "CarePlan", "Appointment", "Practitioner", "PractitionerRole");
        assertThat(rest.getResource().getFirst().getOperation())
                .extracting(o -> o.getName())
                .contains("export");
        assertThat(rest.getOperation()).extracting(o -> o.getDefinition()).contains(CapabilityStatements.EXPORT);
        assertThat(rest.getSecurity().getServiceFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("SMART-on-FHIR");
        assertThat(rest.getSecurity().getExtensionFirstRep().getExtensionString("token"))
                .isEqualTo(ISSUER.issuerUri() + "/protocol/openid-connect/token");
    }

    @Test
    void theSmartConfigurationSendsPartnersToTheTokenEndpointWithSignedJwts() {
        for (String path : List.of("/.well-known/smart-configuration", "/fhir/R4/.well-known/smart-configuration")) {
            JsonNode smart = api.get(path, null).json();

            assertThat(smart.path("token_endpoint").asString())
                    .isEqualTo(ISSUER.issuerUri() + "/protocol/openid-connect/token");
            assertThat(smart.path("token_endpoint_auth_methods_supported").toString())
                    .isEqualTo("[\"private_key_jwt\"]");
            assertThat(smart.path("scopes_supported").toString())
                    .contains("system/Observation.write", "system/Claim.read");
        }
    }

    @Test
    void aBulkExportRunsToAManifestOfNdjsonFilesThatOnlyItsClientCanRead() throws Exception {
        String token = partner("fhir-partner", "system/Patient.read", "system/Appointment.read");

        ApiClient.Response refused = api.get("/fhir/R4/$export", token);
        assertThat(refused.status()).isEqualTo(400); // without Prefer: respond-async

        ApiClient.Response kickOff = api.send(api.request("/fhir/R4/$export", token)
                .header("Prefer", "respond-async")
                .header("Accept", "application/fhir+json")
                .GET());
        assertThat(kickOff.status()).isEqualTo(202);
        String status = kickOff.header("Content-Location").orElseThrow();
        assertThat(status).startsWith("http://127.0.0.1:" + port + "/fhir/R4/$export-status/");
        String statusPath = status.substring(status.indexOf("/fhir/"));

        ApiClient.Response done = awaitManifest(statusPath, token);
        JsonNode manifest = done.json();
        assertThat(manifest.path("requiresAccessToken").asBoolean()).isTrue();
        assertThat(manifest.path("output").toString()).contains("\"type\":\"Patient\"", "\"type\":\"Appointment\"");
        assertThat(manifest.path("output").toString()).doesNotContain("CarePlan"); // not in the partner's scopes
        // the second page of patients was read from the service, not from the public host of the next link
        assertThat(PATIENTS.searches())
                .extracting(FhirStubService.Received::path)
                .contains("/fhir/R4/Patient?_count=1&page=2");
        assertThat(SCHEDULING.searches())
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + token));

        String patients = fileUrl(manifest, "Patient");
        ApiClient.Response file = api.get(patients.substring(patients.indexOf("/fhir/")), token);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("application/fhir+ndjson");
        List<String> lines = file.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(fhir.newJsonParser()
                        .parseResource(Patient.class, lines.getFirst())
                        .getNameFirstRep()
                        .getFamily())
                .isEqualTo("Doe");

        String stranger = partner("other-partner", "system/Patient.read");
        assertThat(api.get(statusPath, stranger).status()).isEqualTo(404);
        assertThat(api.get(patients.substring(patients.indexOf("/fhir/")), stranger)
                        .status())
                .isEqualTo(404);

        assertThat(api.send(api.request(statusPath, token).DELETE()).status()).isEqualTo(202);
        assertThat(api.get(statusPath, token).status()).isEqualTo(404);
        assertThat(Files.exists(EXPORTS.resolve(statusPath.substring(statusPath.lastIndexOf('/') + 1))))
                .isFalse();
    }

    @Test
    void sinceKeepsOnlyWhatChangedAndTypeLimitsTheFiles() throws Exception {
        String token = ISSUER.token()
                .agency("sunrise", "org-sunrise")
                .roles("coordinator")
                .audience("hearth-gateway")
                .sign();

        ApiClient.Response kickOff =
                api.send(api.request("/fhir/R4/Patient/$export?_type=Patient&_since=2026-12-01T00:00:00Z", token)
                        .header("Prefer", "respond-async")
                        .GET());
        assertThat(kickOff.status()).isEqualTo(202);
        String status = kickOff.header("Content-Location").orElseThrow();
        JsonNode manifest =
                awaitManifest(status.substring(status.indexOf("/fhir/")), token).json();

        assertThat(manifest.path("output")).hasSize(1);
        assertThat(manifest.path("output").get(0).path("count").asInt()).isEqualTo(1); // Jane changed since, Tom not
        assertThat(SCHEDULING.searches()).isEmpty();
    }

    @Test
    void aKickOffNamingAnUnservedTypeOrAsANurseIsRefused() {
        String coordinator = ISSUER.token()
                .agency("sunrise", "org-sunrise")
                .roles("coordinator")
                .audience("hearth-gateway")
                .sign();
        ApiClient.Response unknown = api.send(api.request("/fhir/R4/Patient/$export?_type=Practitioner", coordinator)
                .header("Prefer", "respond-async")
                .GET());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("Practitioner");

        String nurse = ISSUER.token()
                .agency("sunrise", "org-sunrise")
                .roles("nurse")
                .audience("hearth-gateway")
                .sign();
        assertThat(api.send(api.request("/fhir/R4/$export", nurse)
                                .header("Prefer", "respond-async")
                                .GET())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void pollingAnExportIsRateLimitedLikeAnyRouteWith429OperationOutcome() {
        String token = partner("polling-partner", "system/Patient.read");
        String status = "/fhir/R4/$export-status/" + java.util.UUID.randomUUID();
        List<Integer> answers = new java.util.ArrayList<>();
        ApiClient.Response last = null;
        for (int i = 0; i < 4; i++) {
            last = api.sendOnce(api.request(status, token).GET().build());
            answers.add(last.status());
        }
        assertThat(answers).startsWith(404, 404).endsWith(429);
        assertThat(last.header("Retry-After")).isPresent();
        assertThat(fhir.newJsonParser()
                        .parseResource(OperationOutcome.class, last.body())
                        .getIssueFirstRep()
                        .getCode())
                .isEqualTo(OperationOutcome.IssueType.THROTTLED);
    }

    @Test
    void theMergedCapabilityStatementIsValidR4() {
        org.hearth.platform.test.FhirValidation.assertValid(fhir.newJsonParser()
                .parseResource(
                        CapabilityStatement.class,
                        api.get("/fhir/R4/metadata", null).body()));
    }

    private ApiClient.Response awaitManifest(String statusPath, String token) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            ApiClient.Response poll = api.get(statusPath, token);
            if (poll.status() == 200) {
                return poll;
            }
            assertThat(poll.status()).isEqualTo(202);
            assertThat(poll.header("X-Progress")).isPresent();
            Thread.sleep(200);
        }
        throw new AssertionError("the export did not complete in time");
    }

    private static String fileUrl(JsonNode manifest, String type) {
        for (JsonNode output : manifest.path("output")) {
            if (type.equals(output.path("type").asString())) {
                return output.path("url").asString();
            }
        }
        throw new AssertionError("no " + type + " file in " + manifest);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("fhir-export");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
