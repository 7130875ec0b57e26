package org.hearth.patient.careplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.platform.test.PublishedEvents.on;
import static org.hearth.platform.test.PublishedEvents.published;

import java.net.http.HttpRequest;
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
import tools.jackson.databind.JsonNode;

/** Care team and plan of care through the HTTP API, with the real broker and the MongoDB wire server. */
@HearthServiceTest
class CarePlanApiIT {

    static final String PATIENTS = "/api/patients/v1/patients";

    @LocalServerPort
    int port;

    ApiClient api;
    final TestTokenIssuer issuer = TestTokenIssuer.shared();
    final String agency = Agencies.sunrise().id();
    final String drPatel = "dr-patel-" + UUID.randomUUID();
    final String drJones = "dr-jones-" + UUID.randomUUID();
    final String nina = "nina-" + UUID.randomUUID();

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
        return Tokens.coordinator(agency, "patient-service");
    }

    String admittedPatient() {
        ApiClient.Response created = api.post(PATIENTS, coordinator(), Patients.jane());
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        org.hearth.patient.assessment.Assessments.completeFor(api, id, coordinator());
        return id;
    }

    ApiClient.Response put(String path, String token, String ifMatch, String json) {
        HttpRequest.Builder request = api.request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return api.send(request);
    }

    ApiClient.Response sign(String patientId, String token, String ifMatch) {
        return api.send(api.request(PATIENTS + "/" + patientId + "/care-plan/draft/signature", token)
                .header("If-Match", ifMatch)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    String team() {
        return """
                {"members":[{"subject":"%s","role":"PHYSICIAN","displayName":"Dr Priya Patel","lead":true},
                            {"subject":"%s","role":"PHYSICIAN","displayName":"Dr Sam Jones","lead":false},
                            {"subject":"%s","role":"NURSE","displayName":"Nina","lead":false}]}""".formatted(drPatel, drJones, nina);
    }

    static String plan(String frequency, String intervention) {
        return """
                {"problems":[{"description":"Heart failure","goals":[{"description":"Stable weight",
                   "measure":"gain under 1 kg a week","targetDate":"%s"}]}],
                 "interventions":["%s"],
                 "medications":[{"name":"Furosemide","dose":"40 mg","route":"ORAL","times":["08:00"],"start":"2026-11-20"}],
                 "diet":["2 g sodium"],"equipment":[{"item":"walker","status":"ORDERED"}],
                 "communityServices":["meal delivery"],"frequency":"%s"}""".formatted(java.time.LocalDate.now().plusMonths(2), intervention, frequency);
    }

    @Test
    void clinicallyImpossibleMedicationsAreRefusedAndAPlanIsNotSignedWithAGoalAlreadyPast() {
        String patient = admittedPatient();
        String base = PATIENTS + "/" + patient;
        put(base + "/care-team", coordinator(), "\"0\"", team());

        String stopsBeforeItStarts = plan("SN 2W4", "Daily weights")
                .replace("\"start\":\"2026-11-20\"", "\"start\":\"2026-11-20\",\"stop\":\"2026-11-10\"");
        ApiClient.Response refused = put(base + "/care-plan/draft", coordinator(), "\"0\"", stopsBeforeItStarts);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("medications[0].stop");
        for (String dose : new String[] {"-40 mg", "0 mg", "40", "mg", "0.0 mL"}) {
            ApiClient.Response badDose = put(
                    base + "/care-plan/draft",
                    coordinator(),
                    "\"0\"",
                    plan("SN 2W4", "Daily weights").replace("\"40 mg\"", "\"" + dose + "\""));
            assertThat(badDose.status()).as("dose %s: %s", dose, badDose.body()).isEqualTo(400);
            assertThat(badDose.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("medications[0].dose");
        }
        String pastGoal = plan("SN 2W4", "Daily weights")
                .replaceFirst("\"targetDate\":\"[0-9-]+\"", "\"targetDate\":\"2020-01-15\"")
                .replace("\"40 mg\"", "\"0.5 mL\"");
        ApiClient.Response draft = put(base + "/care-plan/draft", coordinator(), "\"0\"", pastGoal);
        assertThat(draft.status())
                .as("a past goal may be drafted (and corrected): %s", draft.body())
                .isEqualTo(200);
        ApiClient.Response signing = sign(patient, token(drPatel, "physician", agency), "\"1\"");
        assertThat(signing.status()).as(signing.body()).isEqualTo(422);
        assertThat(signing.json().path("violations").get(0).path("rule").asString())
                .isEqualTo("GOAL_DATE_PASSED");
        assertThat(api.get(base + "/care-plan", coordinator())
                        .json()
                        .path("active")
                        .isNull())
                .isTrue();
    }

    @Test
    void openDraftsAreFoundByTheStoreForTheCallersPatientsOnlyAndLeaveWhenSigned() {
        String onTeam = admittedPatient();
        String notOnTeam = admittedPatient();
        String noDraft = admittedPatient();
        put(PATIENTS + "/" + onTeam + "/care-team", coordinator(), "\"0\"", team());
        put(PATIENTS + "/" + noDraft + "/care-team", coordinator(), "\"0\"", team());
        for (String patient : new String[] {onTeam, notOnTeam}) {
            ApiClient.Response draft = put(
                    PATIENTS + "/" + patient + "/care-plan/draft",
                    coordinator(),
                    "\"0\"",
                    plan("SN 2W4", "Daily weights"));
            assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        }
        String otherAgency = token("carla", "coordinator", UUID.randomUUID().toString());

        ApiClient.Response all = api.get("/api/patients/v1/care-plans/drafts?size=200", coordinator());
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json()
                        .path("items")
                        .valueStream()
                        .map(d -> d.path("patientId").asString()))
                .containsExactlyInAnyOrder(onTeam, notOnTeam);
        assertThat(all.json().path("items").get(0).path("number").asInt()).isEqualTo(1);
        String patel = token(drPatel, "physician", agency);
        ApiClient.Response mine = api.get("/api/patients/v1/care-plans/drafts", patel);
        assertThat(mine.json()
                        .path("items")
                        .valueStream()
                        .map(d -> d.path("patientId").asString()))
                .containsExactly(onTeam);
        assertThat(api.get("/api/patients/v1/care-plans/drafts", otherAgency)
                        .json()
                        .path("items")
                        .size())
                .isZero();
        assertThat(api.get("/api/patients/v1/care-plans/drafts", token("bill", "billing", agency))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/patients/v1/care-plans/drafts?size=0", coordinator())
                        .status())
                .isEqualTo(400);

        assertThat(sign(onTeam, patel, "\"1\"").status()).isEqualTo(200);
        assertThat(api.get("/api/patients/v1/care-plans/drafts", patel)
                        .json()
                        .path("items")
                        .size())
                .isZero();
    }

    @Test
    void theTeamDraftsTheLeadSignsAndSchedulingIsToldTheFrequencyOrders() {
        String patient = admittedPatient();
        String base = PATIENTS + "/" + patient;

        try (TopicReader topic = new TopicReader("hearth.patient.events")) {
            ApiClient.Response team = put(base + "/care-team", coordinator(), "\"0\"", team());
            assertThat(team.status()).as(team.body()).isEqualTo(200);
            assertThat(team.json().path("leadPhysician").asString()).isEqualTo(drPatel);
            assertThat(team.header("ETag")).hasValue("\"1\"");

            ApiClient.Response draft = put(
                    base + "/care-plan/draft",
                    token(nina, "nurse", agency),
                    "\"0\"",
                    plan("sn 3w1, 2w4, 2 prn; PT 2-3W3", "Daily weights"));
            assertThat(draft.status()).as(draft.body()).isEqualTo(200);
            assertThat(draft.json()
                            .path("draft")
                            .path("content")
                            .path("frequency")
                            .asString())
                    .isEqualTo("SN 3W1, 2W4, 2 PRN, PT 2-3W3");
            assertThat(draft.header("ETag")).hasValue("\"1\"");

            ApiClient.Response signed = sign(patient, token(drPatel, "physician", agency), "\"1\"");
            assertThat(signed.status()).as(signed.body()).isEqualTo(200);
            assertThat(signed.json().path("active").path("number").asInt()).isEqualTo(1);
            assertThat(signed.json().path("active").path("signedBy").asString()).isEqualTo(drPatel);
            assertThat(signed.json().path("draft").isNull()).isTrue();
            JsonNode summary =
                    api.get(base + "/summary", token(nina, "nurse", agency)).json();
            assertThat(summary.path("activePlan").path("number").asInt()).isEqualTo(1);
            assertThat(summary.path("leadPhysician").asString()).isEqualTo(drPatel);
            assertThat(summary.path("patient").path("familyName").asString()).isEqualTo("Doe");
            assertThat(api.get(base + "/summary", token("ron", "nurse", agency)).status())
                    .isEqualTo(403);

            ConsumerRecord<String, String> event = published(on(topic))
                    .ofType(CarePlanSigned.TYPE)
                    .about(patient)
                    .await();
            assertThat(EventContracts.violations(CarePlanSigned.TYPE, event.value()))
                    .isEmpty();
            assertThat(TopicReader.header(event, "ce_tenantid")).isEqualTo(agency);
            assertThat(event.value())
                    .contains("\"prnVisits\":2")
                    .doesNotContain("Furosemide")
                    .doesNotContain("Heart");

            ConsumerRecord<String, String> teamEvent = published(on(topic))
                    .ofType("org.hearth.patient.CareTeamChanged.v1")
                    .about(patient)
                    .await();
            assertThat(EventContracts.violations("org.hearth.patient.CareTeamChanged.v1", teamEvent.value()))
                    .isEmpty();
            assertThat(teamEvent.value()).doesNotContain("Priya");
        }
    }

    @Test
    void aRevisionIsANewDraftVersionWithHistoryAndADiff() {
        String patient = admittedPatient();
        String base = PATIENTS + "/" + patient;
        put(base + "/care-team", coordinator(), "\"0\"", team());
        put(base + "/care-plan/draft", coordinator(), "\"0\"", plan("SN 2W4", "Daily weights"));
        sign(patient, token(drPatel, "physician", agency), "\"1\"");

        ApiClient.Response revised = put(
                base + "/care-plan/draft",
                token(nina, "nurse", agency),
                "\"2\"",
                plan("SN 2W4, OT 1W4", "Fall prevention teaching"));

        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        assertThat(revised.json().path("draft").path("number").asInt()).isEqualTo(2);
        assertThat(revised.json().path("active").path("number").asInt()).isEqualTo(1);
        JsonNode history = api.get(base + "/care-plan/versions", coordinator()).json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("status").asString()).isEqualTo("DRAFT");
        assertThat(history.get(1).path("status").asString()).isEqualTo("ACTIVE");
        JsonNode diff =
                api.get(base + "/care-plan/diff?from=1&to=2", coordinator()).json();
        assertThat(diff.path("changes").toString()).contains("Fall prevention teaching", "Daily weights", "OT 1W4");
        assertThat(api.get(base + "/care-plan/versions/1", coordinator())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("ACTIVE");
        assertThat(api.get(base + "/care-plan/versions/9", coordinator()).status())
                .isEqualTo(404);
    }

    @Test
    void writesWithoutOrWithAStaleETagAreRefusedAndChangeNothing() {
        String patient = admittedPatient();
        String draftPath = PATIENTS + "/" + patient + "/care-plan/draft";
        put(draftPath, coordinator(), "\"0\"", plan("SN 2W4", "Daily weights"));

        ApiClient.Response missing = put(draftPath, coordinator(), null, plan("SN 3W4", "Other"));
        ApiClient.Response stale = put(draftPath, coordinator(), "\"0\"", plan("SN 3W4", "Other"));
        ApiClient.Response garbage = put(draftPath, coordinator(), "W/\"1\"", plan("SN 3W4", "Other"));

        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.json().path("type").asString()).endsWith("/problems/precondition-required");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().path("type").asString()).endsWith("/problems/precondition-failed");
        assertThat(garbage.status()).isEqualTo(412);
        ApiClient.Response current = api.get(PATIENTS + "/" + patient + "/care-plan", coordinator());
        assertThat(current.header("ETag")).hasValue("\"1\"");
        assertThat(current.json()
                        .path("draft")
                        .path("content")
                        .path("frequency")
                        .asString())
                .isEqualTo("SN 2W4");
    }

    @Test
    void badPlansAnswerProblemDetailsAndStoreNothing() {
        String patient = admittedPatient();
        String draftPath = PATIENTS + "/" + patient + "/care-plan/draft";

        ApiClient.Response frequency = put(draftPath, coordinator(), "\"0\"", plan("SN twice a week", "x"));
        ApiClient.Response unknownField = put(
                draftPath, coordinator(), "\"0\"", plan("SN 2W4", "x").replaceFirst("\\{", "{\"signedBy\":\"me\","));
        ApiClient.Response badRoute =
                put(draftPath, coordinator(), "\"0\"", plan("SN 2W4", "x").replace("ORAL", "BY_MAGIC"));
        ApiClient.Response missingGoals = put(
                draftPath,
                coordinator(),
                "\"0\"",
                plan("SN 2W4", "x").replaceFirst("\"goals\":\\[[^]]*]", "\"goals\":[]"));

        assertThat(frequency.status()).isEqualTo(400);
        assertThat(frequency.json().path("detail").asString()).contains("frequency", "is not a frequency");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().path("type").asString()).endsWith("/problems/unknown-field");
        assertThat(badRoute.status()).isEqualTo(400);
        assertThat(missingGoals.status()).isEqualTo(400);
        assertThat(missingGoals.json().path("errors").toString()).contains("goals");
        assertThat(api.get(PATIENTS + "/" + patient + "/care-plan", coordinator())
                        .header("ETag"))
                .hasValue("\"0\"");
    }

    @Test
    void onlyTheLeadPhysicianSigns() {
        String patient = admittedPatient();
        String base = PATIENTS + "/" + patient;
        put(base + "/care-plan/draft", coordinator(), "\"0\"", plan("SN 2W4", "Daily weights"));

        put(base + "/care-team", coordinator(), "\"0\"", team().replace("\"lead\":true", "\"lead\":false"));
        ApiClient.Response noLeadYet = sign(patient, token(drPatel, "physician", agency), "\"1\"");
        put(base + "/care-team", coordinator(), "\"1\"", team());
        ApiClient.Response notTheLead = sign(patient, token(drJones, "physician", agency), "\"1\"");
        ApiClient.Response aNurse = sign(patient, token(nina, "nurse", agency), "\"1\"");

        assertThat(noLeadYet.status()).isEqualTo(403);
        assertThat(noLeadYet.json().path("detail").asString()).contains("no lead physician");
        assertThat(notTheLead.status()).isEqualTo(403);
        assertThat(notTheLead.json().path("detail").asString()).contains("Only the lead physician");
        assertThat(aNurse.status()).isEqualTo(403);
        assertThat(api.get(base + "/care-plan", coordinator())
                        .json()
                        .path("active")
                        .isNull())
                .isTrue();
    }

    @Test
    void aTeamWithTwoLeadsOrANonPhysicianLeadIsRefused() {
        String patient = admittedPatient();
        String twoLeads = team().replace("\"lead\":false}", "\"lead\":true}");
        String nurseLead = """
                {"members":[{"subject":"n","role":"NURSE","displayName":"Nina","lead":true}]}""";

        assertThat(put(PATIENTS + "/" + patient + "/care-team", coordinator(), "\"0\"", twoLeads)
                        .status())
                .isEqualTo(400);
        assertThat(put(PATIENTS + "/" + patient + "/care-team", coordinator(), "\"0\"", nurseLead)
                        .json()
                        .path("detail")
                        .asString())
                .contains("PHYSICIAN");
        assertThat(api.get(PATIENTS + "/" + patient + "/care-team", coordinator())
                        .json()
                        .path("members"))
                .isEmpty();
    }

    @Test
    void anotherAgencySeesNeitherTeamNorPlan() {
        String patient = admittedPatient();
        put(PATIENTS + "/" + patient + "/care-plan/draft", coordinator(), "\"0\"", plan("SN 2W4", "Daily weights"));
        String stranger = token("rita", "coordinator", UUID.randomUUID().toString());

        assertThat(api.get(PATIENTS + "/" + patient + "/care-plan", stranger).status())
                .isEqualTo(404);
        assertThat(api.get(PATIENTS + "/" + patient + "/care-team", stranger).status())
                .isEqualTo(404);
        assertThat(put(PATIENTS + "/" + patient + "/care-plan/draft", stranger, "\"1\"", plan("SN 1W1", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get(PATIENTS + "/" + patient + "/care-plan", coordinator())
                        .json()
                        .path("draft")
                        .path("content")
                        .path("frequency")
                        .asString())
                .isEqualTo("SN 2W4");
    }

    ApiClient.Response submit(String patientId, String token, String ifMatch) {
        return api.send(api.request(PATIENTS + "/" + patientId + "/care-plan/draft/submission", token)
                .header("If-Match", ifMatch)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void aDraftBreakingRulesIsNotSubmittedAndEveryBrokenRuleIsListed() {
        String patient = admittedPatient();
        String base = PATIENTS + "/" + patient;
        // (a medication stopping before it starts is refused when the draft is written: see the test above)
        String broken = plan("SN 2W4", "Daily weights")
                .replaceFirst("\"targetDate\":\"[0-9-]+\"", "\"targetDate\":\"2020-01-15\"")
                .replace(
                        "\"medications\":[",
                        "\"medications\":[{\"name\":\"furosemide \",\"dose\":\"20 mg\","
                                + "\"route\":\"ORAL\",\"times\":[\"18:00\"],\"start\":\"2026-11-20\"},");
        assertThat(put(base + "/care-plan/draft", coordinator(), "\"0\"", broken)
                        .status())
                .isEqualTo(200);

        ApiClient.Response refused = submit(patient, coordinator(), "\"1\"");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("violations").findValuesAsString("rule"))
                .containsExactlyInAnyOrder("GOAL_DATE_PASSED", "MEDICATION_TWICE");
        assertThat(api.get(base + "/care-plan", coordinator())
                        .json()
                        .path("draft")
                        .path("submittedAt")
                        .isNull())
                .isTrue();

        assertThat(put(base + "/care-plan/draft", coordinator(), "\"1\"", plan("SN 2W4", "Daily weights"))
                        .status())
                .isEqualTo(200);
        ApiClient.Response submitted = submit(patient, coordinator(), "\"2\"");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().path("draft").path("submittedBy").asString())
                .isEqualTo("carla");
        assertThat(submitted.header("ETag")).hasValue("\"3\"");
        assertThat(submit(patient, coordinator(), "\"2\"").status()).isEqualTo(412);

        // writing the draft again withdraws the submission: the physician would sign something else
        ApiClient.Response rewritten =
                put(base + "/care-plan/draft", coordinator(), "\"3\"", plan("SN 2W3", "Daily weights"));
        assertThat(rewritten.json().path("draft").path("submittedAt").isNull()).isTrue();
    }

    @Test
    void theParserReadsANotationWithoutSavingAndAnswersItsOwnMessage() {
        ApiClient.Response read = api.post(
                "/api/patients/v1/frequency-orders/parse",
                coordinator(),
                "{\"notation\":\"sn 3w1, 2w4, 2 prn; PT 2-3W3\"}");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("valid").asBoolean()).isTrue();
        assertThat(read.json().path("canonical").asString()).isEqualTo("SN 3W1, 2W4, 2 PRN, PT 2-3W3");
        JsonNode sn = read.json().path("orders").path(0);
        assertThat(sn.path("discipline").path("description").asString()).isEqualTo("skilled nursing");
        assertThat(sn.path("prnVisits").asInt()).isEqualTo(2);
        assertThat(sn.path("maxScheduledVisits").asInt()).isEqualTo(11);

        ApiClient.Response unreadable =
                api.post("/api/patients/v1/frequency-orders/parse", coordinator(), "{\"notation\":\"SN 2W4, XY 3W2\"}");
        assertThat(unreadable.status()).isEqualTo(200);
        assertThat(unreadable.json().path("valid").asBoolean()).isFalse();
        assertThat(unreadable.json().path("error").asString()).startsWith("unknown discipline \"XY\"");

        assertThat(api.post(
                                "/api/patients/v1/frequency-orders/parse",
                                token("bill", "billing", agency),
                                "{\"notation\":\"SN 2W4\"}")
                        .status())
                .isEqualTo(403);
    }
}
