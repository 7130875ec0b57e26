package org.hearth.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoStepsTest {

    private static final String PATIENTS = "/api/patients/v1/patients";
    private static final String REFERRALS = "/api/patients/v1/referrals";
    private static final String CLINICIANS = "/api/scheduling/v1/clinicians";

    private final Clock clock = Clock.fixed(Instant.parse("2026-05-04T14:00:00Z"), ZoneOffset.UTC);
    private FakeGateway gateway;
    private HearthApi api;
    private Tokens tokens;

    @BeforeEach
    void start() throws IOException {
        gateway = new FakeGateway();
        api = new HearthApi(gateway.uri());
        tokens = new Tokens(gateway.uri(), clock);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void loadingAnAgencyTwiceCreatesEverythingOnce() {
        riverbendServices();

        Ledger first = new Ledger();
        String harold = new Riverbend(api, tokens, first).load();
        int writesOfFirstRun = gateway.writes().size();
        Ledger second = new Ledger();
        String again = new Riverbend(api, tokens, second).load();

        assertThat(first.created()).isEqualTo(3); // Ron on the roster, Harold, his care team
        assertThat(writesOfFirstRun).isEqualTo(3);
        assertThat(again).isEqualTo(harold);
        assertThat(second.created()).isZero();
        assertThat(second.entries()).hasSize(3).allMatch(e -> e.outcome() == Ledger.Outcome.FOUND);
        assertThat(gateway.writes()).hasSize(writesOfFirstRun);
    }

    @Test
    void careTeamIsWrittenWithTheEtagJustReadAndTheLeadPhysicianBySubject() {
        riverbendServices();

        new Riverbend(api, tokens, new Ledger()).load();

        FakeGateway.Request put =
                gateway.requests("PUT", PATIENTS + "/p-1/care-team").getFirst();
        assertThat(put.headers()).containsEntry("if-match", "\"0\"");
        assertThat(put.body().path("members").findValuesAsText("subject"))
                .containsExactly("sub-rita.coordinator", "sub-dr.rivera", "sub-ron.nurse");
        JsonNode lead = put.body().path("members").get(1);
        assertThat(lead.path("role").asText()).isEqualTo("PHYSICIAN");
        assertThat(lead.path("lead").asBoolean()).isTrue();
    }

    @Test
    void aStaleVersionStopsTheLoaderWithTheServicesProblem() {
        gateway.on(
                        "GET",
                        PATIENTS + "/p-9/care-team",
                        r -> new FakeGateway.Answer(200, Map.of("patientId", "p-9", "members", List.of()), "\"3\""))
                .on(
                        "PUT",
                        PATIENTS + "/p-9/care-team",
                        r -> new FakeGateway.Answer(
                                412,
                                Map.of(
                                        "title",
                                        "Precondition Failed",
                                        "detail",
                                        "Someone changed this since you read it"),
                                null));

        assertThatThrownBy(
                        () -> new CareRecord(api, new Ledger(), "p-9").careTeam("t", List.of(Map.of("subject", "s"))))
                .isInstanceOf(DemoFailure.class)
                .hasMessageContaining("PUT " + PATIENTS + "/p-9/care-team answered 412")
                .hasMessageContaining("Someone changed this since you read it");
        assertThat(gateway.requests("PUT", PATIENTS + "/p-9/care-team")
                        .getFirst()
                        .headers())
                .containsEntry("if-match", "\"3\"");
    }

    @Test
    void aNewReferralCarriesAnIdempotencyKeyAndIsAcceptedThenAdmitted() {
        AtomicReference<String> status = new AtomicReference<>();
        gateway.on("GET", PATIENTS, r -> FakeGateway.Answer.ok(FakeGateway.page(List.of())))
                .on("GET", REFERRALS, r -> FakeGateway.Answer.ok(FakeGateway.page(List.of())))
                .on("POST", REFERRALS, r -> {
                    status.set("RECEIVED");
                    return new FakeGateway.Answer(201, referral("r-1", "RECEIVED", null), null);
                })
                .on(
                        "POST",
                        REFERRALS + "/r-1/acceptance",
                        r -> FakeGateway.Answer.ok(referral("r-1", "ACCEPTED", null)))
                .on(
                        "POST",
                        REFERRALS + "/r-1/admission",
                        r -> FakeGateway.Answer.ok(referral("r-1", "ADMITTED", "p-7")));
        Ledger ledger = new Ledger();

        String patient = new Admission(api, ledger)
                .viaReferral(
                        "partner",
                        "coordinator",
                        Sunrise.JANE,
                        Map.of("source", "HOSPITAL_DISCHARGE"),
                        "demo-referral-jane-doe-2026-05-03");

        assertThat(patient).isEqualTo("p-7");
        FakeGateway.Request posted = gateway.requests("POST", REFERRALS).getFirst();
        assertThat(posted.headers())
                .containsEntry("idempotency-key", "demo-referral-jane-doe-2026-05-03")
                .containsEntry("authorization", "Bearer partner");
        assertThat(gateway.requests("POST", REFERRALS + "/r-1/acceptance")
                        .getFirst()
                        .headers())
                .containsEntry("authorization", "Bearer coordinator");
        assertThat(ledger.created()).isEqualTo(3);
    }

    @Test
    void anInterruptedAdmissionResumesWhereItStopped() {
        gateway.on("GET", PATIENTS, r -> FakeGateway.Answer.ok(FakeGateway.page(List.of())))
                .on(
                        "GET",
                        REFERRALS,
                        r -> FakeGateway.Answer.ok(FakeGateway.page(
                                List.of(referral("r-0", "DECLINED", null), referral("r-1", "ACCEPTED", null)))))
                .on(
                        "POST",
                        REFERRALS + "/r-1/admission",
                        r -> FakeGateway.Answer.ok(referral("r-1", "ADMITTED", "p-7")));

        String patient = new Admission(api, new Ledger())
                .viaReferral("partner", "coordinator", Sunrise.JANE, Map.of(), "demo-referral-jane-doe-2026-05-03");

        assertThat(patient).isEqualTo("p-7");
        assertThat(gateway.writes())
                .extracting(FakeGateway.Request::path)
                .containsExactly(REFERRALS + "/r-1/admission");
    }

    @Test
    void aPatientAdmittedBeforeIsNotReferredAgain() {
        gateway.on(
                "GET",
                PATIENTS,
                r -> FakeGateway.Answer.ok(FakeGateway.page(List.of(
                        Map.of("id", "p-old", "givenName", "Jane", "familyName", "Doe", "birthDate", "1948-03-14")))));

        String patient = new Admission(api, new Ledger())
                .viaReferral("partner", "coordinator", Sunrise.JANE, Map.of(), "demo-referral-jane-doe-2026-05-03");

        assertThat(patient).isEqualTo("p-old");
        assertThat(gateway.writes()).isEmpty();
    }

    @Test
    void tokensAreReusedAndNameTheUsersSubject() {
        assertThat(tokens.subjectOf("nina.nurse")).isEqualTo("sub-nina.nurse");
        tokens.of("nina.nurse");

        assertThat(gateway.requests("POST", "/realms/hearth/protocol/openid-connect/token"))
                .hasSize(1);
    }

    /** Scheduling's roster, patient-service's patients and a care team, each remembering what was written. */
    private void riverbendServices() {
        List<Map<String, Object>> roster = new ArrayList<>();
        List<Map<String, Object>> patients = new ArrayList<>();
        AtomicLong teamVersion = new AtomicLong();
        AtomicReference<JsonNode> team = new AtomicReference<>();
        gateway.on("GET", CLINICIANS, r -> FakeGateway.Answer.ok(FakeGateway.page(roster)))
                .on("POST", CLINICIANS, r -> {
                    String id = "c-" + (roster.size() + 1);
                    roster.add(
                            Map.of("id", id, "subject", r.body().path("subject").asText()));
                    return new FakeGateway.Answer(201, Map.of("id", id), "\"1\"");
                })
                .on("GET", PATIENTS, r -> FakeGateway.Answer.ok(FakeGateway.page(patients)))
                .on("POST", PATIENTS, r -> {
                    String id = "p-" + (patients.size() + 1);
                    patients.add(Map.of(
                            "id",
                            id,
                            "givenName",
                            r.body().path("givenName").asText(),
                            "familyName",
                            r.body().path("familyName").asText(),
                            "birthDate",
                            r.body().path("birthDate").asText()));
                    return new FakeGateway.Answer(201, Map.of("id", id), null);
                })
                .on(
                        "GET",
                        PATIENTS + "/p-1/care-team",
                        r -> new FakeGateway.Answer(
                                200,
                                Map.of(
                                        "patientId",
                                        "p-1",
                                        "members",
                                        team.get() == null
                                                ? List.of()
                                                : team.get().path("members")),
                                "\"" + teamVersion.get() + "\""))
                .on("PUT", PATIENTS + "/p-1/care-team", r -> {
                    if (!("\"" + teamVersion.get() + "\"").equals(r.headers().get("if-match"))) {
                        return new FakeGateway.Answer(412, Map.of("title", "Precondition Failed"), null);
                    }
                    team.set(r.body());
                    return new FakeGateway.Answer(200, r.body(), "\"" + teamVersion.incrementAndGet() + "\"");
                });
    }

    private static Map<String, Object> referral(String id, String status, String patientId) {
        Map<String, Object> referral = new java.util.HashMap<>(Map.of(
                "id",
                id,
                "status",
                status,
                "patient",
                Map.of("givenName", "Jane", "familyName", "Doe", "birthDate", "1948-03-14")));
        if (patientId != null) {
            referral.put("patientId", patientId);
        }
        return referral;
    }
}
