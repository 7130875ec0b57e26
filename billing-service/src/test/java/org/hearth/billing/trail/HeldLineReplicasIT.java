package org.hearth.billing.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import org.hearth.billing.patients.BillingFiles;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.EventContracts;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.TopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Several replicas evaluating the same held line at the same moment, after its missing fact was stored without
 * anyone noticing (what the sweep is for): the line's versioned write lets exactly one of them move it, so
 * {@code BillableLineReady} is published once. The threads share the database and nothing else, like replicas.
 */
@HearthServiceTest
class HeldLineReplicasIT {

    static final String API = "/api/billing/v1";
    static final String READY = "org.hearth.billing.BillableLineReady.v1";
    static final int REPLICAS = 8;

    @LocalServerPort
    int port;

    @Autowired
    BillingTrail trail;

    @Autowired
    HeldLines heldLines;

    @Autowired
    BillingFiles files;

    ApiClient api;
    TopicWriter kafka;
    TopicReader published;
    final String agency = UUID.randomUUID().toString();
    final String patient = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
        kafka = new TopicWriter();
        published = new TopicReader("hearth.billing.events");
    }

    @AfterEach
    void tearDown() {
        kafka.close();
        published.close();
    }

    @Test
    void replicasReevaluatingTheSameHeldLineAtOnceMakeItReadyOnce() throws Exception {
        String visit = heldForThePlanThenPlanStoredQuietly();
        int ready = race(() -> TenantContext.callAs(TenantId.of(agency), () -> trail.reevaluateHeld(patient)));
        assertThat(ready).as("replicas that moved the line").isEqualTo(1);
        assertReadyOnce(visit);
    }

    @Test
    void sweepsOnEveryReplicaAtOnceMakeTheForgottenLineReadyOnce() throws Exception {
        String visit = heldForThePlanThenPlanStoredQuietly();
        race(heldLines::sweep);
        assertReadyOnce(visit);
        assertThat(line(visit)).contains("\"status\":\"READY\"");
    }

    /** A line held for want of a signed plan, then the plan written straight into the file: nothing re-evaluated. */
    String heldForThePlanThenPlanStoredQuietly() {
        kafka.send(
                "hearth.patient.events",
                patient,
                TopicWriter.envelope(
                        UUID.randomUUID().toString(), "org.hearth.patient.PatientAdmitted.v1", patient, agency),
                """
                {"patientId":"%s","admittedAt":"2030-01-02T15:00:00Z","status":"ACTIVE"}""".formatted(patient));
        Eventually.await(
                Duration.ofSeconds(20), () -> api.get(API + "/patients/" + patient, billing()), r -> r.status() == 200);
        ApiClient.Response payer = api.post(API + "/payers", billing(), """
                {"name":"Plain %s","type":"COMMERCIAL","payerCode":"PLAIN","priorAuthorization":[],"unit":"VISIT",
                 "timelyFilingDays":90}""".formatted(patient));
        assertThat(payer.status()).as(payer.body()).isEqualTo(201);
        String etag =
                api.get(API + "/patients/" + patient, billing()).header("ETag").orElseThrow();
        assertThat(api.send(api.request(API + "/patients/" + patient + "/coverage", billing())
                                .header("Content-Type", "application/json")
                                .header("If-Match", etag)
                                .PUT(HttpRequest.BodyPublishers.ofString(
                                        """
                        {"coverages":[{"payerId":"%s","memberId":"A1","priority":"PRIMARY","from":"2030-01-01"}]}""".formatted(payer.json().path("id").asString()))))
                        .status())
                .isEqualTo(200);

        String visit = UUID.randomUUID().toString();
        String body = """
                {"visitId":"%s","patientId":"%s","discipline":"SN","type":"IN_HOME","clinicianId":"nina",
                 "checkedInAt":"2030-01-07T15:00:00Z","checkedOutAt":"2030-01-07T15:50:00Z","durationMinutes":50,
                 "units":1,"authorizationId":null}""".formatted(visit, patient);
        assertThat(EventContracts.violations("org.hearth.scheduling.VisitCompleted.v1", body))
                .isEmpty();
        kafka.send(
                "hearth.scheduling.events",
                patient,
                TopicWriter.envelope(
                        UUID.randomUUID().toString(), "org.hearth.scheduling.VisitCompleted.v1", patient, agency),
                body);
        Eventually.await(Duration.ofSeconds(20), () -> line(visit), l -> l.contains("\"UNSIGNED_PLAN\""));

        TenantContext.runAs(
                TenantId.of(agency),
                () -> files.planSigned(
                        UUID.randomUUID().toString(), patient, 1, Instant.parse("2030-01-06T14:00:00Z")));
        assertThat(line(visit)).contains("\"status\":\"ON_HOLD\"");
        return visit;
    }

    /** Runs {@code work} on {@link #REPLICAS} threads released together; returns the sum of what they returned. */
    static int race(IntSupplier work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REPLICAS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return work.getAsInt();
                }));
            }
            start.countDown();
            int sum = 0;
            for (Future<Integer> result : results) {
                sum += result.get();
            }
            return sum;
        } finally {
            pool.shutdownNow();
        }
    }

    void assertReadyOnce(String visit) {
        assertThat(published.await(
                        r -> READY.equals(TopicReader.header(r, "ce_type"))
                                && r.value().contains(visit),
                        Duration.ofSeconds(20)))
                .as("BillableLineReady")
                .isPresent();
        assertThat(published.await(
                        r -> READY.equals(TopicReader.header(r, "ce_type"))
                                && r.value().contains(visit),
                        Duration.ofSeconds(4)))
                .as("a second BillableLineReady")
                .isEmpty();
    }

    String line(String visit) {
        return api.get(API + "/billable-lines?from=2030-01-01&to=2030-01-31&patientId=" + patient, billing())
                .body();
    }

    String billing() {
        return TestTokenIssuer.shared()
                .token()
                .agency("a", agency)
                .roles("billing")
                .subject("billing-sub")
                .audience("billing-service")
                .sign();
    }
}
