package org.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.FhirValidation;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 23 end to end, as a partner system would do it: Springfield General's SMART backend client
 * ({@code sunrise-fhir-partner}) finds the token endpoint in the SMART configuration, authenticates with a JWT it signs
 * with its own key (the demo key of {@code infra/demo/}, JDK crypto only), posts a blood pressure reading of Jane Doe
 * that raises an alert, reads the CarePlan and the Appointments of Jane (whom the hospital referred), gets 404 for
 * Riverbend's Harold Brooks, 403 without the write scope, and runs a Bulk Data export to the end. Everything it reads
 * is parsed and validated with HAPI.
 */
@ExtendWith(SharedStack.class)
class FhirPartnerIT {

    static final ApiClient GATEWAY = ApiClient.onPort(LocalStack.GATEWAY_PORT);
    static final Keycloak KEYCLOAK = new Keycloak(LocalStack.KEYCLOAK_PORT);
    static final Path DEMO_KEY = Path.of("../infra/demo/sunrise-fhir-partner.DEMO-ONLY.private-key.pem");
    static final String CLIENT = "sunrise-fhir-partner";
    static final String KEY_ID = "sunrise-fhir-partner-demo-2026";
    static final List<String> SCOPES = List.of(
            "system/Patient.read",
            "system/CarePlan.read",
            "system/Appointment.read",
            "system/Observation.read",
            "system/Observation.write",
            "system/Flag.read");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final FhirContext fhir = FhirContext.forR4Cached();

    @Test
    void aPartnerSignsInWithItsKeyReportsAReadingFollowsItsPatientAndExportsItsData() throws Exception {
        JsonNode smart = GATEWAY.get("/.well-known/smart-configuration", null).json();
        assertThat(smart.path("token_endpoint_auth_methods_supported").toString())
                .contains("private_key_jwt");
        String tokenEndpoint = smart.path("token_endpoint").asString();
        CapabilityStatement statement = FhirValidation.parse(
                CapabilityStatement.class,
                GATEWAY.get("/fhir/R4/metadata", null).body());
        assertThat(statement.getRestFirstRep().getResource())
                .extracting(r -> r.getType())
                .contains("Appointment", "Coverage", "Claim");

        String token = token(tokenEndpoint, SCOPES);
        JsonNode claims = Keycloak.claims(token);
        assertThat(claims.path("scope").asString()).contains("system/Observation.write", "system/Appointment.read");
        assertThat(claims.path("partner_id").asString()).isEqualTo("springfield-general");

        // Jane Doe was referred by the hospital's REST client (same partner_id): the SMART client sees her
        Bundle patients = bundle(GATEWAY.get("/fhir/R4/Patient?family=Doe", token));
        Patient jane = patients.getEntry().stream()
                .map(e -> (Patient) e.getResource())
                .filter(p -> "Jane".equals(p.getNameFirstRep().getGivenAsSingleString()))
                .findFirst()
                .orElseThrow();
        FhirValidation.assertValid(jane);
        String janeId = jane.getIdPart();

        // a remote-monitoring reading far above the threshold raises an alert (a Flag)
        String reading = """
                {"resourceType":"Observation","identifier":[{"system":"https://springfield-general.example/rpm","value":"%s"}],
                 "status":"final","category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
                 "code":{"coding":[{"system":"http://loinc.org","code":"85354-9","display":"Blood pressure panel"}]},
                 "subject":{"reference":"Patient/%s"},"effectiveDateTime":"%s",
                 "component":[{"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},
                               "valueQuantity":{"value":192,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
                              {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},
                               "valueQuantity":{"value":118,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]}""".formatted(UUID.randomUUID(), janeId, Instant.now().minusSeconds(60));
        ApiClient.Response posted = post("/fhir/R4/Observation", token, reading);
        assertThat(posted.status()).as(posted.body()).isIn(200, 201);
        Bundle flags = Eventually.await(
                Duration.ofSeconds(60),
                () -> bundle(GATEWAY.get("/fhir/R4/Flag?patient=" + janeId + "&status=active", token)),
                found -> found.getTotal() > 0);
        flags.getEntry().forEach(e -> FhirValidation.assertValid(e.getResource()));

        // without system/Observation.write the same reading is refused
        String readOnly = token(tokenEndpoint, List.of("system/Patient.read", "system/Observation.read"));
        ApiClient.Response refused = post("/fhir/R4/Observation", readOnly, reading);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(FhirValidation.parse(OperationOutcome.class, refused.body())
                        .getIssueFirstRep()
                        .getCode())
                .isEqualTo(OperationOutcome.IssueType.FORBIDDEN);

        // the plan and the visits of the patient it referred
        Bundle plans = bundle(GATEWAY.get("/fhir/R4/CarePlan?patient=" + janeId, token));
        assertThat(plans.getEntry()).isNotEmpty();
        plans.getEntry().forEach(e -> FhirValidation.assertValid(e.getResource()));
        assertThat(plans.getEntry()).anyMatch(e -> e.getResource() instanceof CarePlan);
        Bundle visits = bundle(GATEWAY.get("/fhir/R4/Appointment?patient=" + janeId + "&_count=50", token));
        assertThat(visits.getTotal()).isPositive();
        visits.getEntry().forEach(e -> {
            Appointment appointment = (Appointment) e.getResource();
            FhirValidation.assertValid(appointment);
            assertThat(appointment.getParticipantFirstRep().getActor().getReference())
                    .isEqualTo("Patient/" + janeId);
        });

        // another agency's patient does not exist for this partner
        String harold = haroldsId();
        for (String path : List.of(
                "/fhir/R4/Patient/" + harold,
                "/fhir/R4/Appointment?patient=" + harold,
                "/fhir/R4/CarePlan?patient=" + harold)) {
            ApiClient.Response hidden = GATEWAY.get(path, token);
            assertThat(hidden.status()).as(path + ": " + hidden.body()).isEqualTo(404);
            assertThat(hidden.contentType()).startsWith("application/fhir+json");
        }

        // Bulk Data export of what this partner may read, to the manifest and one NDJSON file
        ApiClient.Response kickOff =
                GATEWAY.send(GATEWAY.request("/fhir/R4/Patient/$export?_type=Patient,CarePlan,Appointment", token)
                        .header("Prefer", "respond-async")
                        .header("Accept", "application/fhir+json")
                        .GET());
        assertThat(kickOff.status()).as(kickOff.body()).isEqualTo(202);
        String status = kickOff.header("Content-Location").orElseThrow();
        String statusPath = URI.create(status).getRawPath();
        ApiClient.Response done = Eventually.await(
                Duration.ofSeconds(120), () -> GATEWAY.get(statusPath, token), poll -> poll.status() != 202);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        JsonNode manifest = done.json();
        assertThat(manifest.path("requiresAccessToken").asBoolean()).isTrue();
        assertThat(manifest.path("error")).as(manifest.toString()).isEmpty();
        JsonNode appointmentsFile = null;
        for (JsonNode output : manifest.path("output")) {
            if ("Appointment".equals(output.path("type").asString())) {
                appointmentsFile = output;
            }
        }
        assertThat(appointmentsFile).as(manifest.toString()).isNotNull();
        ApiClient.Response file =
                GATEWAY.get(URI.create(appointmentsFile.path("url").asString()).getRawPath(), token);
        assertThat(file.status()).isEqualTo(200);
        List<String> lines = file.body().lines().toList();
        assertThat(lines).hasSize(appointmentsFile.path("count").asInt());
        for (String line : lines) {
            Resource resource = (Resource) fhir.newJsonParser().parseResource(line);
            assertThat(resource).isInstanceOf(Appointment.class);
            FhirValidation.assertValid(resource);
            // other system tests refer patients through the same organisation on this shared stack: any of those,
            // never another agency's
            assertThat(((Appointment) resource)
                            .getParticipantFirstRep()
                            .getActor()
                            .getReference())
                    .startsWith("Patient/")
                    .isNotEqualTo("Patient/" + harold);
        }
        assertThat(GATEWAY.send(GATEWAY.request(statusPath, token).DELETE()).status())
                .isEqualTo(202);
        assertThat(GATEWAY.get(statusPath, token).status()).isEqualTo(404);
    }

    /** A token for the partner's client: client credentials with a JWT assertion signed by its private key (RS384). */
    private String token(String tokenEndpoint, List<String> scopes) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = base64Url("{\"alg\":\"RS384\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}");
        String claims = base64Url("""
                {"iss":"%s","sub":"%s","aud":"%s","jti":"%s","iat":%d,"exp":%d}""".formatted(CLIENT, CLIENT, tokenEndpoint, UUID.randomUUID(), now, now + 240));
        Signature signature = Signature.getInstance("SHA384withRSA");
        signature.initSign(demoKey());
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        String assertion = header + "." + claims + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        String form = "grant_type=client_credentials"
                + "&client_assertion_type=" + encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + encode(assertion) + "&scope=" + encode(String.join(" ", scopes));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(tokenEndpoint))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private static PrivateKey demoKey() throws Exception {
        String pem =
                Files.readString(DEMO_KEY).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    /** Harold Brooks, Riverbend's patient, as Riverbend's coordinator lists him. */
    private static String haroldsId() {
        JsonNode page = GATEWAY.get("/api/patients/v1/patients?size=200", KEYCLOAK.userToken("rita.coordinator"))
                .json();
        for (JsonNode patient : page.path("items")) {
            if ("Harold".equals(patient.path("givenName").asString())
                    && "Brooks".equals(patient.path("familyName").asString())) {
                return patient.path("id").asString();
            }
        }
        throw new AssertionError("Harold Brooks is not in Riverbend's list: " + page);
    }

    private ApiClient.Response post(String path, String token, String body) {
        return GATEWAY.send(GATEWAY.request(path, token)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Bundle bundle(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return FhirValidation.parse(Bundle.class, response.body());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
