package org.hearth.patient.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.patient.assessment.Assessments;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.FhirValidation;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * FHIR R4 of patient-service through its HTTP API, with data made through the API itself: every resource parses
 * strictly with HAPI and validates against base R4 (0 errors), searches page, another agency's ids are 404
 * OperationOutcomes, creates are idempotent by identifier, a high reading raises its alert, reads are audited.
 */
@HearthServiceTest
class FhirApiIT {

    static final String PATIENTS = "/api/patients/v1/patients";
    static final String FHIR = "/fhir/R4";
    static final String FHIR_JSON = "application/fhir+json";
    static final String[] READ_SCOPES = {
        "system/Patient.read",
        "system/Condition.read",
        "system/AllergyIntolerance.read",
        "system/CarePlan.read",
        "system/CareTeam.read",
        "system/Observation.read",
        "system/ServiceRequest.read",
        "system/RelatedPerson.read",
        "system/Flag.read",
        "system/Observation.write",
        "system/ServiceRequest.write"
    };

    /** HAPI builds its model on first use: on a busy machine the first FHIR request can take long. */
    static final Duration FIRST_USE = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    ApiClient api;
    final TestTokenIssuer issuer = TestTokenIssuer.shared();
    final String agency = UUID.randomUUID().toString();
    final String drPatel = "dr-patel-" + UUID.randomUUID();
    final String nina = "nina-" + UUID.randomUUID();
    final String fran = "fran-" + UUID.randomUUID();

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
    }

    String token(String subject, String role, String agencyId) {
        return issuer.token()
                .subject(subject)
                .agency("agency", agencyId)
                .roles(role)
                .audience("patient-service")
                .sign();
    }

    String coordinator() {
        return token("carla", "coordinator", agency);
    }

    /** The hospital's SMART backend client: its organisation is springfield-general. */
    String smartPartner(String partnerId, String agencyId) {
        return issuer.token()
                .subject("svc-" + partnerId + "-fhir")
                .clientId(partnerId + "-fhir")
                .agency("agency", agencyId)
                .roles("partner")
                .scopes(READ_SCOPES)
                .claim("partner_id", partnerId)
                .audience("patient-service")
                .sign();
    }

    /** The same hospital's REST client (hearth.referrals), another client of the same organisation. */
    String restPartner(String partnerId) {
        return issuer.token()
                .subject("svc-" + partnerId + "-rest")
                .clientId(partnerId + "-rest")
                .agency("agency", agency)
                .roles("partner")
                .scopes("hearth.referrals")
                .claim("partner_id", partnerId)
                .audience("patient-service")
                .sign();
    }

    ApiClient.Response fhirGet(String path, String token) {
        return api.send(api.request(FHIR + path, token)
                .timeout(FIRST_USE)
                .header("Accept", FHIR_JSON)
                .GET());
    }

    ApiClient.Response fhirPost(String type, String token, String body) {
        return api.send(api.request(FHIR + "/" + type, token)
                .timeout(FIRST_USE)
                .header("Accept", FHIR_JSON)
                .header("Content-Type", FHIR_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    ApiClient.Response put(String path, String token, String ifMatch, String json) {
        return api.send(api.request(path, token)
                .header("Content-Type", "application/json")
                .header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Parses strictly, checks it is FHIR JSON of this type with 0 validation errors. */
    static <T extends IBaseResource> T valid(ApiClient.Response response, Class<T> type) {
        assertThat(response.contentType()).as(response.body()).startsWith(FHIR_JSON);
        T resource = FhirValidation.parse(type, response.body());
        FhirValidation.assertValid(resource);
        return resource;
    }

    static String serviceRequest(String identifier) {
        return """
                {"resourceType":"ServiceRequest",
                 "contained":[
                   {"resourceType":"Patient","id":"patient","name":[{"family":"Doe","given":["Jane"]}],
                    "birthDate":"1941-03-02","telecom":[{"system":"phone","value":"+1 217 555 0100"}],
                    "address":[{"line":["12 Elm Street"],"city":"Springfield","state":"IL","postalCode":"62701"}],
                    "communication":[{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"en"}]}}]},
                   {"resourceType":"Practitioner","id":"requester",
                    "identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"1234567893"}],
                    "name":[{"text":"Dr Priya Patel"}]}],
                 "identifier":[{"system":"https://springfield-general.example/referrals","value":"%s"}],
                 "status":"active","intent":"order",
                 "category":[{"coding":[{"system":"https://hearth.health/fhir/CodeSystem/referral-source",
                   "code":"primary-care-physician"}]}],
                 "code":{"text":"Home health care"},
                 "orderDetail":[{"coding":[{"system":"https://hearth.health/fhir/CodeSystem/discipline","code":"SN"}]},
                                {"coding":[{"system":"https://hearth.health/fhir/CodeSystem/discipline","code":"PT"}]}],
                 "subject":{"reference":"#patient"},
                 "requester":{"reference":"#requester"},
                 "reasonCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"I50.9",
                   "display":"Heart failure, unspecified"}]}],
                 "note":[{"text":"Heart failure exacerbation; needs diuretic titration"}]}""".formatted(identifier);
    }

    static String reading(String identifier, String patientId, String loinc, double value, String unit, Instant at) {
        return """
                {"resourceType":"Observation","identifier":[{"system":"https://vendor.example/readings","value":"%s"}],
                 "status":"final","code":{"coding":[{"system":"http://loinc.org","code":"%s"}]},
                 "subject":{"reference":"Patient/%s"},"effectiveDateTime":"%s",
                 "valueQuantity":{"value":%s,"unit":"%s","system":"http://unitsofmeasure.org","code":"%s"}}""".formatted(identifier, loinc, patientId, at, value, unit, unit);
    }

    static String bloodPressure(String identifier, String patientId, int systolic, int diastolic, Instant at) {
        return """
                {"resourceType":"Observation","identifier":[{"system":"https://vendor.example/readings","value":"%s"}],
                 "status":"final","code":{"coding":[{"system":"http://loinc.org","code":"85354-9"}]},
                 "subject":{"reference":"Patient/%s"},"effectiveDateTime":"%s",
                 "component":[
                   {"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},
                    "valueQuantity":{"value":%d,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
                   {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},
                    "valueQuantity":{"value":%d,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]}""".formatted(identifier, patientId, at, systolic, diastolic);
    }

    /** A partner refers Jane through FHIR; intake accepts and admits her; her team, circle, profile and plan follow. */
    String referredAndAdmittedPatient(String partnerToken) {
        ApiClient.Response referred =
                fhirPost("ServiceRequest", partnerToken, serviceRequest("REF-" + UUID.randomUUID()));
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        String referral = valid(referred, ServiceRequest.class).getIdElement().getIdPart();
        assertThat(api.post("/api/patients/v1/referrals/" + referral + "/acceptance", coordinator(), "")
                        .status())
                .isEqualTo(200);
        ApiClient.Response admitted =
                api.post("/api/patients/v1/referrals/" + referral + "/admission", coordinator(), "");
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
        String patient = admitted.json().path("patientId").asString();
        Assessments.completeFor(api, patient, coordinator());
        assertThat(put(PATIENTS + "/" + patient + "/care-team", coordinator(), "\"0\"", """
                {"members":[{"subject":"%s","role":"PHYSICIAN","displayName":"Dr Priya Patel","lead":true},
                            {"subject":"%s","role":"NURSE","displayName":"Nina","lead":false}]}""".formatted(drPatel, nina))
                        .status())
                .isEqualTo(200);
        assertThat(put(PATIENTS + "/" + patient + "/care-circle", coordinator(), "\"0\"", """
                {"members":[{"subject":"%s","displayName":"Fran Doe","relationship":"daughter","pointOfContact":true,
                             "scopes":["VITALS"]}]}""".formatted(fran))
                        .status())
                .isEqualTo(200);
        String etag =
                api.get(PATIENTS + "/" + patient, coordinator()).header("ETag").orElseThrow();
        ApiClient.Response profile = put(PATIENTS + "/" + patient + "/clinical-profile", coordinator(), etag, """
                {"homebound":{"homebound":true,"reason":"Leaves home only with assistance for medical visits"},
                 "diagnoses":[{"code":"I50.9","description":"Heart failure, unspecified","primary":true},
                              {"code":"E11.9","description":"Type 2 diabetes mellitus","primary":false}],
                 "allergies":[{"substance":"Penicillin","reaction":"Hives","severity":"MODERATE"}]}""");
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        ApiClient.Response draft =
                put(PATIENTS + "/" + patient + "/care-plan/draft", token(nina, "nurse", agency), "\"0\"", """
                {"problems":[{"description":"Heart failure","goals":[{"description":"Stable weight",
                   "measure":"gain under 1 kg a week","targetDate":"%s"}]}],
                 "interventions":["Daily weights"],
                 "medications":[{"name":"Furosemide","dose":"40 mg","route":"ORAL","times":["08:00"],"start":"%s"}],
                 "diet":["2 g sodium"],"equipment":[{"item":"walker","status":"ORDERED"}],
                 "communityServices":["meal delivery"],"frequency":"SN 3W1, 2W4, 2 PRN, PT 2-3W3"}""".formatted(
                                LocalDate.now().plusMonths(2), LocalDate.now()));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        ApiClient.Response signed = api.send(api.request(
                        PATIENTS + "/" + patient + "/care-plan/draft/signature", token(drPatel, "physician", agency))
                .header("If-Match", "\"1\"")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        return patient;
    }

    @Test
    void theServicesCapabilityStatementIsOpenValidAndNamesWhatItServes() {
        org.hl7.fhir.r4.model.CapabilityStatement statement =
                valid(fhirGet("/metadata", null), org.hl7.fhir.r4.model.CapabilityStatement.class);
        FhirValidation.roundTrip(statement);
        var resources = statement.getRestFirstRep().getResource();
        org.assertj.core.api.Assertions.assertThat(resources)
                .extracting(r -> r.getType())
                .containsExactly(
                        "Patient",
                        "Condition",
                        "AllergyIntolerance",
                        "CarePlan",
                        "CareTeam",
                        "Observation",
                        "ServiceRequest",
                        "RelatedPerson",
                        "Flag");
        org.assertj.core.api.Assertions.assertThat(resources.stream()
                        .filter(r -> r.getType().equals("Observation"))
                        .findFirst()
                        .orElseThrow()
                        .getInteraction())
                .extracting(i -> i.getCode().toCode())
                .contains("create");
    }

    @Test
    void everyResourceMadeThroughTheApiRoundTripsThroughHapiAndValidatesAgainstBaseR4() {
        String partner = smartPartner("springfield-general", agency);
        String patient = referredAndAdmittedPatient(partner);
        String nurse = token(nina, "nurse", agency);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(fhirPost(
                                "Observation",
                                nurse,
                                bloodPressure("bp-" + UUID.randomUUID(), patient, 128, 82, now.minusSeconds(600)))
                        .status())
                .isEqualTo(201);
        ApiClient.Response heart = fhirPost(
                "Observation",
                partner,
                reading("hr-" + UUID.randomUUID(), patient, "8867-4", 72, "/min", now.minusSeconds(300)));
        assertThat(heart.status()).as(heart.body()).isEqualTo(201);
        assertThat(heart.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith(FHIR + "/Observation/"));
        ApiClient.Response high = fhirPost(
                "Observation",
                partner,
                bloodPressure("bp-" + UUID.randomUUID(), patient, 190, 95, now.minusSeconds(60)));
        assertThat(high.status()).as(high.body()).isEqualTo(201);

        Patient jane = valid(fhirGet("/Patient/" + patient, partner), Patient.class);
        assertThat(jane.getNameFirstRep().getFamily()).isEqualTo("Doe");
        FhirValidation.roundTrip(jane);
        Bundle conditions = valid(fhirGet("/Condition?patient=Patient/" + patient, partner), Bundle.class);
        assertThat(conditions.getTotal()).isEqualTo(2);
        Condition heartFailure = (Condition) conditions.getEntryFirstRep().getResource();
        assertThat(heartFailure.getCode().getCodingFirstRep().getSystem())
                .isEqualTo("http://hl7.org/fhir/sid/icd-10-cm");
        FhirValidation.roundTrip(
                valid(fhirGet("/Condition/" + heartFailure.getIdElement().getIdPart(), partner), Condition.class));
        Bundle allergies = valid(fhirGet("/AllergyIntolerance?patient=" + patient, partner), Bundle.class);
        AllergyIntolerance penicillin =
                (AllergyIntolerance) allergies.getEntryFirstRep().getResource();
        assertThat(penicillin.getCode().getText()).isEqualTo("Penicillin");
        FhirValidation.roundTrip(valid(
                fhirGet("/AllergyIntolerance/" + penicillin.getIdElement().getIdPart(), partner),
                AllergyIntolerance.class));

        CarePlan plan = valid(fhirGet("/CarePlan/" + patient, partner), CarePlan.class);
        assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
        assertThat(plan.getMeta().getVersionId()).isEqualTo("1");
        assertThat(plan.getActivity())
                .extracting(a -> a.getDetail().getDescription())
                .contains("SN 3W1 (SN 3W1, 2W4, 2 PRN)", "SN 2 PRN visits (as needed)", "Daily weights");
        assertThat(plan.getContained()).hasSize(1);
        FhirValidation.roundTrip(plan);
        FhirValidation.roundTrip(valid(fhirGet("/CarePlan/" + patient + "/_history/1", partner), CarePlan.class));
        assertThat(fhirGet("/CarePlan/" + patient + "/_history/9", partner).status())
                .isEqualTo(404);
        Bundle plans = valid(
                fhirGet("/CarePlan?patient=" + patient + "&status=active&_include=CarePlan:care-team", partner),
                Bundle.class);
        assertThat(plans.getEntry())
                .extracting(e -> e.getResource().fhirType() + ":"
                        + e.getSearch().getMode().toCode())
                .containsExactly("CarePlan:match", "CareTeam:include");
        CareTeam team = valid(fhirGet("/CareTeam/" + patient, partner), CareTeam.class);
        assertThat(team.getParticipant()).hasSize(2);
        FhirValidation.roundTrip(team);

        Bundle vitals = valid(fhirGet("/Observation?patient=" + patient + "&_count=200", partner), Bundle.class);
        assertThat(vitals.getTotal()).isEqualTo(5); // two panels of two readings, one heart rate
        Observation observation = (Observation) vitals.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> ((Observation) r)
                        .getCode()
                        .getCodingFirstRep()
                        .getCode()
                        .equals("8867-4"))
                .findFirst()
                .orElseThrow();
        assertThat(observation.getValueQuantity().getCode()).isEqualTo("/min");
        FhirValidation.roundTrip(
                valid(fhirGet("/Observation/" + observation.getIdElement().getIdPart(), partner), Observation.class));

        ServiceRequest referral =
                (ServiceRequest) valid(fhirGet("/ServiceRequest?patient=" + patient, partner), Bundle.class)
                        .getEntryFirstRep()
                        .getResource();
        assertThat(referral.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.COMPLETED);
        assertThat(referral.getSubject().getReference()).isEqualTo("Patient/" + patient);
        FhirValidation.roundTrip(valid(
                fhirGet("/ServiceRequest/" + referral.getIdElement().getIdPart(), partner), ServiceRequest.class));
        RelatedPerson daughter =
                (RelatedPerson) valid(fhirGet("/RelatedPerson?patient=" + patient, partner), Bundle.class)
                        .getEntryFirstRep()
                        .getResource();
        assertThat(daughter.getRelationshipFirstRep().getText()).isEqualTo("daughter");
        FhirValidation.roundTrip(
                valid(fhirGet("/RelatedPerson/" + daughter.getIdElement().getIdPart(), partner), RelatedPerson.class));

        Bundle flags = Eventually.await(
                Duration.ofSeconds(20),
                () -> FhirValidation.parse(
                        Bundle.class,
                        fhirGet("/Flag?patient=" + patient + "&status=active", partner)
                                .body()),
                b -> b.getTotal() >= 1);
        Flag flag = (Flag) flags.getEntryFirstRep().getResource();
        FhirValidation.assertValid(flags);
        FhirValidation.roundTrip(valid(fhirGet("/Flag/" + flag.getIdElement().getIdPart(), partner), Flag.class));

        Bundle everything = valid(fhirGet("/Patient/" + patient + "/$everything", coordinator()), Bundle.class);
        assertThat(everything.getEntry())
                .extracting(e -> e.getResource().fhirType())
                .contains(
                        "Patient",
                        "Condition",
                        "AllergyIntolerance",
                        "CarePlan",
                        "CareTeam",
                        "RelatedPerson",
                        "Flag",
                        "Observation",
                        "ServiceRequest");
        Bundle franEverything =
                valid(fhirGet("/Patient/" + patient + "/$everything", token(fran, "family", agency)), Bundle.class);
        assertThat(franEverything.getEntry())
                .extracting(e -> e.getResource().fhirType())
                .contains("Patient", "RelatedPerson", "Observation")
                .doesNotContain("Condition", "CarePlan", "Flag");
    }

    @Test
    void searchesPageWithTotalAndNextLinksThatKeepTheFilters() {
        String patient = referredAndAdmittedPatient(smartPartner("springfield-general", agency));
        String nurse = token(nina, "nurse", agency);
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            assertThat(fhirPost(
                                    "Observation",
                                    nurse,
                                    reading(
                                            "hr-" + UUID.randomUUID(),
                                            patient,
                                            "8867-4",
                                            70 + i,
                                            "/min",
                                            start.plusSeconds(60L * i)))
                            .status())
                    .isEqualTo(201);
        }

        Bundle first = valid(
                fhirGet("/Observation?patient=" + patient + "&code=http://loinc.org%7C8867-4&_count=2", nurse),
                Bundle.class);

        assertThat(first.getTotal()).isEqualTo(5);
        assertThat(first.getEntry()).hasSize(2);
        assertThat(first.getLink("self").getUrl()).contains("_count=2");
        String next = first.getLink("next").getUrl();
        assertThat(next).contains("_offset=2", "_count=2", "code=");
        Bundle second = valid(
                api.send(api.request(
                                URI.create(next).getRawPath() + "?"
                                        + URI.create(next).getRawQuery(),
                                nurse)
                        .GET()),
                Bundle.class);
        assertThat(second.getEntry()).hasSize(2);
        assertThat(second.getLink("previous")).isNotNull();
        Bundle last = valid(fhirGet("/Observation?patient=" + patient + "&_count=2&_offset=4", nurse), Bundle.class);
        assertThat(last.getEntry()).hasSize(1);
        assertThat(last.getLink("next")).isNull();
        Bundle dated = valid(
                fhirGet(
                        "/Observation?patient=" + patient + "&date=ge" + start.plusSeconds(120) + "&date=lt"
                                + start.plusSeconds(240),
                        nurse),
                Bundle.class);
        assertThat(dated.getTotal()).isEqualTo(2);
    }

    @Test
    void anotherAgencysPatientIsANotFoundOperationOutcomeAndBadRequestsAreOperationOutcomesToo() {
        String patient = referredAndAdmittedPatient(smartPartner("springfield-general", agency));
        String otherAgency = UUID.randomUUID().toString();
        String stranger = token("carla-elsewhere", "coordinator", otherAgency);
        String strangerPartner = smartPartner("springfield-general", otherAgency);

        for (String path : List.of(
                "/Patient/" + patient,
                "/CarePlan/" + patient,
                "/Observation?patient=" + patient,
                "/Patient/" + patient + "/$everything",
                "/Condition/" + patient + "-dx-I50.9")) {
            ApiClient.Response hidden = fhirGet(path, path.contains("$everything") ? stranger : strangerPartner);
            assertThat(hidden.status()).as(path + ": " + hidden.body()).isEqualTo(404);
            OperationOutcome outcome = valid(hidden, OperationOutcome.class);
            assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        }
        ApiClient.Response write = fhirPost(
                "Observation",
                strangerPartner,
                reading(
                        "x-" + UUID.randomUUID(),
                        patient,
                        "8867-4",
                        70,
                        "/min",
                        Instant.now().minusSeconds(60)));
        assertThat(write.status()).isEqualTo(404);

        String nurse = token(nina, "nurse", agency);
        ApiClient.Response badCount = fhirGet("/Observation?patient=" + patient + "&_count=many", nurse);
        assertThat(badCount.status()).isEqualTo(400);
        assertThat(valid(badCount, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
                .contains("_count");
        assertThat(fhirGet("/Observation?patient=" + patient + "&value-quantity=gt100", nurse)
                        .status())
                .isEqualTo(400);
        assertThat(fhirGet("/Observation?patient=" + patient + "&date=yesterday", nurse)
                        .status())
                .isEqualTo(400);
        assertThat(fhirGet("/Observation", nurse).status()).isEqualTo(400);
        ApiClient.Response noIdentifier = fhirPost(
                "Observation",
                nurse,
                reading("x", patient, "8867-4", 70, "/min", Instant.now().minusSeconds(60))
                        .replaceFirst("\"identifier\":\\[[^]]*],", ""));
        assertThat(noIdentifier.status()).as(noIdentifier.body()).isEqualTo(422);
        valid(noIdentifier, OperationOutcome.class);
        ApiClient.Response impossible = fhirPost(
                "Observation",
                nurse,
                reading(
                        "x-" + UUID.randomUUID(),
                        patient,
                        "8867-4",
                        900,
                        "/min",
                        Instant.now().minusSeconds(60)));
        assertThat(impossible.status()).as(impossible.body()).isEqualTo(422);
        ApiClient.Response unknownElement = fhirPost(
                "Observation",
                nurse,
                reading(
                                "x-" + UUID.randomUUID(),
                                patient,
                                "8867-4",
                                70,
                                "/min",
                                Instant.now().minusSeconds(60))
                        .replace("\"status\"", "\"mood\":\"ok\",\"status\""));
        assertThat(unknownElement.status()).isEqualTo(400);
        ApiClient.Response noToken = fhirGet("/Patient/" + patient, null);
        assertThat(noToken.status()).isEqualTo(401);
        valid(noToken, OperationOutcome.class);
        ApiClient.Response family = fhirGet("/Condition?patient=" + patient, token(fran, "family", agency));
        assertThat(family.status()).isEqualTo(403);
        valid(family, OperationOutcome.class);
        assertThat(api.get(PATIENTS + "/" + UUID.randomUUID(), coordinator()).contentType())
                .as("REST paths keep problem details")
                .startsWith("application/problem+json");
    }

    @Test
    void anObservationSentTwiceIsStoredOnceAndAHighBloodPressureRaisesTheAlertAsTheRestIngestionDoes() {
        String partner = smartPartner("vitals-vendor", agency);
        String patient = referredAndAdmittedPatient(smartPartner("springfield-general", agency));
        String body = bloodPressure(
                "reading-42", patient, 188, 96, Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS));

        ApiClient.Response first = fhirPost("Observation", partner, body);
        ApiClient.Response again = fhirPost("Observation", partner, body);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(valid(again, Observation.class).getIdElement().getIdPart())
                .isEqualTo(valid(first, Observation.class).getIdElement().getIdPart());
        var stored = api.get(PATIENTS + "/" + patient + "/observations?vital=SYSTOLIC_BP", coordinator())
                .json();
        assertThat(stored.path("totalItems").asInt()).isEqualTo(1);
        assertThat(stored.path("items").get(0).path("source").asString()).isEqualTo("DEVICE");
        var alerts = Eventually.await(
                Duration.ofSeconds(20),
                () -> api.get(PATIENTS + "/" + patient + "/alerts", coordinator())
                        .json()
                        .path("items"),
                a -> a.size() >= 1);
        assertThat(alerts.get(0).path("finding").asString()).contains("SYSTOLIC_BP");
    }

    @Test
    void aServiceRequestResentIsOneReferralAndAPartnerListsOnlyItsOrganisationsReferrals() {
        String smart = smartPartner("springfield-general", agency);
        String identifier = "REF-" + UUID.randomUUID();

        ApiClient.Response first = fhirPost("ServiceRequest", smart, serviceRequest(identifier));
        ApiClient.Response again = fhirPost("ServiceRequest", smart, serviceRequest(identifier));
        ApiClient.Response fromOtherHospital =
                fhirPost("ServiceRequest", smartPartner("riverbend", agency), serviceRequest(identifier));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        String id = valid(first, ServiceRequest.class).getIdElement().getIdPart();
        assertThat(valid(again, ServiceRequest.class).getIdElement().getIdPart())
                .isEqualTo(id);
        assertThat(fromOtherHospital.status()).isEqualTo(201);
        String otherId =
                valid(fromOtherHospital, ServiceRequest.class).getIdElement().getIdPart();
        assertThat(otherId).isNotEqualTo(id);
        ApiClient.Response queue = api.get("/api/patients/v1/referrals?size=200", coordinator());
        assertThat(queue.json().path("items").toString()).contains(id, otherId);

        // the hospital's REST client (another client of the same organisation) lists the referral and its status
        ApiClient.Response mine = api.get("/api/patients/v1/referrals", restPartner("springfield-general"));
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().path("items")).hasSize(1);
        assertThat(mine.json().path("items").get(0).path("id").asString()).isEqualTo(id);
        assertThat(mine.json().path("items").get(0).path("status").asString()).isEqualTo("RECEIVED");
        assertThat(api.get("/api/patients/v1/referrals/" + otherId, restPartner("springfield-general"))
                        .status())
                .isEqualTo(404);
        Bundle viaFhir = valid(fhirGet("/ServiceRequest?status=active", smart), Bundle.class);
        assertThat(viaFhir.getEntry())
                .extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(id);
        assertThat(fhirGet("/ServiceRequest/" + otherId, smart).status()).isEqualTo(404);
        ApiClient.Response invalid = fhirPost(
                "ServiceRequest",
                smart,
                serviceRequest("REF-" + UUID.randomUUID()).replace("1234567893", "1234567890"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(valid(invalid, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
                .contains("NPI");
    }

    @Test
    void aPartnerReadsOnlyPatientsItsOrganisationReferredAndEveryFhirReadIsAudited() {
        String patient = referredAndAdmittedPatient(smartPartner("springfield-general", agency));
        String otherHospital = smartPartner("riverbend", agency);
        assertThat(fhirGet("/CarePlan/" + patient, otherHospital).status()).isEqualTo(403);
        assertThat(valid(fhirGet("/Patient", otherHospital), Bundle.class).getTotal())
                .isZero();
        assertThat(valid(fhirGet("/Patient", smartPartner("springfield-general", agency)), Bundle.class)
                        .getTotal())
                .isEqualTo(1);

        try (TopicReader audit = new TopicReader("hearth.audit")) {
            ApiClient.Response read =
                    api.send(api.request(FHIR + "/CarePlan/" + patient, smartPartner("springfield-general", agency))
                            .header("X-Correlation-Id", "fhir-audit-1")
                            .GET());
            assertThat(read.status()).isEqualTo(200);
            ConsumerRecord<String, String> record = audit.await(
                            r -> patient.equals(r.key()) && r.value().contains("fhir-audit-1"), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("FHIR read not audited"));
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo("org.hearth.audit.PatientDataAccessed.v1");
            assertThat(record.value())
                    .contains("\"action\":\"GET /fhir/R4/CarePlan/{id}\"", "\"outcome\":200")
                    .doesNotContain("Jane");
            fhirGet("/Observation?patient=" + patient, otherHospital);
            // a refusal is recorded once, as AccessRefused (by path, never the query that named the patient)
            ConsumerRecord<String, String> refused = audit.await(
                            r -> "org.hearth.audit.AccessRefused.v1".equals(TopicReader.header(r, "ce_type"))
                                    && r.value().contains("\"outcome\":403")
                                    && r.value().contains("\"path\":\"/fhir/R4/Observation\""),
                            Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("refused FHIR read not audited"));
            assertThat(refused.value()).contains("svc-riverbend-fhir").doesNotContain(patient);
        }
    }
}
