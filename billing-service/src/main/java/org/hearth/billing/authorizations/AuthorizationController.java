package org.hearth.billing.authorizations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hearth.billing.eligibility.PayerGateway;
import org.hearth.billing.patients.BillingFactsChanged;
import org.hearth.billing.patients.BillingFile;
import org.hearth.billing.patients.BillingFileController;
import org.hearth.billing.patients.BillingFiles;
import org.hearth.billing.patients.Coverage;
import org.hearth.billing.payers.Payer;
import org.hearth.billing.payers.PayerRepository;
import org.hearth.platform.audit.AuditedPatient;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.problem.ProblemType;
import org.hearth.platform.security.Caller;
import org.hearth.platform.web.IdempotencyKeys;
import org.hearth.platform.web.PageResponse;
import org.hearth.platform.web.Paging;
import org.hearth.platform.web.Versions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Prior authorizations: requested, submitted to the payer (X12 278), decided, appealed. */
@RestController
@RequestMapping("/api/billing/v1/authorizations")
@Tag(name = "Prior authorizations")
class AuthorizationController {

    private final AuthorizationRepository authorizations;
    private final BillingFiles files;
    private final PayerRepository payers;
    private final PayerGateway gateway;
    private final IdempotencyKeys idempotency;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher local;

    AuthorizationController(
            AuthorizationRepository authorizations,
            BillingFiles files,
            PayerRepository payers,
            PayerGateway gateway,
            IdempotencyKeys idempotency,
            JsonMapper json,
            Clock clock,
            ApplicationEventPublisher local) {
        this.authorizations = authorizations;
        this.files = files;
        this.payers = payers;
        this.gateway = gateway;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
        this.local = local;
    }

    record NewRequest(
            @NotBlank @Size(max = 100) String patientId,
            @NotBlank @Size(max = 100) String payerId,

            @NotNull @Pattern(regexp = "SN|PT|OT|ST|MSW|HHA|RD", message = "must be SN, PT, OT, ST, MSW, HHA or RD")
            String discipline,

            @NotNull Integer requestedUnits,
            @NotNull LocalDate from,
            @NotNull LocalDate to) {}

    record Submission(boolean expedited) {}

    record Decision(
            @NotNull PriorAuthorization.Status decision,
            Integer approvedUnits,
            LocalDate from,
            LocalDate to,
            @Size(max = 200) String reason) {}

    @PostMapping
    @PreAuthorize(BillingFileController.BILLING)
    @Operation(
            summary = "Draft a prior-authorization request by hand",
            description = "409 when an open request of the same payer and discipline overlaps its dates. With "
                    + "Idempotency-Key, a retry of the same request answers the same draft (not a 409) and drafts "
                    + "nothing twice; the same key with another body is 422")
    ResponseEntity<PriorAuthorization> create(
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody NewRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.requestedUnits() < 1) {
            errors.add(new FieldError("requestedUnits", "must be at least 1"));
        }
        if (request.to().isBefore(request.from())) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        Payer payer = payers.find(request.payerId())
                .map(PayerRepository.Versioned::payer)
                .orElse(null);
        if (payer == null) {
            errors.add(new FieldError("payerId", "no such payer in this agency"));
        }
        BillingFile file = files.find(request.patientId()).orElse(null);
        if (file == null) {
            errors.add(new FieldError("patientId", "no such patient in this agency"));
        } else {
            AuditedPatient.is(request.patientId());
        }
        Coverage coverage = file == null
                ? null
                : file.coverages().stream()
                        .filter(c -> c.payerId().equals(request.payerId()))
                        .findFirst()
                        .orElse(null);
        if (file != null && payer != null && coverage == null) {
            errors.add(new FieldError("payerId", "the patient has no coverage with this payer"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        // a retry finds its draft before the overlap rule is asked, which the draft itself would break
        AuthorizationRepository.Versioned stored = idempotency
                .createOnce(key, Caller.subject(), json.writeValueAsString(request), authorizations::find, id -> {
                    boolean duplicate = authorizations.of(request.patientId(), request.discipline()).stream()
                            .map(AuthorizationRepository.Versioned::authorization)
                            .anyMatch(a -> a.open()
                                    && a.payerId().equals(payer.id())
                                    && !a.from().isAfter(request.to())
                                    && !request.from().isAfter(a.to()));
                    if (duplicate) {
                        throw ApiException.conflict(
                                "An open authorization of this payer and discipline already " + "covers these dates");
                    }
                    authorizations.insertIfAbsent(PriorAuthorization.draft(
                            id,
                            request.patientId(),
                            payer,
                            coverage.id(),
                            request.discipline(),
                            request.requestedUnits(),
                            request.from(),
                            request.to(),
                            null,
                            clock.instant()));
                    return authorizations.find(id).orElseThrow();
                })
                .resource();
        return ResponseEntity.created(URI.create("/api/billing/v1/authorizations/"
                        + stored.authorization().id()))
                .eTag(Versions.etag(stored.version()))
                .body(stored.authorization());
    }

    @GetMapping
    @PreAuthorize(BillingFileController.READERS)
    PageResponse<PriorAuthorization> list(
            @RequestParam(required = false) String patientId,
            @RequestParam(required = false) PriorAuthorization.Status status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Criteria criteria = new Criteria();
        if (patientId != null) {
            criteria.and("authorization.patientId").is(patientId);
        }
        if (status != null) {
            criteria.and("authorization.status").is(status);
        }
        return PageResponse.of(
                authorizations.list(criteria, Paging.of(page, size).withSort(Sort.by("authorization.from", "_id"))),
                Function.identity());
    }

    @GetMapping("/{id}")
    @PreAuthorize(BillingFileController.READERS)
    ResponseEntity<PriorAuthorization> get(@PathVariable String id) {
        AuthorizationRepository.Versioned stored = stored(id);
        return ResponseEntity.ok().eTag(Versions.etag(stored.version())).body(stored.authorization());
    }

    @PostMapping("/{id}/submission")
    @PreAuthorize(BillingFileController.BILLING)
    @Operation(
            summary = "Submit (or resubmit after a denial) to the payer",
            description = "Decision due in 72 hours when expedited, 7 days otherwise; 502 if the payer does not answer "
                    + "after bounded retries (nothing changes)")
    ResponseEntity<PriorAuthorization> submit(@PathVariable String id, @RequestBody Submission request) {
        AuthorizationRepository.Versioned stored = stored(id);
        PriorAuthorization a = stored.authorization();
        if (a.status() != PriorAuthorization.Status.DRAFT && a.status() != PriorAuthorization.Status.DENIED) {
            throw ApiException.conflict("Only a draft or a denied request can be submitted; this one is "
                    + a.status().name().toLowerCase());
        }
        String memberId = files.find(a.patientId())
                .flatMap(f -> f.coverages().stream()
                        .filter(c -> c.id().equals(a.coverageId()))
                        .findFirst())
                .map(Coverage::memberId)
                .orElseThrow(() -> ApiException.conflict("The coverage of this request no longer exists"));
        Payer payer = payers.find(a.payerId())
                .map(PayerRepository.Versioned::payer)
                .orElseThrow(() -> ApiException.conflict("The payer of this request no longer exists"));
        PayerGateway.Answer answer = gateway.submitAuthorization(
                payer.payerCode(), memberId, a.discipline(), a.requestedUnits(), request.expedited());
        if (answer.status() != PayerGateway.Status.ACTIVE) {
            throw new ApiException(
                    ProblemType.UPSTREAM_FAILED,
                    "The payer did not accept the request ("
                            + answer.status().name().toLowerCase() + " after " + answer.attempts()
                            + " attempt(s)); nothing changed");
        }
        return write(stored, x -> x.submit(request.expedited(), answer.reference(), clock.instant()));
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize(BillingFileController.BILLING)
    @Operation(
            summary = "Record the payer's decision: approved or partially approved (units, dates) or denied (reason)")
    ResponseEntity<PriorAuthorization> decide(@PathVariable String id, @Valid @RequestBody Decision request) {
        ResponseEntity<PriorAuthorization> decided = write(
                stored(id),
                a -> a.decide(
                        request.decision(),
                        request.approvedUnits(),
                        request.from(),
                        request.to(),
                        request.reason(),
                        clock.instant()));
        if (decided.getBody().approved()) {
            local.publishEvent(new BillingFactsChanged(decided.getBody().patientId(), "authorization approved"));
        }
        return decided;
    }

    @PostMapping("/{id}/appeal")
    @PreAuthorize(BillingFileController.BILLING)
    @Operation(summary = "Appeal a denial; the reconsideration is watched like a new request")
    ResponseEntity<PriorAuthorization> appeal(@PathVariable String id) {
        return write(stored(id), a -> a.appeal(clock.instant()));
    }

    private AuthorizationRepository.Versioned stored(String id) {
        return authorizations.find(id).orElseThrow(() -> ApiException.notFound("Authorization " + id));
    }

    private ResponseEntity<PriorAuthorization> write(
            AuthorizationRepository.Versioned stored,
            Function<PriorAuthorization, WithEvents<PriorAuthorization>> change) {
        WithEvents<PriorAuthorization> next;
        try {
            next = change.apply(stored.authorization());
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(List.of(FieldError.fromRuleMessage(e.getMessage())));
        }
        if (!authorizations.update(next, stored.version())) {
            throw Versions.stale();
        }
        return ResponseEntity.ok().eTag(Versions.etag(stored.version() + 1)).body(next.result());
    }
}
