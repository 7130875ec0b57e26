package org.hearth.billing.eligibility;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

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
    private final Clock clock;

    EligibilityController(BillingFiles files, PayerRepository payers, PayerGateway gateway, TenantScopedMongo mongo,
            Outbox outbox, Clock clock) {
        this.files = files;
        this.payers = payers;
        this.gateway = gateway;
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Configuration(proxyBeanMethods = false)
    static class Outboxes {
        @Bean
        OutboxCollection eligibilityOutboxCollection() {
            return new OutboxCollection(EligibilityCheck.COLLECTION);
        }
    }

    record CheckRequest(@NotBlank String coverageId) {
    }

    record CheckView(String id, String coverageId, String payerId, PayerGateway.Status status, int attempts,
            String payerReference, java.time.Instant checkedAt) {

        static CheckView of(EligibilityCheck c) {
            return new CheckView(c.id(), c.coverageId(), c.payerId(), c.status(), c.attempts(), c.payerReference(),
                    c.checkedAt());
        }
    }

    @PostMapping
    @PreAuthorize(BillingFileController.BILLING)
    @Operation(summary = "Check eligibility for home health with the payer (X12 270/271)",
            description = "Always answers 201 with a status: ACTIVE, INACTIVE, NOT_FOUND, or ERROR / TIMEOUT after "
                    + "bounded retries")
    ResponseEntity<CheckView> check(@PathVariable String patientId, @Valid @RequestBody CheckRequest request) {
        BillingFile file = files.find(patientId).orElseThrow(() -> ApiException.notFound("Billing file of patient " + patientId));
        Coverage coverage = file.coverages().stream().filter(c -> c.id().equals(request.coverageId())).findFirst()
                .orElseThrow(() -> ApiException.invalid(List.of(new FieldError("coverageId", "not a coverage of this patient"))));
        Payer payer = payers.find(coverage.payerId()).orElseThrow(() -> ApiException.conflict("The coverage's payer no longer exists"))
                .payer();
        PayerGateway.Answer answer = gateway.checkEligibility(payer.payerCode(), coverage.memberId());
        String id = UUID.randomUUID().toString();
        var event = new EligibilityChecked(id, patientId, payer.id(), coverage.id(), answer.status().name(),
                answer.attempts(), clock.instant());
        EligibilityCheck check = new EligibilityCheck(id, TenantContext.current().value(), patientId, coverage.id(),
                payer.id(), answer.status(), answer.attempts(), answer.reference(), clock.instant(), Caller.subject(),
                outbox.entries(BillingEvents.TOPIC, List.of(event)));
        mongo.insert(check);
        outbox.written();
        return ResponseEntity.created(URI.create("/api/billing/v1/patients/" + patientId + "/eligibility-checks/" + id))
                .body(CheckView.of(check));
    }

    @GetMapping
    @PreAuthorize(BillingFileController.READERS)
    @Operation(summary = "The patient's eligibility checks, newest first (at most 50)")
    List<CheckView> list(@PathVariable String patientId) {
        files.find(patientId).orElseThrow(() -> ApiException.notFound("Billing file of patient " + patientId));
        return mongo.find(Query.query(Criteria.where("patientId").is(patientId))
                        .with(Sort.by(Sort.Direction.DESC, "checkedAt")).limit(50), EligibilityCheck.class)
                .stream().map(CheckView::of).toList();
    }
}
