package org.hearth.billing.eligibility;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.hearth.billing.BillingEvents;
import org.hearth.billing.BillingEvents.EligibilityChecked;
import org.hearth.billing.patients.BillingFile;
import org.hearth.billing.patients.BillingFileController;
import org.hearth.billing.patients.BillingFiles;
import org.hearth.billing.patients.Coverage;
import org.hearth.billing.payers.Payer;
import org.hearth.billing.payers.PayerRepository;
import org.hearth.platform.events.Outbox;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.security.Caller;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.hearth.platform.web.IdempotencyKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Checks a coverage's eligibility with the payer now; the answer (or why there is none) is kept. */
@RestController
@RequestMapping("/api/billing/v1/patients/{patientId}/eligibility-checks")
@Tag(name = "Eligibility")
class EligibilityController {

    private final BillingFiles files;
    private final PayerRepository payers;
    private final PayerGateway gateway;
    private final TenantScopedMongo mongo;
    private final Outbox outbox;
    private final IdempotencyKeys idempotency;
    private final JsonMapper json;
    private final Clock clock;

    EligibilityController(
            BillingFiles files,
            PayerRepository payers,
            PayerGateway gateway,
            TenantScopedMongo mongo,
            Outbox outbox,
            IdempotencyKeys idempotency,
            JsonMapper json,
            Clock clock) {
        this.files = files;
        this.payers = payers;
        this.gateway = gateway;
        this.mongo = mongo;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    @Configuration(proxyBeanMethods = false)
    static class Outboxes {
        @Bean
        OutboxCollection eligibilityOutboxCollection() {
            return new OutboxCollection(EligibilityCheck.COLLECTION);
        }
    }

    record CheckRequest(@NotBlank String coverageId) {}

    record CheckView(
            String id,
            String coverageId,
            String payerId,
            PayerGateway.Status status,
            int attempts,
            String payerReference,
            java.time.Instant checkedAt) {

        static CheckView of(EligibilityCheck c) {
            return new CheckView(
                    c.id(), c.coverageId(), c.payerId(), c.status(), c.attempts(), c.payerReference(), c.checkedAt());
        }
    }

    @PostMapping
    @PreAuthorize(BillingFileController.BILLING)
    @Operation(
            summary = "Check eligibility for home health with the payer (X12 270/271)",
            description = "Always answers 201 with a status: ACTIVE, INACTIVE, NOT_FOUND, or ERROR / TIMEOUT after "
                    + "bounded retries. With Idempotency-Key, a retry of the same request answers the stored check "
                    + "without asking the payer again; the same key with another body (or patient) is 422")
    ResponseEntity<CheckView> check(
            @PathVariable String patientId,
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody CheckRequest request) {
        BillingFile file =
                files.find(patientId).orElseThrow(() -> ApiException.notFound("Billing file of patient " + patientId));
        Coverage coverage = file.coverages().stream()
                .filter(c -> c.id().equals(request.coverageId()))
                .findFirst()
                .orElseThrow(() ->
                        ApiException.invalid(List.of(new FieldError("coverageId", "not a coverage of this patient"))));
        Payer payer = payers.find(coverage.payerId())
                .orElseThrow(() -> ApiException.conflict("The coverage's payer no longer exists"))
                .payer();
        // The key is claimed before the payer is asked, so a retry after success answers the stored check and sends
        // no second 270. A retry after a failure between the payer's answer and the store asks again: an inquiry
        // changes nothing at the payer, so asking twice is harmless.
        EligibilityCheck check = idempotency
                .createOnce(
                        key,
                        Caller.subject(),
                        patientId + "\n" + json.writeValueAsString(request),
                        id -> mongo.findById(id, EligibilityCheck.class)
                                .filter(c -> c.patientId().equals(patientId)),
                        id -> ask(id, patientId, payer, coverage))
                .resource();
        return ResponseEntity.created(
                        URI.create("/api/billing/v1/patients/" + patientId + "/eligibility-checks/" + check.id()))
                .body(CheckView.of(check));
    }

    private EligibilityCheck ask(String id, String patientId, Payer payer, Coverage coverage) {
        PayerGateway.Answer answer = gateway.checkEligibility(payer.payerCode(), coverage.memberId());
        var event = new EligibilityChecked(
                id, patientId, payer.id(), coverage.id(), answer.status().name(), answer.attempts(), clock.instant());
        EligibilityCheck check = new EligibilityCheck(
                id,
                TenantContext.current().value(),
                patientId,
                coverage.id(),
                payer.id(),
                answer.status(),
                answer.attempts(),
                answer.reference(),
                clock.instant(),
                Caller.subject(),
                outbox.entries(BillingEvents.TOPIC, List.of(event)));
        mongo.insert(check);
        outbox.written();
        return check;
    }

    @GetMapping
    @PreAuthorize(BillingFileController.READERS)
    @Operation(summary = "The patient's eligibility checks, newest first (at most 50)")
    List<CheckView> list(@PathVariable String patientId) {
        files.find(patientId).orElseThrow(() -> ApiException.notFound("Billing file of patient " + patientId));
        return mongo
                .find(
                        Query.query(Criteria.where("patientId").is(patientId))
                                .with(Sort.by(Sort.Direction.DESC, "checkedAt"))
                                .limit(50),
                        EligibilityCheck.class)
                .stream()
                .map(CheckView::of)
                .toList();
    }
}
