package org.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 10's story as one journey through the gateway, each step by the person (or system) who does it in real
 * life, with that person's real Keycloak token. A new patient, Jane Journey, goes the whole way so that the demo's
 * Jane Doe stays as the loader left her; the demo's staff, roster and payers are reused, looked up through the APIs.
 * Between the services everything travels as events, so each step that reads another service's projection waits
 * for it, bounded, and where the API exposes a version (plan number, planVersion of a visit) waits for that version.
 */
@ExtendWith(SharedStack.class)
class JaneJourneyIT {

    static final ApiClient GATEWAY = ApiClient.onPort(LocalStack.GATEWAY_PORT);
    static final Keycloak KEYCLOAK = new Keycloak(LocalStack.KEYCLOAK_PORT);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId AGENCY_ZONE = ZoneId.of("America/New_York");
    static final Duration PATIENCE = Duration.ofSeconds(60);

    static final String PATIENTS = "/api/patients/v1/patients";
    static final String REFERRALS = "/api/patients/v1/referrals";
    static final String VISITS = "/api/scheduling/v1/visits";
    static final String CLINICIANS = "/api/scheduling/v1/clinicians";
    static final String THREADS = "/api/messaging/v1/threads";
    static final String BILLING = "/api/billing/v1";

    static final String PARTNER = "sunrise-partner";
    static final String CARLA = "carla.coordinator";
    static final String PATEL = "dr.patel";
    static final String NINA = "nina.nurse";
    static final String PETE = "pete.therapist";
    static final String BILL = "bill.billing";
    static final String FRAN = "fran.family";
    static final String RITA = "rita.coordinator";

    /** Jane's front door, a few metres from the address of the referral (EVV compares the two). */
    static final double HOME_LAT = 39.8101;

    static final double HOME_LON = -89.6601;

    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Instant> tokenTimes = new HashMap<>();
    private int step;

    private String jane;
    private String careTeamThread;
    private String ninaVisit;

    @Test
    void janeGoesHomeFromHospitalAndHearthCarriesHerStory() {
        hospitalRefersJane();
        carlaAcceptsAndAdmits();
        carlaSetsUpTeamAndFamily();
        ninaAssessesTheHome();
        carlaDraftsThePlan();
        billCoversAndChecksEligibility();
        drPatelSigns();
        billGetsThePriorAuthorizationsApproved();
        schedulingGeneratedTheVisits();
        carlaRunsTheOptimizer();
        String nina = rosterId("RN", "Nina Nurse");
        Runnable restoreHours = ninaCanVisitNow(nina);
        try {
            carlaBooksNinaNow(nina);
            ninaChecksIn();
        } finally {
            restoreHours.run();
        }
        ninaSendsAnUrgentWoundPhoto();
        drPatelAcknowledgesAndRevisesThePlan();
        futureVisitsFollowTheRevisionAndTheVisitInProgressStays();
        ninaChecksOut();
        carlaBooksPeteForTheNextWorkingDay();
        franSeesTheScheduleAndFamilyThreadButNotBilling();
        theMonitorReportsHighMornings();
        drPatelIsAlertedAdjustsThePlanAndResolves();
        billSeesTheUnitConsumed();
        transitionOfCareTasksAreDone();
        riverbendSeesNoneOfIt();
    }

    // ---- 1. referral, admission, setup -------------------------------------------------------------------------

    private void hospitalRefersJane() {
        LocalDate discharged = today().minusDays(1);
        ApiClient.Response referral = send(
                "POST",
                REFERRALS,
                partner(),
                Map.of(
                        "source",
                        "HOSPITAL_DISCHARGE",
                        "referringPhysician",
                        Map.of("name", "Dr. Priya Patel", "npi", "1234567893"),
                        "reason",
                        "Home after heart failure; wound on the left shin; unsteady after a fall",
                        "diagnoses",
                        List.of(
                                Map.of("code", "I50.9", "description", "Heart failure, unspecified", "primary", true),
                                Map.of(
                                        "code",
                                        "I10",
                                        "description",
                                        "Essential (primary) hypertension",
                                        "primary",
                                        false)),
                        "requestedDisciplines",
                        List.of("SN", "PT"),
                        "dischargeDate",
                        discharged.toString(),
                        "complexity",
                        "HIGH",
                        "patient",
                        Map.of(
                                "givenName",
                                "Jane",
                                "familyName",
                                "Journey",
                                "birthDate",
                                "1947-05-02",
                                "phone",
                                "+1 217 555 0199",
                                "language",
                                "en",
                                "address",
                                Map.of(
                                        "line1",
                                        "7 Journey Road",
                                        "city",
                                        "Springfield",
                                        "state",
                                        "IL",
                                        "postalCode",
                                        "62702",
                                        "latitude",
                                        39.8100,
                                        "longitude",
                                        -89.6600))),
                Map.of("Idempotency-Key", "journey-" + UUID.randomUUID()));
        expect(referral, 201);
        assertThat(referral.json().path("status").asString()).isEqualTo("RECEIVED");
        referralId = referral.json().path("id").asString();
        log("hospital", "posts the discharge referral of Jane Journey (HOSPITAL_DISCHARGE, client credentials)");
    }

    private String referralId;

    private void carlaAcceptsAndAdmits() {
        JsonNode accepted = expect(send("POST", REFERRALS + "/" + referralId + "/acceptance", token(CARLA), null), 200)
                .json();
        assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");
        JsonNode admitted = expect(send("POST", REFERRALS + "/" + referralId + "/admission", token(CARLA), null), 200)
                .json();
        assertThat(admitted.path("status").asString()).isEqualTo("ADMITTED");
        jane = admitted.path("patientId").asString();
        assertThat(jane).isNotBlank();
        JsonNode patient =
                expect(GATEWAY.get(PATIENTS + "/" + jane, token(CARLA)), 200).json();
        assertThat(patient.path("familyName").asString()).isEqualTo("Journey");
        // the admission travels as PatientAdmitted: scheduling, billing and messaging build their own views
        await(
                "scheduling's patient projection",
                () -> GATEWAY.get("/api/scheduling/v1/patients/" + jane, token(CARLA)),
                r -> r.status() == 200);
        await(
                "billing's patient file",
                () -> GATEWAY.get(BILLING + "/patients/" + jane, token(BILL)),
                r -> r.status() == 200);
        log("coordinator", "accepts the referral and admits Jane; scheduling and billing know her");
    }

    private void carlaSetsUpTeamAndFamily() {
        String path = PATIENTS + "/" + jane;
        List<Map<String, Object>> team = List.of(
                member(PATEL, "PHYSICIAN", "Dr. Priya Patel", true),
                member(NINA, "NURSE", "Nina Nurse", false),
                member(PETE, "PHYSICAL_THERAPIST", "Pete Therapist", false),
                member("dana.dietitian", "DIETITIAN", "Dana Diaz", false),
                member(CARLA, "COORDINATOR", "Carla Coordinator", false));
        writeVersioned(CARLA, path + "/care-team", "PUT", path + "/care-team", Map.of("members", team));
        writeVersioned(
                CARLA,
                path + "/care-circle",
                "PUT",
                path + "/care-circle",
                Map.of(
                        "members",
                        List.of(Map.of(
                                "subject",
                                subject(FRAN),
                                "displayName",
                                "Fran Journey",
                                "relationship",
                                "daughter",
                                "pointOfContact",
                                true,
                                "scopes",
                                List.of("SCHEDULE", "CARE_PLAN_SUMMARY", "MESSAGES")))));
        writeVersioned(
                CARLA,
                path,
                "PUT",
                path + "/clinical-profile",
                Map.of(
                        "homebound", Map.of("homebound", true, "reason", "Short of breath after 10 metres"),
                        "diagnoses",
                                List.of(Map.of(
                                        "code", "I50.9", "description", "Heart failure, unspecified", "primary", true)),
                        "allergies", List.of()));
        JsonNode careTeam =
                expect(GATEWAY.get(path + "/care-team", token(CARLA)), 200).json();
        assertThat(careTeam.path("leadPhysician").asString()).isEqualTo(subject(PATEL));
        assertThat(careTeam.path("members")).hasSize(5);
        log("coordinator", "sets the care team (Dr. Patel lead) and the care circle (daughter Fran, point of contact)");
    }

    private void ninaAssessesTheHome() {
        String path = PATIENTS + "/" + jane + "/assessment";
        List<Map<String, Object>> safety = new ArrayList<>();
        for (String item : List.of(
                "LOOSE_RUGS",
                "GRAB_BARS",
                "LIGHTING",
                "STAIRS_AND_RAILINGS",
                "SMOKE_DETECTORS",
                "CARBON_MONOXIDE_DETECTOR",
                "CLUTTER_AND_PATHWAYS",
                "BATHROOM_SAFETY",
                "FIRE_EXTINGUISHER",
                "EMERGENCY_NUMBERS_POSTED",
                "PETS",
                "OXYGEN_SAFETY")) {
            safety.add(
                    switch (item) {
                        case "LOOSE_RUGS" ->
                            Map.of(
                                    "item",
                                    item,
                                    "status",
                                    "HAZARD",
                                    "finding",
                                    "Runner in the hallway",
                                    "action",
                                    "Remove the hall runner");
                        case "GRAB_BARS" ->
                            Map.of(
                                    "item",
                                    item,
                                    "status",
                                    "HAZARD",
                                    "finding",
                                    "No grab bar by the tub",
                                    "action",
                                    "Order a grab bar and a shower chair");
                        case "PETS", "OXYGEN_SAFETY" -> Map.of("item", item, "status", "NOT_APPLICABLE");
                        default -> Map.of("item", item, "status", "OK");
                    });
        }
        writeVersioned(
                NINA,
                path,
                "PUT",
                path,
                Map.of(
                        "baseline",
                        List.of(
                                Map.of("vital", "SYSTOLIC_BP", "value", 138, "unit", "mm[Hg]"),
                                Map.of("vital", "HEART_RATE", "value", 78, "unit", "/min")),
                        "medicalHistory",
                        "Heart failure; hypertension; fall at home last month",
                        "functional",
                        List.of(
                                adl("BATHING", "NEEDS_ASSISTANCE"),
                                adl("DRESSING", "NEEDS_ASSISTANCE"),
                                adl("TOILETING", "INDEPENDENT"),
                                adl("TRANSFERRING", "NEEDS_ASSISTANCE"),
                                adl("AMBULATION", "NEEDS_ASSISTANCE"),
                                adl("FEEDING", "INDEPENDENT")),
                        "homeSafety",
                        safety,
                        "goals",
                        List.of("Walk to the mailbox on my own")));
        ApiClient.Response written = expect(GATEWAY.get(path, token(NINA)), 200);
        JsonNode completed = expect(
                        send("POST", path + "/completion", token(NINA), null, Map.of("If-Match", etag(written))), 200)
                .json();
        assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
        List<String> hazards = new ArrayList<>();
        completed.path("homeSafety").forEach(s -> {
            if ("HAZARD".equals(s.path("status").asString())) {
                hazards.add(s.path("item").asString());
            }
        });
        assertThat(hazards).containsExactlyInAnyOrder("LOOSE_RUGS", "GRAB_BARS");
        assertThat(GATEWAY.get(path, token(FRAN)).status()).isEqualTo(403);
        log("nurse", "completes the assessment: hazards LOOSE_RUGS and GRAB_BARS (family may not read it)");
    }

    private static Map<String, Object> adl(String activity, String level) {
        return Map.of("activity", activity, "level", level);
    }

    private void carlaDraftsThePlan() {
        String path = PATIENTS + "/" + jane + "/care-plan";
        LocalDate today = today();
        writeVersioned(
                CARLA,
                path,
                "PUT",
                path + "/draft",
                Map.of(
                        "problems",
                                List.of(
                                        Map.of(
                                                "description",
                                                "Fluid overload risk (heart failure)",
                                                "goals",
                                                List.of(Map.of(
                                                        "description",
                                                        "Weight stays within 2 kg of 71.5 kg",
                                                        "measure",
                                                        "daily weight",
                                                        "targetDate",
                                                        today.plusWeeks(4).toString()))),
                                        Map.of(
                                                "description",
                                                "Impaired mobility after a fall",
                                                "goals",
                                                List.of(Map.of(
                                                        "description",
                                                        "Walks 50 metres with a walker",
                                                        "measure",
                                                        "6-minute walk test",
                                                        "targetDate",
                                                        today.plusWeeks(2).toString())))),
                        "interventions",
                                List.of("Teach daily weights", "Wound care twice a week", "Gait and balance training"),
                        "medications",
                                List.of(
                                        Map.of(
                                                "name",
                                                "Furosemide",
                                                "dose",
                                                "40 mg",
                                                "route",
                                                "ORAL",
                                                "times",
                                                List.of("08:00"),
                                                "start",
                                                today.toString()),
                                        Map.of(
                                                "name",
                                                "Lisinopril",
                                                "dose",
                                                "10 mg",
                                                "route",
                                                "ORAL",
                                                "times",
                                                List.of("08:00"),
                                                "start",
                                                today.toString())),
                        "diet", List.of("Sodium under 2 g a day", "Fluids under 1.5 L a day"),
                        "equipment",
                                List.of(
                                        Map.of("item", "Hospital bed", "status", "ORDERED"),
                                        Map.of("item", "Walker", "status", "IN_USE")),
                        "communityServices", List.of("Meal delivery (Meals on Wheels), weekdays"),
                        "frequency", "SN 2W4, PT 3W2"));
        JsonNode draft = expect(GATEWAY.get(path, token(CARLA)), 200).json().path("draft");
        assertThat(draft.path("content").path("frequency").asString()).isEqualTo("SN 2W4, PT 3W2");
        assertThat(draft.path("content").path("equipment").toString()).contains("Hospital bed");
        assertThat(draft.path("content").path("communityServices").toString()).contains("Meal delivery");
        log("coordinator", "drafts the plan: meds, PT goals, diet, hospital bed, meal delivery, SN 2W4, PT 3W2");
    }

    private void billCoversAndChecksEligibility() {
        String file = BILLING + "/patients/" + jane;
        String payer = null;
        for (JsonNode p : expect(GATEWAY.get(BILLING + "/payers?size=200", token(BILL)), 200)
                .json()
                .path("items")) {
            if ("Prairie Medicare Advantage".equals(p.path("name").asString())) {
                payer = p.path("id").asString();
            }
        }
        assertThat(payer).as("the demo's Medicare Advantage payer").isNotNull();
        writeVersioned(
                BILL,
                file,
                "PUT",
                file + "/coverage",
                Map.of(
                        "coverages",
                        List.of(Map.of(
                                "payerId",
                                payer,
                                "memberId",
                                "A-JOURNEY-0502",
                                "plan",
                                "Prairie Advantage Gold",
                                "priority",
                                "PRIMARY",
                                "from",
                                today().withDayOfYear(1).toString()))));
        String coverage = expect(GATEWAY.get(file, token(BILL)), 200)
                .json()
                .path("coverages")
                .path(0)
                .path("id")
                .asString();
        JsonNode check = expect(
                        send("POST", file + "/eligibility-checks", token(BILL), Map.of("coverageId", coverage)), 201)
                .json();
        assertThat(check.path("status").asString()).isEqualTo("ACTIVE");
        log("billing", "records the Medicare Advantage coverage; eligibility check ACTIVE");
    }

    private void drPatelSigns() {
        String path = PATIENTS + "/" + jane + "/care-plan";
        ApiClient.Response plan = expect(GATEWAY.get(path, token(PATEL)), 200);
        // only the lead physician signs
        assertThat(send("POST", path + "/draft/signature", token(NINA), null, Map.of("If-Match", etag(plan)))
                        .status())
                .isEqualTo(403);
        JsonNode signed = expect(
                        send("POST", path + "/draft/signature", token(PATEL), null, Map.of("If-Match", etag(plan))),
                        200)
                .json();
        assertThat(signed.path("active").path("number").asInt()).isEqualTo(1);
        assertThat(signed.path("active").path("status").asString()).isEqualTo("ACTIVE");
        log("pcp", "signs the plan: version 1 ACTIVE (the nurse's signature is refused 403)");
    }

    private void billGetsThePriorAuthorizationsApproved() {
        String list = BILLING + "/authorizations?patientId=" + jane;
        JsonNode drafts = await(
                        "billing drafts authorizations from CarePlanSigned",
                        () -> GATEWAY.get(list + "&status=DRAFT", token(BILL)),
                        r -> r.status() == 200 && r.json().path("items").size() == 2)
                .json()
                .path("items");
        assertThat(drafts).hasSize(2);
        for (JsonNode auth : drafts) {
            String id = auth.path("id").asString();
            JsonNode submitted = expect(
                            send(
                                    "POST",
                                    BILLING + "/authorizations/" + id + "/submission",
                                    token(BILL),
                                    Map.of("expedited", false)),
                            200)
                    .json();
            assertThat(submitted.path("status").asString()).isEqualTo("PENDING");
            int units = auth.path("requestedUnits").asInt();
            JsonNode decided = expect(
                            send(
                                    "POST",
                                    BILLING + "/authorizations/" + id + "/decision",
                                    token(BILL),
                                    Map.of("decision", "APPROVED", "approvedUnits", units)),
                            200)
                    .json();
            assertThat(decided.path("status").asString()).isEqualTo("APPROVED");
            assertThat(decided.path("approvedUnits").asInt()).isEqualTo(units);
        }
        JsonNode known = await(
                        "scheduling learns the approvals",
                        () -> GATEWAY.get("/api/scheduling/v1/patients/" + jane + "/authorizations", token(CARLA)),
                        r -> r.status() == 200
                                && r.json().size() == 2
                                && r.body().split("\"APPROVED\"", -1).length - 1 == 2)
                .json();
        assertThat(known.toString()).contains("\"SN\"", "\"PT\"");
        log("billing", "prior authorizations SN and PT submitted and APPROVED by the payer; scheduling knows");
    }

    private void schedulingGeneratedTheVisits() {
        JsonNode visits =
                visits(r -> r.path("items").size() > 0 && allOfPlan(r, 1)).path("items");
        Map<String, Integer> byDiscipline =
                count(visits, v -> v.path("discipline").asString());
        assertThat(byDiscipline).containsOnlyKeys("SN", "PT");
        assertThat(byDiscipline.get("SN")).isEqualTo(8); // 2W4
        assertThat(byDiscipline.get("PT")).isEqualTo(6); // 3W2
        assertThat(count(visits, v -> v.path("status").asString())).containsOnlyKeys("UNSCHEDULED");
        log("scheduling", "turned SN 2W4, PT 3W2 into 8 SN and 6 PT visits (plan v1), all UNSCHEDULED");
    }

    /**
     * The optimizer plans every visit of the agency in a date range (a job may also be scoped to patients and
     * disciplines, as the console's optimizer journey does). The journey reads the plan over every patient, checks
     * Jane's part of it, and books her visits by hand below.
     */
    private void carlaRunsTheOptimizer() {
        String jobs = "/api/scheduling/v1/planning-jobs";
        JsonNode started = expect(
                        send(
                                "POST",
                                jobs,
                                token(CARLA),
                                Map.of(
                                        "from",
                                        today().toString(),
                                        "to",
                                        today().plusDays(13).toString(),
                                        "timeLimitSeconds",
                                        5,
                                        "mode",
                                        "OPTIMIZE")),
                        202)
                .json();
        String job = started.path("id").asString();
        JsonNode finished = await(
                        "the planning job",
                        () -> GATEWAY.get(jobs + "/" + job, token(CARLA)),
                        r -> r.status() == 200
                                && List.of("DONE", "STOPPED", "FAILED")
                                        .contains(r.json().path("status").asString()))
                .json();
        assertThat(finished.path("status").asString()).as(finished.toString()).isEqualTo("DONE");
        JsonNode plan = expect(GATEWAY.get(jobs + "/" + job + "/plan", token(CARLA)), 200)
                .json();
        int planned = 0;
        for (JsonNode a : plan.path("assignments")) {
            if (!jane.equals(a.path("patientId").asString())) {
                continue;
            }
            planned++;
            assertThat(a.path("clinicianName").asString())
                    .as(a.toString())
                    .isEqualTo("SN".equals(a.path("discipline").asString()) ? "Nina Nurse" : "Pete Therapist");
            ZonedDateTime start = Instant.parse(a.path("start").asString()).atZone(AGENCY_ZONE);
            ZonedDateTime end = Instant.parse(a.path("end").asString()).atZone(AGENCY_ZONE);
            assertThat(start.getDayOfWeek().getValue()).as(a.toString()).isLessThanOrEqualTo(5);
            assertThat(start.toLocalTime()).as(a.toString()).isAfterOrEqualTo(LocalTime.of(8, 0));
            assertThat(end.toLocalTime()).as(a.toString()).isBeforeOrEqualTo(LocalTime.of(17, 0));
        }
        assertThat(planned).as("Jane's visits in the optimizer's plan: " + plan).isPositive();
        log(
                "coordinator",
                "runs the optimizer for 14 days: " + planned + " of Jane's visits planned in working hours"
                        + " (plan read, not applied)");
    }

    // ---- 2. the first nursing visit ----------------------------------------------------------------------------

    /**
     * EVV opens check-in two hours before the start and booking refuses starts in the past, so Nina's visit must
     * start soon. Outside the demo's working hours (Mon–Fri 08:00–17:00 New York) Carla extends Nina's hours for
     * the day first, and the journey restores them right after the check-in.
     */
    private Runnable ninaCanVisitNow(String nina) {
        ZonedDateTime start = visitStart();
        ZonedDateTime end = start.plusMinutes(45);
        boolean workingHours = start.getDayOfWeek().getValue() <= 5
                && !start.toLocalTime().isBefore(LocalTime.of(8, 0))
                && !end.toLocalTime().isAfter(LocalTime.of(17, 0))
                && end.toLocalDate().equals(start.toLocalDate());
        if (workingHours) {
            return () -> {};
        }
        ApiClient.Response current = expect(GATEWAY.get(CLINICIANS + "/" + nina, token(CARLA)), 200);
        ObjectNode original = (ObjectNode) current.json();
        original.remove("id");
        ObjectNode extended = original.deepCopy();
        ArrayNode hours = extended.putArray("hours");
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.addObject().put("day", day.name()).put("start", "00:00").put("end", "23:59");
        }
        ApiClient.Response changed = expect(
                send("PUT", CLINICIANS + "/" + nina, token(CARLA), extended, Map.of("If-Match", etag(current))), 200);
        log("coordinator", "extends Nina's hours for today's visit (outside Mon-Fri 08-17 New York)");
        return () -> expect(
                send("PUT", CLINICIANS + "/" + nina, token(CARLA), original, Map.of("If-Match", etag(changed))), 200);
    }

    private void carlaBooksNinaNow(String nina) {
        ZonedDateTime start = visitStart();
        LocalDate day = start.toLocalDate();
        JsonNode visit = firstUnscheduled("SN", day);
        ninaVisit = visit.path("id").asString();
        ApiClient.Response current = expect(GATEWAY.get(VISITS + "/" + ninaVisit, token(CARLA)), 200);
        Map<String, Object> booking = Map.of(
                "clinicianId",
                nina,
                "start",
                start.toInstant().toString(),
                "end",
                start.plusMinutes(45).toInstant().toString());
        assertThat(send("PUT", VISITS + "/" + ninaVisit + "/booking", token(CARLA), booking)
                        .status())
                .as("booking without If-Match")
                .isEqualTo(428);
        JsonNode booked = expect(
                        send(
                                "PUT",
                                VISITS + "/" + ninaVisit + "/booking",
                                token(CARLA),
                                booking,
                                Map.of("If-Match", etag(current))),
                        200)
                .json();
        assertThat(booked.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(booked.path("booking").path("start").asString()))
                .isEqualTo(start.toInstant());
        assertThat(booked.path("booking").path("units").asInt()).isEqualTo(1);
        log("coordinator", "books Nina's SN visit today at " + start.toLocalTime() + " New York (1 SN unit reserved)");
    }

    private void ninaChecksIn() {
        JsonNode checkedIn = expect(
                        send(
                                "POST",
                                VISITS + "/" + ninaVisit + "/check-in",
                                token(NINA),
                                Map.of("latitude", HOME_LAT, "longitude", HOME_LON)),
                        200)
                .json();
        assertThat(checkedIn.path("status").asString()).isEqualTo("CHECKED_IN");
        assertThat(checkedIn.path("checkIn").path("at").asString()).isNotBlank();
        assertThat(checkedIn.path("evvExceptions")).isEmpty();
        log("nurse", "checks in at Jane's door (EVV position within 200 m, no exception)");
    }

    private void ninaSendsAnUrgentWoundPhoto() {
        JsonNode threads = await(
                        "messaging opens the care-team thread with Nina as member",
                        () -> GATEWAY.get(THREADS + "?size=200", token(NINA)),
                        r -> r.status() == 200 && threadOf(r.json(), "CARE_TEAM") != null)
                .json();
        careTeamThread = threadOf(threads, "CARE_TEAM");
        assertThat(careTeamThread).isNotNull();
        byte[] png = Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        String photo = expect(
                        upload(THREADS + "/" + careTeamThread + "/attachments", token(NINA), "wound.png", png), 201)
                .json()
                .path("id")
                .asString();
        JsonNode message = expect(
                        send(
                                "POST",
                                THREADS + "/" + careTeamThread + "/messages",
                                token(NINA),
                                Map.of(
                                        "body",
                                                "Shin wound larger and red at the edges, photo attached. Please advise.",
                                        "urgent", Map.of("recipient", subject(PATEL), "backup", subject(CARLA)),
                                        "attachmentIds", List.of(photo))),
                        201)
                .json();
        assertThat(message.path("urgent").path("dueAt").asString()).isNotBlank();
        assertThat(message.path("urgent").path("acknowledgedAt").isNull()
                        || message.path("urgent").path("acknowledgedAt").isMissingNode())
                .isTrue();
        assertThat(message.path("attachmentIds").toString()).contains(photo);
        log("nurse", "sends a wound photo as an urgent message to Dr. Patel (backup Carla)");
    }

    private void drPatelAcknowledgesAndRevisesThePlan() {
        JsonNode messages = expect(GATEWAY.get(THREADS + "/" + careTeamThread + "/messages", token(PATEL)), 200)
                .json();
        String urgent = null;
        for (JsonNode m : messages) {
            if (!m.path("urgent").isMissingNode()
                    && !m.path("urgent").isNull()
                    && m.path("urgent").path("recipient").asString().equals(subject(PATEL))
                    && !"system".equals(m.path("author").asString())) {
                urgent = m.path("id").asString();
            }
        }
        assertThat(urgent).as("Nina's urgent message in Dr. Patel's view").isNotNull();
        JsonNode acknowledged = expect(
                        send(
                                "POST",
                                THREADS + "/" + careTeamThread + "/messages/" + urgent + "/acknowledgement",
                                token(PATEL),
                                null),
                        200)
                .json();
        assertThat(acknowledged.path("urgent").path("acknowledgedAt").asString())
                .isNotBlank();
        assertThat(acknowledged.path("urgent").path("escalatedAt").isNull()
                        || acknowledged.path("urgent").path("escalatedAt").isMissingNode())
                .isTrue();

        int version = revisePlan(PATEL, content -> {
            content.put("frequency", "SN 3W1, 2W3, PT 3W2");
            ((ArrayNode) content.path("interventions")).add("Wound culture; dressing change at each nursing visit");
        });
        assertThat(version).isEqualTo(2);
        JsonNode diff = expect(GATEWAY.get(PATIENTS + "/" + jane + "/care-plan/diff?from=1&to=2", token(PATEL)), 200)
                .json();
        assertThat(diff.path("changes").toString()).contains("Wound culture");
        log("pcp", "acknowledges the urgent message and signs plan v2: SN 3W1, 2W3, PT 3W2 + wound culture");
    }

    private void futureVisitsFollowTheRevisionAndTheVisitInProgressStays() {
        JsonNode visits = visits(r -> {
                    for (JsonNode v : r.path("items")) {
                        if (v.path("planVersion").asInt() == 1
                                && !v.path("id").asString().equals(ninaVisit)) {
                            return false;
                        }
                    }
                    return r.path("items").size() > 1;
                })
                .path("items");
        Map<String, Integer> byVersion = count(
                visits,
                v -> "v" + v.path("planVersion").asInt() + " "
                        + v.path("discipline").asString() + " "
                        + v.path("status").asString());
        assertThat(byVersion).containsEntry("v1 SN CHECKED_IN", 1);
        assertThat(byVersion.keySet()).allMatch(k -> k.equals("v1 SN CHECKED_IN") || k.startsWith("v2 "));
        assertThat(byVersion.get("v2 SN UNSCHEDULED")).isEqualTo(8); // 3W1, 2W3 = 9, one of them in progress
        assertThat(byVersion.get("v2 PT UNSCHEDULED")).isEqualTo(6);
        log("scheduling", "future visits follow plan v2 (8 SN, 6 PT); Nina's visit in progress stays on v1");
    }

    private void ninaChecksOut() {
        JsonNode completed = expect(
                        send(
                                "POST",
                                VISITS + "/" + ninaVisit + "/check-out",
                                token(NINA),
                                Map.of("latitude", HOME_LAT, "longitude", HOME_LON)),
                        200)
                .json();
        assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.path("planVersion").asInt()).isEqualTo(1);
        log("nurse", "checks out: visit COMPLETED, still on plan v1");
    }

    // ---- 3. family, remote monitoring, billing, transition of care, isolation -------------------------------------

    private void carlaBooksPeteForTheNextWorkingDay() {
        LocalDate day = today().plusDays(1);
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.plusDays(1);
        }
        String pete = rosterId("PT", "Pete Therapist");
        JsonNode visit = firstUnscheduled("PT", day);
        String id = visit.path("id").asString();
        ApiClient.Response current = expect(GATEWAY.get(VISITS + "/" + id, token(CARLA)), 200);
        ZonedDateTime start = day.atTime(10, 0).atZone(AGENCY_ZONE);
        JsonNode booked = expect(
                        send(
                                "PUT",
                                VISITS + "/" + id + "/booking",
                                token(CARLA),
                                Map.of(
                                        "clinicianId",
                                        pete,
                                        "start",
                                        start.toInstant().toString(),
                                        "end",
                                        start.plusHours(1).toInstant().toString()),
                                Map.of("If-Match", etag(current))),
                        200)
                .json();
        assertThat(booked.path("status").asString()).isEqualTo("SCHEDULED");
        log("coordinator", "books Pete's PT visit on " + day + " 10:00 New York");
    }

    private void franSeesTheScheduleAndFamilyThreadButNotBilling() {
        JsonNode schedule = await(
                        "Fran's schedule view",
                        () -> GATEWAY.get("/api/scheduling/v1/patients/" + jane + "/visits", token(FRAN)),
                        r -> r.status() == 200 && r.json().path("familyView").size() > 0)
                .json();
        JsonNode family = schedule.path("familyView");
        assertThat(family).hasSize(1);
        assertThat(family.path(0).path("discipline").asString()).isEqualTo("PT");
        assertThat(family.toString()).contains("Pete").doesNotContain("Therapist");
        JsonNode summary = expect(GATEWAY.get(PATIENTS + "/" + jane + "/care-plan/summary", token(FRAN)), 200)
                .json();
        assertThat(summary.path("version").asInt()).isEqualTo(2);
        JsonNode threads = await(
                        "Fran's family thread",
                        () -> GATEWAY.get(THREADS + "?size=200", token(FRAN)),
                        r -> r.status() == 200 && threadOf(r.json(), "FAMILY") != null)
                .json();
        assertThat(threadOf(threads, "FAMILY")).isNotNull();
        assertThat(threadOf(threads, "CARE_TEAM")).isNull();
        assertThat(GATEWAY.get(BILLING + "/patients/" + jane, token(FRAN)).status())
                .isIn(403, 404);
        assertThat(GATEWAY.get(BILLING + "/authorizations?patientId=" + jane, token(FRAN))
                        .status())
                .isIn(403, 404);
        assertThat(GATEWAY.get(PATIENTS + "/" + jane + "/care-team", token(FRAN))
                        .status())
                .isIn(403, 404);
        log("family", "Fran sees Pete's visit, plan summary v2 and the FAMILY thread; billing and care team refused");
    }

    private void theMonitorReportsHighMornings() {
        List<Map<String, Object>> readings = new ArrayList<>();
        for (int daysAgo = 3; daysAgo >= 1; daysAgo--) {
            Instant morning =
                    today().minusDays(daysAgo).atTime(7, 30).atZone(AGENCY_ZONE).toInstant();
            readings.add(Map.of(
                    "id",
                    UUID.randomUUID().toString(),
                    "vital",
                    "SYSTOLIC_BP",
                    "value",
                    150 + daysAgo * 2,
                    "unit",
                    "mm[Hg]",
                    "observedAt",
                    morning.toString()));
        }
        String path = PATIENTS + "/" + jane + "/observations";
        JsonNode first = expect(send("POST", path, partner(), Map.of("observations", readings)), 200, 201, 202)
                .json();
        assertThat(first.path("accepted").asInt()).isEqualTo(3);
        JsonNode resent = expect(send("POST", path, partner(), Map.of("observations", readings)), 200, 201, 202)
                .json();
        assertThat(resent.path("accepted").asInt()).isZero();
        assertThat(resent.path("alreadyRecorded").asInt()).isEqualTo(3);
        log("monitor", "three morning systolic readings 152-156 mmHg (a resend stores nothing twice)");
    }

    private String alert;

    private void drPatelIsAlertedAdjustsThePlanAndResolves() {
        JsonNode alerts = await(
                        "the morning-systolic alert",
                        () -> GATEWAY.get(PATIENTS + "/" + jane + "/alerts", token(PATEL)),
                        r -> r.status() == 200 && r.body().contains("MORNING_SYSTOLIC_150_3_OF_5"))
                .json();
        for (JsonNode a : alerts.path("items")) {
            if ("MORNING_SYSTOLIC_150_3_OF_5".equals(a.path("rule").asString())) {
                alert = a.path("id").asString();
                assertThat(a.path("status").asString()).isEqualTo("OPEN");
                assertThat(a.path("severity").asString()).isEqualTo("HIGH");
                assertThat(a.path("owner").asString()).isEqualTo(subject(PATEL));
            }
        }
        JsonNode notice = await(
                        "the alert notice in the care-team thread",
                        () -> GATEWAY.get(THREADS + "/" + careTeamThread + "/messages", token(PATEL)),
                        r -> r.status() == 200 && r.body().contains("MORNING_SYSTOLIC_150_3_OF_5"))
                .json();
        boolean urgentForPatel = false;
        for (JsonNode m : notice) {
            if ("system".equals(m.path("author").asString())
                    && m.path("body").asString().contains("MORNING_SYSTOLIC")) {
                urgentForPatel |=
                        subject(PATEL).equals(m.path("urgent").path("recipient").asString());
            }
        }
        assertThat(urgentForPatel)
                .as("the alert is an urgent item for Dr. Patel")
                .isTrue();
        log("pcp", "alert MORNING_SYSTOLIC_150_3_OF_5 (HIGH) owned by Dr. Patel, urgent in the care-team thread");

        String base = PATIENTS + "/" + jane + "/alerts/" + alert;
        assertThat(expect(send("POST", base + "/acknowledgement", token(PATEL), null), 200)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("ACKNOWLEDGED");
        int version = revisePlan(
                PATEL,
                content -> ((ArrayNode) content.path("medications"))
                        .addObject()
                        .put("name", "Amlodipine")
                        .put("dose", "5 mg")
                        .put("route", "ORAL")
                        .put("start", today().toString())
                        .putArray("times")
                        .add("08:00"));
        assertThat(version).isEqualTo(3);
        JsonNode resolved = expect(
                        send(
                                "POST",
                                base + "/resolution",
                                token(PATEL),
                                Map.of("note", "Amlodipine added", "planVersion", version)),
                        200)
                .json();
        assertThat(resolved.path("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.path("planVersion").asInt()).isEqualTo(3);
        log("pcp", "acknowledges, adds amlodipine (plan v3) and resolves the alert");
    }

    private void billSeesTheUnitConsumed() {
        JsonNode auths = await(
                        "billing reads VisitCompleted",
                        () -> GATEWAY.get(BILLING + "/authorizations?patientId=" + jane, token(BILL)),
                        r -> r.status() == 200 && r.body().contains("\"unitsUsed\":1"))
                .json();
        for (JsonNode a : auths.path("items")) {
            assertThat(a.path("unitsUsed").asInt())
                    .as(a.path("discipline").asString())
                    .isEqualTo("SN".equals(a.path("discipline").asString()) ? 1 : 0);
        }
        // "authorization low -> coordinator notified" needs at most 20 % left (seven of eight SN visits completed)
        // and is delivered live on /api/messaging/v1/stream; this journey completes one visit.
        log("billing", "SN authorization: 1 unit used by the completed visit, PT none");
    }

    private void transitionOfCareTasksAreDone() {
        String path = PATIENTS + "/" + jane + "/transition-of-care";
        JsonNode toc = expect(GATEWAY.get(path, token(CARLA)), 200).json();
        assertThat(toc.path("dischargedOn").asString())
                .isEqualTo(today().minusDays(1).toString());
        assertThat(toc.path("complexity").asString()).isEqualTo("HIGH");
        for (JsonNode task : toc.path("tasks")) {
            assertThat(LocalDate.parse(task.path("dueOn").asString())).isAfterOrEqualTo(today());
        }
        expect(send("POST", path + "/tasks/INTERACTIVE_CONTACT/completion", token(NINA), null), 200);
        JsonNode done = expect(send("POST", path + "/tasks/FACE_TO_FACE_VISIT/completion", token(PATEL), null), 200)
                .json();
        Map<String, Integer> statuses = count(
                done.path("tasks"),
                t -> t.path("type").asString() + " " + t.path("status").asString());
        assertThat(statuses).containsEntry("INTERACTIVE_CONTACT DONE", 1).containsEntry("FACE_TO_FACE_VISIT DONE", 1);
        assertThat(send("POST", path + "/tasks/INTERACTIVE_CONTACT/completion", token(NINA), null)
                        .status())
                .isEqualTo(409);
        log("team", "transition of care: interactive contact and face-to-face visit DONE before they are due");
    }

    private void riverbendSeesNoneOfIt() {
        String rita = token(RITA);
        for (String path : List.of(
                PATIENTS + "/" + jane,
                PATIENTS + "/" + jane + "/care-plan",
                "/api/scheduling/v1/patients/" + jane + "/visits",
                VISITS + "/" + ninaVisit,
                THREADS + "/" + careTeamThread)) {
            ApiClient.Response foreign = GATEWAY.get(path, rita);
            assertThat(foreign.status()).as(path).isEqualTo(404);
        }
        assertThat(expect(GATEWAY.get(PATIENTS + "?size=200", rita), 200).body())
                .doesNotContain(jane)
                .doesNotContain("Journey");
        log("riverbend", "rita.coordinator gets 404 for Jane's record, plan, visits and thread; not in her list");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private void log(String actor, String what) {
        System.out.printf("journey %02d %-12s %s%n", ++step, actor, what);
    }

    private static LocalDate today() {
        return LocalDate.now(AGENCY_ZONE);
    }

    /** A start a few minutes ahead on a five-minute mark (check-in opens two hours before it). */
    private static ZonedDateTime visitStart() {
        ZonedDateTime soon = ZonedDateTime.now(AGENCY_ZONE).plusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
        return soon.plusMinutes((5 - soon.getMinute() % 5) % 5);
    }

    /** Tokens live five minutes; the journey takes a fresh one for anyone whose token is older than two. */
    private String token(String username) {
        Instant taken = tokenTimes.get(username);
        if (taken == null || taken.isBefore(Instant.now().minusSeconds(120))) {
            tokens.put(username, KEYCLOAK.userToken(username));
            tokenTimes.put(username, Instant.now());
        }
        return tokens.get(username);
    }

    private String partner() {
        Instant taken = tokenTimes.get(PARTNER);
        if (taken == null || taken.isBefore(Instant.now().minusSeconds(120))) {
            tokens.put(PARTNER, KEYCLOAK.partnerToken(PARTNER, "sunrise-partner-secret"));
            tokenTimes.put(PARTNER, Instant.now());
        }
        return tokens.get(PARTNER);
    }

    private String subject(String username) {
        return Keycloak.claims(token(username)).path("sub").asString();
    }

    private Map<String, Object> member(String username, String role, String name, boolean lead) {
        return Map.of("subject", subject(username), "role", role, "displayName", name, "lead", lead);
    }

    private ApiClient.Response send(String method, String path, String token, Object body) {
        return send(method, path, token, body, Map.of());
    }

    private ApiClient.Response send(
            String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = GATEWAY.request(path, token);
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return GATEWAY.send(request);
    }

    private ApiClient.Response upload(String path, String token, String filename, byte[] content) {
        String boundary = "journey" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return GATEWAY.send(GATEWAY.request(path, token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static ApiClient.Response expect(ApiClient.Response response, Integer... statuses) {
        assertThat(response.status())
                .as(response.raw().request().method() + " "
                        + response.raw().request().uri() + " answered " + response.body())
                .isIn((Object[]) statuses);
        return response;
    }

    private static String etag(ApiClient.Response response) {
        return response.header("ETag")
                .orElseThrow(
                        () -> new AssertionError("no ETag on " + response.raw().uri()));
    }

    /** Read, then write with the ETag just read (or version 0 for what does not exist yet), as a careful client does. */
    private void writeVersioned(String user, String readPath, String method, String writePath, Object body) {
        ApiClient.Response current = expect(GATEWAY.get(readPath, token(user)), 200, 404);
        String etag = current.status() == 200 ? etag(current) : "\"0\"";
        expect(send(method, writePath, token(user), body, Map.of("If-Match", etag)), 200, 201);
    }

    /** Drafts a revision of the active plan and signs it as the lead physician; answers the new plan number. */
    private int revisePlan(String physician, java.util.function.Consumer<ObjectNode> change) {
        String path = PATIENTS + "/" + jane + "/care-plan";
        ApiClient.Response current = expect(GATEWAY.get(path, token(physician)), 200);
        ObjectNode content =
                (ObjectNode) current.json().path("active").path("content").deepCopy();
        change.accept(content);
        ApiClient.Response draft = expect(
                send("PUT", path + "/draft", token(physician), content, Map.of("If-Match", etag(current))), 200, 201);
        JsonNode signed = expect(
                        send(
                                "POST",
                                path + "/draft/signature",
                                token(physician),
                                null,
                                Map.of("If-Match", etag(draft))),
                        200)
                .json();
        return signed.path("active").path("number").asInt();
    }

    private String rosterId(String discipline, String name) {
        for (JsonNode c : expect(GATEWAY.get(CLINICIANS + "?discipline=" + discipline + "&size=200", token(CARLA)), 200)
                .json()
                .path("items")) {
            if (name.equals(c.path("name").asString())) {
                return c.path("id").asString();
            }
        }
        throw new AssertionError(name + " is not on the demo's roster");
    }

    private JsonNode visits(Predicate<JsonNode> caughtUp) {
        return await(
                        "Jane's visits",
                        () -> GATEWAY.get(VISITS + "?patientId=" + jane + "&size=200", token(CARLA)),
                        r -> r.status() == 200 && caughtUp.test(r.json()))
                .json();
    }

    private JsonNode firstUnscheduled(String discipline, LocalDate day) {
        for (JsonNode v : visits(r -> true).path("items")) {
            if (discipline.equals(v.path("discipline").asString())
                    && "UNSCHEDULED".equals(v.path("status").asString())
                    && !LocalDate.parse(v.path("earliest").asString()).isAfter(day)
                    && !LocalDate.parse(v.path("latest").asString()).isBefore(day)) {
                return v;
            }
        }
        throw new AssertionError("no unscheduled " + discipline + " visit of Jane's covers " + day);
    }

    private static boolean allOfPlan(JsonNode page, int version) {
        for (JsonNode v : page.path("items")) {
            if (v.path("planVersion").asInt() != version) {
                return false;
            }
        }
        return true;
    }

    private String threadOf(JsonNode page, String kind) {
        for (JsonNode t : page.path("items")) {
            if (kind.equals(t.path("kind").asString())
                    && jane.equals(t.path("patientId").asString())) {
                return t.path("id").asString();
            }
        }
        return null;
    }

    private static Map<String, Integer> count(JsonNode items, java.util.function.Function<JsonNode, String> key) {
        Map<String, Integer> counts = new HashMap<>();
        items.forEach(i -> counts.merge(key.apply(i), 1, Integer::sum));
        return counts;
    }

    private static ApiClient.Response await(
            String what, Supplier<ApiClient.Response> attempt, Predicate<ApiClient.Response> done) {
        return Eventually.await(what, PATIENCE, attempt, done);
    }
}
