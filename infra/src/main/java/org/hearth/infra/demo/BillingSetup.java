package org.hearth.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The patient's billing file: billing opens it when it reads {@code PatientAdmitted}, so the step first waits
 * for it (bounded), then records coverage and the Medicare facts and checks eligibility once.
 */
final class BillingSetup {

    private final HearthApi api;
    private final Versioned versioned;
    private final Ledger ledger;
    private final String base;
    private final Duration patience;

    BillingSetup(HearthApi api, Ledger ledger, String patientId, Duration patience) {
        this.api = api;
        this.versioned = new Versioned(api);
        this.ledger = ledger;
        this.base = "/api/billing/v1/patients/" + patientId;
        this.patience = patience;
    }

    /** Waits until billing has opened the file from the admission event. */
    void awaitFile(String token) {
        Instant deadline = Instant.now().plus(patience);
        while (!api.get(token, base).expect(200, 404).is(200)) {
            if (Instant.now().isAfter(deadline)) {
                throw new DemoFailure("billing did not open the file of " + base + " within " + patience
                        + " (is billing-service reading hearth.patient.events?)");
            }
            pause();
        }
    }

    /** Answers the id of the first coverage (the primary one the demo records). */
    String coverage(String token, List<Map<String, Object>> coverages) {
        ledger.record(
                versioned.ensure(
                        token,
                        base,
                        f -> Versioned.nonEmpty(f.path("coverages")),
                        "PUT",
                        base + "/coverage",
                        Map.of("coverages", coverages)),
                "coverage: " + coverages.size() + " payer(s)");
        return api.get(token, base)
                .expect(200)
                .body()
                .path("coverages")
                .path(0)
                .path("id")
                .asText();
    }

    void medicareFacts(String token, Map<String, Object> facts) {
        ledger.record(
                versioned.ensure(
                        token,
                        base,
                        f -> f.path("medicare").path("homebound").isBoolean(),
                        "PUT",
                        base + "/medicare-facts",
                        facts),
                "Medicare facts (homebound, face-to-face, certifying NPI)");
    }

    void eligibility(String token, String coverageId) {
        JsonNode checks =
                api.get(token, base + "/eligibility-checks").expect(200).body();
        if (checks.isEmpty()) {
            JsonNode check = api.post(token, base + "/eligibility-checks", Map.of("coverageId", coverageId))
                    .expect(201)
                    .body();
            ledger.created("eligibility check: " + check.path("status").asText());
        } else {
            ledger.found("eligibility check: " + checks.path(0).path("status").asText());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while waiting for billing");
        }
    }
}
