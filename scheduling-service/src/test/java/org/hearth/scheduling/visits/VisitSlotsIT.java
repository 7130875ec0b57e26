package org.hearth.scheduling.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.MutableClock;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicWriter;
import org.hearth.platform.test.story.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Free slots and blockers through the public API: what they offer is what booking accepts, what they refuse is
 * said in the booking rules' words. Sunday 6 January 2030 (America/New_York): Nina works Monday to Wednesday 08:00-16:00.
 */
@HearthServiceTest
@Import(MutableClock.Config.class)
class VisitSlotsIT {

    static final String VISITS = "/api/scheduling/v1/visits";
    static final Instant SUNDAY_NOON = Instant.parse("2030-01-06T17:00:00Z");
    static final double LAT = 39.7817;
    static final double LON = -89.6501;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    ApiClient api;
    TopicWriter kafka;
    final String agency = UUID.randomUUID().toString();
    final String patient = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        clock.set(SUNDAY_NOON);
        api = ApiClient.onPort(port);
        kafka = new TopicWriter();
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    String token(String role, String subject, String agencyId) {
        return TestTokenIssuer.shared()
                .token()
                .agency("a", agencyId)
                .roles(role)
                .subject(subject)
                .audience("scheduling-service")
                .sign();
    }

    String coordinator() {
        return Tokens.coordinator(agency)
                .subject("carla-sub")
                .audience("scheduling-service")
                .sign();
    }

    void publish(String topic, String type, String patientId, String body) {
        assertThat(EventContracts.violations(type, body)).as(body).isEmpty();
        kafka.send(topic, patientId, TopicWriter.envelope(UUID.randomUUID().toString(), type, patientId, agency), body);
    }

    void admit(String patientId) {
        publish("hearth.patient.events", "org.hearth.patient.PatientAdmitted.v1", patientId, """
                {"patientId":"%s","admittedAt":"2030-01-02T15:00:00Z","status":"ACTIVE","language":"en",
                 "postalCode":"62701","latitude":%s,"longitude":%s}""".formatted(
                        patientId, LAT, LON));
        publish("hearth.patient.events", "org.hearth.patient.CareTeamChanged.v1", patientId, """
                {"patientId":"%s","changedAt":"2030-01-02T16:00:00Z","leadPhysician":"dr-sub",
                 "members":[{"subject":"dr-sub","role":"PHYSICIAN"},{"subject":"nina-sub","role":"NURSE"}]}""".formatted(patientId));
        publish("hearth.patient.events", "org.hearth.patient.CareCircleChanged.v1", patientId, """
                {"patientId":"%s","changedAt":"2030-01-02T16:10:00Z",
                 "members":[{"subject":"fran-sub","scopes":["SCHEDULE","MESSAGES"]},{"subject":"sam-sub","scopes":["VITALS"]}]}""".formatted(
                        patientId));
    }

    void sign(String patientId, int version, String signedAt, String discipline, int perWeek, int weeks) {
        publish("hearth.patient.events", "org.hearth.patient.CarePlanSigned.v1", patientId, """
                {"patientId":"%s","planVersion":%d,"supersedesVersion":%s,"signedAt":"%s","signedBy":"dr-sub",
                 "frequencyOrders":[{"discipline":"%s","segments":[{"minPerWeek":%d,"maxPerWeek":%d,"weeks":%d}],"prnVisits":0}]}""".formatted(
                        patientId,
                        version,
                        version > 1 ? String.valueOf(version - 1) : "null",
                        signedAt,
                        discipline,
                        perWeek,
                        perWeek,
                        weeks));
    }

    String clinician(String agencyId, String subject, String name, String discipline) {
        ApiClient.Response added =
                api.post("/api/scheduling/v1/clinicians", token("coordinator", "carla-sub", agencyId), """
                {"subject":"%s","name":"%s","discipline":"%s","skills":["wound-care"],
                 "certifications":[{"name":"BLS","expiresOn":"2031-03-31"}],
                 "homeBase":{"latitude":39.80,"longitude":-89.65},
                 "hours":[{"day":"MONDAY","start":"08:00","end":"16:00"},{"day":"TUESDAY","start":"08:00","end":"16:00"},
                          {"day":"WEDNESDAY","start":"08:00","end":"16:00"}],
                 "maxVisitsPerDay":5,"timeOff":[],"active":true}""".formatted(
                                subject, name, discipline));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().path("id").asString();
    }

    List<JsonNode> visitsOf(String patientId, String status, int expected) {
        JsonNode page = Eventually.await(
                        Duration.ofSeconds(20),
                        () -> api.get(VISITS + "?patientId=" + patientId + "&status=" + status, coordinator()),
                        r -> r.status() == 200 && r.json().path("totalItems").asInt() == expected)
                .json();
        return page.path("items").valueStream().toList();
    }

    ApiClient.Response book(String visitId, String etag, String body) {
        HttpRequest.Builder request = api.request(VISITS + "/" + visitId + "/booking", coordinator())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return api.send(request);
    }

    static String booking(String clinicianId, String start, String end) {
        return """
                {"clinicianId":"%s","start":"%s","end":"%s"}""".formatted(clinicianId, start, end);
    }

    JsonNode slots(String visitId, String query) {
        ApiClient.Response answer = api.get(VISITS + "/" + visitId + "/slots?" + query, coordinator());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static List<String> startsOf(JsonNode clinician) {
        return clinician
                .path("slots")
                .valueStream()
                .map(s -> s.path("start").asString())
                .toList();
    }

    @Test
    void slotsAreWhatTheRulesAcceptWithLoadAndTravelAndTheAgencyZone() {
        admit(patient);
        sign(patient, 1, "2030-01-06T15:00:00Z", "SN", 2, 1);
        List<JsonNode> open = visitsOf(patient, "UNSCHEDULED", 2);
        String nina = clinician(agency, "nina-sub", "Nina Nurse", "RN");
        clinician(agency, "pete-sub", "Pete Therapist", "PT");
        String first = open.get(0).path("id").asString();
        String second = open.get(1).path("id").asString();

        JsonNode monday = slots(first, "date=2030-01-07&minutes=60");
        assertThat(monday.path("zone").asString()).isEqualTo("America/New_York");
        assertThat(monday.path("clinicians")).hasSize(1); // the therapist may not make nursing visits
        JsonNode ninaSlots = monday.path("clinicians").get(0);
        assertThat(ninaSlots.path("name").asString()).isEqualTo("Nina Nurse");
        assertThat(ninaSlots.path("maxVisitsPerDay").asInt()).isEqualTo(5);
        assertThat(startsOf(ninaSlots))
                .startsWith("2030-01-07T13:00:00Z", "2030-01-07T13:30:00Z")
                .endsWith("2030-01-07T20:00:00Z")
                .hasSize(15); // 08:00 ET to 15:00 ET, every half hour
        assertThat(ninaSlots
                        .path("slots")
                        .get(0)
                        .path("travelMinutesFromPrevious")
                        .asLong())
                .isPositive();

        // booked 10:00-11:00 ET: the other visit's slots leave room for it and for travel, and the load counts it
        assertThat(book(first, "\"1\"", booking(nina, "2030-01-07T15:00:00Z", "2030-01-07T16:00:00Z"))
                        .status())
                .isEqualTo(200);
        JsonNode after =
                slots(second, "date=2030-01-07&minutes=60").path("clinicians").get(0);
        assertThat(after.path("visitsThatDay").asInt()).isEqualTo(1);
        assertThat(after.path("visitsThatWeek").asInt()).isEqualTo(1);
        assertThat(startsOf(after))
                .contains("2030-01-07T13:00:00Z", "2030-01-07T13:30:00Z")
                .contains("2030-01-07T14:00:00Z", "2030-01-07T16:00:00Z") // back to back: the same home, no travel
                .doesNotContain("2030-01-07T14:30:00Z", "2030-01-07T15:00:00Z", "2030-01-07T15:30:00Z");
        JsonNode afterVisit = after.path("slots")
                .valueStream()
                .filter(s -> s.path("start").asString().compareTo("2030-01-07T16:00:00Z") >= 0)
                .findFirst()
                .orElseThrow();
        assertThat(afterVisit.path("travelMinutesFromPrevious").asLong())
                .isLessThan(after.path("slots")
                        .get(0)
                        .path("travelMinutesFromPrevious")
                        .asLong()); // from the same home, not the base
        String offered = afterVisit.path("start").asString();
        String end = java.time.Instant.parse(offered).plus(Duration.ofHours(1)).toString();
        assertThat(book(second, "\"1\"", booking(nina, offered, end)).status()).isEqualTo(200);

        // Saturday: nobody works; the rules say so, for Nina and for the visit
        JsonNode saturday = slots(second, "date=2030-01-12&minutes=30");
        assertThat(saturday.path("clinicians").get(0).path("slots")).isEmpty();
        assertThat(saturday.path("clinicians")
                        .get(0)
                        .path("why")
                        .get(0)
                        .path("rule")
                        .asString())
                .isEqualTo("CLINICIAN_UNAVAILABLE");
        assertThat(saturday.path("blockers")
                        .valueStream()
                        .map(b -> b.path("rule").asString())
                        .toList())
                .contains("CLINICIAN_UNAVAILABLE");

        // telehealth: no travel to a video call
        JsonNode video = slots(second, "date=2030-01-08&minutes=30&type=TELEHEALTH")
                .path("clinicians")
                .get(0);
        assertThat(video.path("slots").get(0).path("travelMinutesFromPrevious").asLong())
                .isZero();

        assertThat(api.get(VISITS + "/" + second + "/slots?minutes=5", coordinator())
                        .status())
                .isEqualTo(400);
        assertThat(api.get(VISITS + "/" + second + "/slots", token("nurse", "nina-sub", agency))
                        .status())
                .isEqualTo(403);
        assertThat(api.get(
                                VISITS + "/" + second + "/slots",
                                token("coordinator", "x", UUID.randomUUID().toString()))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theBoardSaysWhatBlocksAVisitInTheRulesWords() {
        admit(patient);
        sign(patient, 1, "2030-01-06T15:00:00Z", "SN", 1, 1);
        String sn = visitsOf(patient, "UNSCHEDULED", 1).get(0).path("id").asString();
        String other = UUID.randomUUID().toString();
        admit(other);
        sign(other, 1, "2030-01-06T15:00:00Z", "ST", 1, 1);
        String st = Eventually.await(
                        Duration.ofSeconds(20),
                        () -> api.get(VISITS + "?patientId=" + other, coordinator())
                                .json(),
                        page -> page.path("totalItems").asInt() == 1)
                .path("items")
                .get(0)
                .path("id")
                .asString();
        clinician(agency, "nina-sub", "Nina Nurse", "RN");

        JsonNode before = api.get("/api/scheduling/v1/board/blockers?week=2030-01-08", coordinator())
                .json();
        assertThat(before.path("weekStart").asString()).isEqualTo("2030-01-06");
        assertThat(before.path("zone").asString()).isEqualTo("America/New_York");
        assertThat(api.get("/api/scheduling/v1/board?week=2030-01-08", coordinator())
                        .json()
                        .path("zone")
                        .asString())
                .isEqualTo("America/New_York");
        assertThat(before.path("visits").has(sn)).as(before.toString()).isFalse(); // Nina can take it
        assertThat(before.path("visits").path(st).get(0).path("rule").asString())
                .isEqualTo("NO_QUALIFIED_CLINICIAN");
        assertThat(before.path("visits").path(st).get(0).path("message").asString())
                .contains("ST");

        // billing drafted an authorization the payer has not approved: every candidate breaks that rule
        publish("hearth.billing.events", "org.hearth.billing.AuthorizationStatusChanged.v1", patient, """
                {"authorizationId":"%s","patientId":"%s","discipline":"SN","status":"PENDING","unit":"VISIT",
                 "from":"2030-01-01","to":"2030-03-01","payerId":"medicaid","changedAt":"2030-01-05T10:00:00Z"}""".formatted(
                        UUID.randomUUID(), patient));
        JsonNode blocked = Eventually.await(
                Duration.ofSeconds(20),
                () -> api.get("/api/scheduling/v1/board/blockers?week=2030-01-08", coordinator())
                        .json(),
                b -> b.path("visits").has(sn));
        assertThat(blocked.path("visits").path(sn)).hasSize(1);
        assertThat(blocked.path("visits").path(sn).get(0).path("rule").asString())
                .isEqualTo("AUTHORIZATION_MISSING");
        assertThat(blocked.path("visits").path(sn).get(0).path("message").asString())
                .contains("prior authorization");
        assertThat(api.get("/api/scheduling/v1/board/blockers", token("nurse", "nina-sub", agency))
                        .status())
                .isEqualTo(403);
    }
}
