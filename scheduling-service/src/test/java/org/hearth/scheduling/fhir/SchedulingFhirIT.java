package org.hearth.scheduling.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.FhirValidation;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.MutableClock;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.TopicWriter;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Scheduling's FHIR API on the real broker: visits of a patient a partner referred become Appointments with EVV
 * times, valid against the base R4 profiles; a partner reads only the patients its organisation referred and only
 * with {@code system/Appointment.read}; every read is audited; Practitioner and the CapabilityStatement are served.
 */
@HearthServiceTest
@Import(MutableClock.Config.class)
class SchedulingFhirIT {

    static final String VISITS = "/api/scheduling/v1/visits";
    static final Instant SUNDAY_NOON = Instant.parse("2030-01-06T17:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    ApiClient api;
    TopicWriter kafka;
    TopicReader audit;
    final String agency = UUID.randomUUID().toString();
    final String patient = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        clock.set(SUNDAY_NOON);
        api = ApiClient.onPort(port);
        kafka = new TopicWriter();
        audit = new TopicReader("hearth.audit");
    }

    @AfterEach
    void tearDown() {
        kafka.close();
        audit.close();
    }

    String token(String role, String subject) {
        return TestTokenIssuer.shared()
                .token()
                .agency("a", agency)
                .roles(role)
                .subject(subject)
                .audience("scheduling-service")
                .sign();
    }

    String partner(String partnerId, String... scopes) {
        return TestTokenIssuer.shared()
                .token()
                .agency("a", agency)
                .roles("partner")
                .subject("sa-fhir")
                .clientId("sunrise-fhir-partner")
                .claim("partner_id", partnerId)
                .scopes(scopes)
                .audience("scheduling-service")
                .sign();
    }

    void publish(String type, String body) {
        assertThat(EventContracts.violations(type, body)).as(body).isEmpty();
        kafka.send(
                "hearth.patient.events",
                patient,
                TopicWriter.envelope(UUID.randomUUID().toString(), type, patient, agency),
                body);
    }

    @Test
    void visitsAreValidAppointmentsForStaffAndForThePartnerThatReferredThePatientOnly() {
        publish("org.hearth.patient.PatientAdmitted.v1", """
                {"patientId":"%s","admittedAt":"2030-01-02T15:00:00Z","status":"ACTIVE","language":"en",
                 "postalCode":"62701","latitude":39.7817,"longitude":-89.6501,"referringPartner":"springfield-general"}""".formatted(patient));
        publish("org.hearth.patient.CareTeamChanged.v1", """
                {"patientId":"%s","changedAt":"2030-01-02T16:00:00Z","leadPhysician":"dr-sub",
                 "members":[{"subject":"dr-sub","role":"PHYSICIAN"},{"subject":"nina-sub","role":"NURSE"}]}""".formatted(patient));
        publish("org.hearth.patient.CarePlanSigned.v1", """
                {"patientId":"%s","planVersion":1,"supersedesVersion":null,"signedAt":"2030-01-06T15:00:00Z","signedBy":"dr-sub",
                 "frequencyOrders":[{"discipline":"SN","segments":[{"minPerWeek":2,"maxPerWeek":2,"weeks":1}],"prnVisits":0}]}""".formatted(patient));
        String coordinator = token("coordinator", "carla-sub");
        JsonNode open = Eventually.await(
                        Duration.ofSeconds(20),
                        () -> api.get(VISITS + "?patientId=" + patient + "&status=UNSCHEDULED", coordinator),
                        r -> r.status() == 200 && r.json().path("totalItems").asInt() == 2)
                .json();
        String first = open.path("items").get(0).path("id").asString();
        ApiClient.Response added = api.post("/api/scheduling/v1/clinicians", coordinator, """
                {"subject":"nina-sub","name":"Nina Nurse","discipline":"RN","skills":["wound-care"],
                 "certifications":[],"homeBase":{"latitude":39.80,"longitude":-89.65},
                 "hours":[{"day":"MONDAY","start":"08:00","end":"16:00"}],"maxVisitsPerDay":5,"timeOff":[],"active":true}""");
        String nina = added.json().path("id").asString();
        ApiClient.Response booked = api.send(api.request(VISITS + "/" + first + "/booking", coordinator)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"clinicianId":"%s","start":"2030-01-07T15:00:00Z","end":"2030-01-07T16:00:00Z"}""".formatted(nina))));
        assertThat(booked.status()).as(booked.body()).isEqualTo(200);
        clock.set(Instant.parse("2030-01-07T15:04:00Z"));
        assertThat(api.post(
                                VISITS + "/" + first + "/check-in",
                                token("nurse", "nina-sub"),
                                "{\"latitude\":39.7818,\"longitude\":-89.6502}")
                        .status())
                .isEqualTo(200);
        clock.set(Instant.parse("2030-01-07T15:54:00Z"));
        assertThat(api.post(
                                VISITS + "/" + first + "/check-out",
                                token("nurse", "nina-sub"),
                                "{\"latitude\":39.7818,\"longitude\":-89.6502}")
                        .status())
                .isEqualTo(200);

        // staff: every visit of the patient, valid, with the EVV times
        Bundle all = bundle(api.get("/fhir/R4/Appointment?patient=Patient/" + patient, coordinator));
        assertThat(all.getTotal()).isEqualTo(2);
        List<Appointment> appointments =
                all.getEntry().stream().map(e -> (Appointment) e.getResource()).toList();
        appointments.forEach(FhirValidation::assertValid);
        Appointment done = appointments.stream()
                .filter(a -> a.getIdPart().equals(first))
                .findFirst()
                .orElseThrow();
        assertThat(done.getStatus()).isEqualTo(Appointment.AppointmentStatus.FULFILLED);
        assertThat(((DateTimeType)
                                done.getExtensionByUrl(FhirCodes.EVV_CHECK_IN).getValue())
                        .getValue()
                        .toInstant())
                .isEqualTo(Instant.parse("2030-01-07T15:04:00Z"));
        assertThat(done.getParticipant())
                .extracting(p -> p.getActor().getReference())
                .containsExactly("Patient/" + patient, "Practitioner/" + nina);

        // search parameters and paging
        assertThat(bundle(api.get("/fhir/R4/Appointment?patient=" + patient + "&status=fulfilled", coordinator))
                        .getTotal())
                .isEqualTo(1);
        assertThat(bundle(api.get("/fhir/R4/Appointment?patient=" + patient + "&date=ge2030-01-08", coordinator))
                        .getTotal())
                .isEqualTo(0);
        Bundle firstPage = bundle(api.get("/fhir/R4/Appointment?patient=" + patient + "&_count=1", coordinator));
        assertThat(firstPage.getEntry()).hasSize(1);
        assertThat(firstPage.getLink("next").getUrl()).contains("_offset=1");

        // the referring partner's SMART client, with the scope
        String referrer = partner("springfield-general", "system/Appointment.read", "system/Practitioner.read");
        Bundle seen = bundle(api.get("/fhir/R4/Appointment?patient=" + patient, referrer));
        assertThat(seen.getTotal()).isEqualTo(2);
        ApiClient.Response read = api.get("/fhir/R4/Appointment/" + first, referrer);
        assertThat(read.status()).isEqualTo(200);
        FhirValidation.assertValid(FhirValidation.parse(Appointment.class, read.body()));

        // another partner of the same agency: as if the patient did not exist; no scope: 403
        assertThat(outcome(
                                api.get(
                                        "/fhir/R4/Appointment?patient=" + patient,
                                        partner("other-hospital", "system/Appointment.read")),
                                404)
                        .getIssueFirstRep()
                        .getCode())
                .isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        assertThat(outcome(
                                api.get(
                                        "/fhir/R4/Appointment/" + first,
                                        partner("springfield-general", "system/Patient.read")),
                                403)
                        .getIssueFirstRep()
                        .getDiagnostics())
                .contains("system/Appointment.read");
        // another agency: 404
        String elsewhere = TestTokenIssuer.shared()
                .token()
                .agency("b", UUID.randomUUID().toString())
                .roles("coordinator")
                .subject("rita")
                .audience("scheduling-service")
                .sign();
        outcome(api.get("/fhir/R4/Appointment/" + first, elsewhere), 404);

        // each read of the patient's appointments is audited, with the partner's client
        assertThat(audit.await(
                        r -> r.value().contains(patient)
                                && r.value().contains("sunrise-fhir-partner")
                                && r.value().contains("/fhir/R4/Appointment"),
                        Duration.ofSeconds(20)))
                .isPresent();

        // the clinician, as the partner resolves the Appointment's participant
        ApiClient.Response practitioner = api.get("/fhir/R4/Practitioner/" + nina, referrer);
        assertThat(practitioner.status()).as(practitioner.body()).isEqualTo(200);
        FhirValidation.assertValid(FhirValidation.parse(Practitioner.class, practitioner.body()));
        ApiClient.Response role = api.get("/fhir/R4/PractitionerRole/" + nina, coordinator);
        PractitionerRole parsedRole = FhirValidation.parse(PractitionerRole.class, role.body());
        FhirValidation.assertValid(parsedRole);
        assertThat(parsedRole.getSpecialtyFirstRep().getText()).isEqualTo("wound-care");
        assertThat(api.get("/fhir/R4/PractitionerRole/" + nina, referrer).status())
                .isEqualTo(403);
        assertThat(bundle(api.get("/fhir/R4/Practitioner?active=true", coordinator))
                        .getTotal())
                .isEqualTo(1);
    }

    @Test
    void theCapabilityStatementIsOpenAndValid() {
        ApiClient.Response response = api.get("/fhir/R4/metadata", null);

        assertThat(response.status()).isEqualTo(200);
        CapabilityStatement statement = FhirValidation.parse(CapabilityStatement.class, response.body());
        FhirValidation.assertValid(statement);
        assertThat(statement.getRestFirstRep().getResource())
                .extracting(r -> r.getType())
                .containsExactly("Appointment", "Practitioner", "PractitionerRole");
    }

    private static Bundle bundle(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/fhir+json");
        return FhirValidation.parse(Bundle.class, response.body());
    }

    private static OperationOutcome outcome(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return FhirValidation.parse(OperationOutcome.class, response.body());
    }
}
