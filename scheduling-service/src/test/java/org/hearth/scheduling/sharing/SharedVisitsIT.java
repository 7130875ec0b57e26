package org.hearth.scheduling.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.MutableClock;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.TopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The VISITS part of a sharing grant through the public API on the real broker: Sunrise's patient consents, in
 * patient-service, that Riverbend reads the visits (events published here as patient-service publishes them);
 * Riverbend's staff read them, each read audited in both agencies; a grant without VISITS, for another agency, before
 * its first day or after its last (in the agencies' zone), or revoked answers 404; a redelivered grant is applied once.
 * Each 404 follows a 200 of a grant published after it, so it is the grant's rule that refused, not a grant not yet
 * arrived. The clock starts on Sunday 6 January 2030, noon in New York (the default zone).
 */
@HearthServiceTest
@Import(MutableClock.Config.class)
class SharedVisitsIT {

    static final Instant SUNDAY_NOON = Instant.parse("2030-01-06T17:00:00Z");
    static final String PATIENT_EVENTS = "hearth.patient.events";
    static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    ApiClient api;
    TopicWriter kafka;
    final TestTokenIssuer issuer = TestTokenIssuer.shared();
    final String sunrise = UUID.randomUUID().toString();
    final String riverbend = UUID.randomUUID().toString();
    final String riverbendAlias = "riverbend-" + UUID.randomUUID().toString().substring(0, 8);
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

    String sunrise(String role, String subject) {
        return issuer.token()
                .agency("sunrise", sunrise)
                .roles(role)
                .subject(subject)
                .audience("scheduling-service")
                .sign();
    }

    String riverbend(String role, String subject) {
        return issuer.token()
                .agency(riverbendAlias, riverbend)
                .roles(role)
                .subject(subject)
                .audience("scheduling-service")
                .sign();
    }

    static String path(String grant) {
        return "/api/scheduling/v1/shared-records/" + grant + "/visits";
    }

    void publish(String eventId, String type, String body) {
        assertThat(EventContracts.violations(type, body)).as(body).isEmpty();
        kafka.send(PATIENT_EVENTS, patient, TopicWriter.envelope(eventId, type, patient, sunrise), body);
    }

    /** Publishes SharingGranted as patient-service does; returns the grant id. */
    String grant(String eventId, String parts, String from, String until) {
        String grant = UUID.randomUUID().toString();
        publish(eventId, "org.hearth.patient.SharingGranted.v1", granted(grant, parts, from, until));
        return grant;
    }

    String granted(String grant, String parts, String from, String until) {
        return """
                {"patientId":"%s","grantId":"%s","ownerAgency":"%s","granteeAlias":"%s","parts":[%s],
                 "from":"%s","until":"%s","grantedAt":"2030-01-06T16:00:00Z"}""".formatted(patient, grant, sunrise, riverbendAlias, parts, from, until);
    }

    /** Sunrise's patient with SN once a week for two weeks, the first visit booked with Nina on Monday. */
    void patientWithVisits() {
        publish(UUID.randomUUID().toString(), "org.hearth.patient.PatientAdmitted.v1", """
                {"patientId":"%s","admittedAt":"2030-01-02T15:00:00Z","status":"ACTIVE","language":"en",
                 "postalCode":"62701","latitude":39.7817,"longitude":-89.6501}""".formatted(patient));
        publish(UUID.randomUUID().toString(), "org.hearth.patient.CarePlanSigned.v1", """
                {"patientId":"%s","planVersion":1,"supersedesVersion":null,"signedAt":"2030-01-06T15:00:00Z","signedBy":"dr-sub",
                 "frequencyOrders":[{"discipline":"SN","segments":[{"minPerWeek":1,"maxPerWeek":1,"weeks":2}],"prnVisits":0}]}""".formatted(patient));
        String carla = sunrise("coordinator", "carla-sub");
        ApiClient.Response nina = api.post("/api/scheduling/v1/clinicians", carla, """
                {"subject":"nina-sub","name":"Nina Nurse","discipline":"RN","skills":[],"certifications":[],
                 "homeBase":{"latitude":39.80,"longitude":-89.65},
                 "hours":[{"day":"MONDAY","start":"08:00","end":"16:00"}],"maxVisitsPerDay":5,"timeOff":[],"active":true}""");
        assertThat(nina.status()).as(nina.body()).isEqualTo(201);
        JsonNode visits = Eventually.await(
                        "the plan's visits",
                        WAIT,
                        () -> api.get("/api/scheduling/v1/visits?patientId=" + patient, carla),
                        r -> r.status() == 200 && r.json().path("totalItems").asInt() == 2)
                .json();
        String first = visits.path("items").get(0).path("id").asString();
        ApiClient.Response booked = api.send(api.request("/api/scheduling/v1/visits/" + first + "/booking", carla)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"1\"")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        """
                        {"clinicianId":"%s","start":"2030-01-07T15:00:00Z","end":"2030-01-07T16:00:00Z"}""".formatted(nina.json().path("id").asString()))));
        assertThat(booked.status()).as(booked.body()).isEqualTo(200);
    }

    ApiClient.Response awaitShared(String grant, String token) {
        return Eventually.await(
                "the grant reaching scheduling", WAIT, () -> api.get(path(grant), token), r -> r.status() == 200);
    }

    @Test
    void theGranteeAgencysStaffReadTheVisitsAuditedInBothAgenciesAndNobodyElseDoes() {
        patientWithVisits();
        String rita = riverbend("coordinator", "rita-sub");
        assertThat(api.get(path(UUID.randomUUID().toString()), rita).status())
                .as("no such grant")
                .isEqualTo(404);
        String grant = grant(UUID.randomUUID().toString(), "\"PLAN_SUMMARY\",\"VISITS\"", "2030-01-06", "2030-01-31");

        try (TopicReader audit = new TopicReader("hearth.audit")) {
            awaitShared(grant, rita);
            String correlation = "shared-visits-" + grant;
            ApiClient.Response read = api.send(api.request(path(grant), rita)
                    .header("X-Correlation-Id", correlation)
                    .GET());
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            JsonNode page = read.json();
            assertThat(page.path("totalItems").asInt()).isEqualTo(2);
            JsonNode booked = page.path("items").get(0);
            assertThat(booked.propertyNames())
                    .containsExactlyInAnyOrder(
                            "earliest", "latest", "start", "end", "discipline", "type", "status", "clinicianFirstName");
            assertThat(booked.path("start").asString()).isEqualTo("2030-01-07T15:00:00Z");
            assertThat(booked.path("discipline").asString()).isEqualTo("SN");
            assertThat(booked.path("status").asString()).isEqualTo("SCHEDULED");
            assertThat(booked.path("clinicianFirstName").asString()).isEqualTo("Nina");
            JsonNode open = page.path("items").get(1);
            assertThat(open.path("status").asString()).isEqualTo("UNSCHEDULED");
            assertThat(open.path("earliest").asString()).isEqualTo("2030-01-13");
            assertThat(read.body()).doesNotContain("Nurse", "nina-sub", patient);
            JsonNode firstPage = api.get(path(grant) + "?size=1", rita).json();
            assertThat(firstPage.path("items")).hasSize(1);
            assertThat(firstPage.path("totalPages").asInt()).isEqualTo(2);
            assertThat(api.get(path(grant) + "?from=2030-01-08", rita)
                            .json()
                            .path("items")
                            .get(0)
                            .path("earliest")
                            .asString())
                    .as("Monday's visit is before that day")
                    .isEqualTo("2030-01-13");
            assertThat(api.get(path(grant) + "?to=2030-01-07", rita)
                            .json()
                            .path("totalItems")
                            .asInt())
                    .isEqualTo(1);
            assertThat(api.get(path(grant) + "?size=201", rita).status()).isEqualTo(400);

            for (String agency : new String[] {sunrise, riverbend}) {
                ConsumerRecord<String, String> record = audit.await(
                                r -> patient.equals(r.key())
                                        && r.value().contains(correlation)
                                        && agency.equals(TopicReader.header(r, "ce_tenantid")),
                                WAIT)
                        .orElseThrow(() -> new AssertionError("the shared read is not audited in " + agency));
                assertThat(record.value())
                        .contains(
                                "\"purposeOfUse\":\"sharedRecord\"",
                                "\"patientAgency\":\"" + sunrise,
                                "\"actorAgency\":\"" + riverbend,
                                "\"actor\":\"rita-sub\"",
                                "\"grantId\":\"" + grant,
                                "\"organization\":\"" + riverbendAlias,
                                "/shared-records/{grantId}/visits");
                assertThat(EventContracts.violations("org.hearth.audit.PatientDataAccessed.v1", record.value()))
                        .isEmpty();
            }
            assertThat(audit.await(r -> r.value().contains(correlation), Duration.ofSeconds(2)))
                    .as("one record in each agency, no third")
                    .isEmpty();
        }

        // the share opens this door only: the patient's own routes stay Sunrise's
        assertThat(api.get("/api/scheduling/v1/patients/" + patient + "/visits", rita)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/scheduling/v1/visits?patientId=" + patient, rita)
                        .json()
                        .path("totalItems")
                        .asInt())
                .isZero();
        String elsewhere = issuer.token()
                .agency("elsewhere", UUID.randomUUID().toString())
                .roles("coordinator")
                .subject("x-sub")
                .audience("scheduling-service")
                .sign();
        assertThat(api.get(path(grant), elsewhere).status())
                .as("a third agency")
                .isEqualTo(404);
        assertThat(api.get(path(grant), sunrise("coordinator", "carla-sub")).status())
                .as("the owner through the " + "grantee's door")
                .isEqualTo(404);
        assertThat(api.get(path(grant), riverbend("nurse", "rob-sub")).status())
                .as("any staff")
                .isEqualTo(200);
        assertThat(api.get(path(grant), riverbend("billing", "bill-sub")).status())
                .as("not staff")
                .isEqualTo(403);
        assertThat(api.get(path(grant), riverbend("family", "fay-sub")).status())
                .isEqualTo(403);
    }

    @Test
    void aGrantWithoutVisitsOutOfItsDaysOrRevokedAnswers404() {
        patientWithVisits();
        String rita = riverbend("coordinator", "rita-sub");
        String noVisits =
                grant(UUID.randomUUID().toString(), "\"PLAN_SUMMARY\",\"VITALS\"", "2030-01-06", "2030-01-31");
        String later = grant(UUID.randomUUID().toString(), "\"VISITS\"", "2030-01-08", "2030-01-31");
        String ended = grant(UUID.randomUUID().toString(), "\"VISITS\"", "2030-01-01", "2030-01-07");
        String inForce = grant(UUID.randomUUID().toString(), "\"VISITS\"", "2030-01-06", "2030-01-31");
        awaitShared(inForce, rita); // published last on the patient's partition: the others are applied
        assertThat(api.get(path(noVisits), rita).status())
                .as("VISITS not shared")
                .isEqualTo(404);
        assertThat(api.get(path(later), rita).status())
                .as("before its first day")
                .isEqualTo(404);
        assertThat(api.get(path(ended), rita).status()).as("within its days").isEqualTo(200);

        // Monday night in New York is Tuesday in UTC: the days are the agencies' days
        clock.set(Instant.parse("2030-01-08T04:00:00Z"));
        assertThat(api.get(path(later), rita).status())
                .as("still Monday in the agencies' zone")
                .isEqualTo(404);
        assertThat(api.get(path(ended), rita).status()).as("its last day").isEqualTo(200);
        clock.set(Instant.parse("2030-01-08T05:30:00Z"));
        assertThat(api.get(path(later), rita).status()).as("its first day").isEqualTo(200);
        assertThat(api.get(path(ended), rita).status()).as("after its last day").isEqualTo(404);
        clock.set(SUNDAY_NOON);

        publish(UUID.randomUUID().toString(), "org.hearth.patient.SharingRevoked.v1", """
                {"patientId":"%s","grantId":"%s","revokedAt":"2030-01-06T17:30:00Z"}""".formatted(patient, inForce));
        Eventually.await(
                "the revocation reaching scheduling",
                WAIT,
                () -> api.get(path(inForce), rita).status(),
                status -> status == 404);
        assertThat(api.get(path(ended), rita).status())
                .as("another grant lives on")
                .isEqualTo(200);
    }

    @Test
    void aRedeliveredGrantIsAppliedOnce() {
        patientWithVisits();
        String rita = riverbend("coordinator", "rita-sub");
        String eventId = UUID.randomUUID().toString();
        String grant = UUID.randomUUID().toString();
        publish(
                eventId,
                "org.hearth.patient.SharingGranted.v1",
                granted(grant, "\"VISITS\"", "2030-01-06", "2030-01-31"));
        awaitShared(grant, rita);

        // the same ce_id again, here with other parts: a duplicate changes nothing
        publish(
                eventId,
                "org.hearth.patient.SharingGranted.v1",
                granted(grant, "\"VITALS\"", "2030-01-06", "2030-01-31"));
        String marker = grant(UUID.randomUUID().toString(), "\"VISITS\"", "2030-01-06", "2030-01-31");
        awaitShared(marker, rita); // published after the duplicate on the same partition
        assertThat(api.get(path(grant), rita).status()).isEqualTo(200);
    }

    @Test
    void aGrantNamingAnotherOwnerThanItsAgencyIsRefused() {
        patientWithVisits();
        String rita = riverbend("coordinator", "rita-sub");
        String forged = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String body = granted(forged, "\"VISITS\"", "2030-01-06", "2030-01-31")
                .replace("\"ownerAgency\":\"" + sunrise, "\"ownerAgency\":\"" + UUID.randomUUID());
        try (TopicReader dlt = new TopicReader(PATIENT_EVENTS + ".dlt")) {
            publish(eventId, "org.hearth.patient.SharingGranted.v1", body);
            assertThat(dlt.await(r -> eventId.equals(TopicReader.header(r, "ce_id")), WAIT))
                    .isPresent();
        }
        String marker = grant(UUID.randomUUID().toString(), "\"VISITS\"", "2030-01-06", "2030-01-31");
        awaitShared(marker, rita);
        assertThat(api.get(path(forged), rita).status()).isEqualTo(404);
    }
}
