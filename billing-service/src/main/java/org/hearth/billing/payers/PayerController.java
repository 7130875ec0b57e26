package org.hearth.billing.payers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.security.Caller;
import org.hearth.platform.web.IdempotencyKeys;
import org.hearth.platform.web.PageResponse;
import org.hearth.platform.web.Paging;
import org.hearth.platform.web.Versions;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Payers: the billing role maintains them, coordinators read them. */
@RestController
@RequestMapping("/api/billing/v1/payers")
@Tag(name = "Payers")
class PayerController {

    static final String BILLING = "hasRole('billing')";
    static final String READERS = "hasAnyRole('billing','coordinator','agency-admin')";

    private final PayerRepository payers;

    private final IdempotencyKeys idempotency;
    private final JsonMapper json;

    PayerController(PayerRepository payers, IdempotencyKeys idempotency, JsonMapper json) {
        this.payers = payers;
        this.idempotency = idempotency;
        this.json = json;
    }

    record PayerRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull Payer.PayerType type,
            @NotBlank @Size(max = 80) String payerCode,
            @NotNull @Size(max = 7) Set<@NotBlank String> priorAuthorization,
            @NotNull Payer.Unit unit,
            @Min(1) @Max(730) int timelyFilingDays) {}

    @PostMapping
    @PreAuthorize(BILLING)
    @Operation(
            summary = "Add a payer with its rules",
            description = "409 when the agency has a payer of that name. "
                    + "With Idempotency-Key, a retry of the same request answers the same payer; another body is 422")
    ResponseEntity<Payer> add(
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody PayerRequest request) {
        toPayer(UUID.randomUUID().toString(), request); // refuse an invalid request before claiming its key
        PayerRepository.Versioned stored = idempotency
                .createOnce(key, Caller.subject(), json.writeValueAsString(request), payers::find, id -> {
                    if (!payers.insert(toPayer(id, request))) {
                        throw ApiException.conflict("The agency already has a payer named like this");
                    }
                    return payers.find(id).orElseThrow();
                })
                .resource();
        return ResponseEntity.created(
                        URI.create("/api/billing/v1/payers/" + stored.payer().id()))
                .eTag(Versions.etag(stored.version()))
                .body(stored.payer());
    }

    @GetMapping
    @PreAuthorize(READERS)
    PageResponse<Payer> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(payers.list(Paging.of(page, size).withSort(Sort.by("payer.name", "_id"))), p -> p);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    ResponseEntity<Payer> get(@PathVariable String id) {
        PayerRepository.Versioned stored = payers.find(id).orElseThrow(() -> ApiException.notFound("Payer " + id));
        return ResponseEntity.ok().eTag(Versions.etag(stored.version())).body(stored.payer());
    }

    @PutMapping("/{id}")
    @PreAuthorize(BILLING)
    @Operation(summary = "Change a payer's rules", description = "If-Match required")
    ResponseEntity<Payer> replace(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PayerRequest request) {
        PayerRepository.Versioned stored = payers.find(id).orElseThrow(() -> ApiException.notFound("Payer " + id));
        Versions.require(ifMatch, stored.version());
        Payer payer = toPayer(id, request);
        if (!payers.update(payer, stored.version())) {
            throw Versions.stale();
        }
        return ResponseEntity.ok().eTag(Versions.etag(stored.version() + 1)).body(payer);
    }

    private static Payer toPayer(String id, PayerRequest r) {
        try {
            return new Payer(
                    id,
                    r.name().strip(),
                    r.type(),
                    r.payerCode().strip(),
                    r.priorAuthorization(),
                    r.unit(),
                    r.timelyFilingDays());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(List.of(FieldError.fromRuleMessage(e.getMessage())));
        }
    }
}
