package org.hearth.patient.agency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.security.Caller;
import org.hearth.platform.web.IdempotencyKeys;
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

/**
 * Partner systems of the agency (a hospital's discharge system, a remote-monitoring vendor): Keycloak clients
 * with client credentials, bound to the agency through their service account's organization membership, and
 * granted only the scopes the admin chose.
 */
@RestController
@RequestMapping("/api/patients/v1/agency/partner-clients")
@PreAuthorize("hasRole('agency-admin')")
@Tag(name = "Agency administration")
class PartnerClientController {

    private final AgencyDirectory directory;
    private final IdempotencyKeys idempotency;
    private final JsonMapper json;

    PartnerClientController(AgencyDirectory directory, IdempotencyKeys idempotency, JsonMapper json) {
        this.directory = directory;
        this.idempotency = idempotency;
        this.json = json;
    }

    record PartnerRequest(
            @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._-]*")
            String name,

            @NotEmpty @Size(max = 3) List<@NotBlank String> scopes) {}

    @GetMapping
    @Operation(summary = "The agency's partner clients and their scopes (never their secrets)")
    List<AgencyDirectory.PartnerClient> list() {
        return directory.partners(Agency.ofCaller());
    }

    @PostMapping
    @Operation(
            summary = "Create a partner client",
            description =
                    "Scopes: referrals:write, observations:write, "
                            + "patients:read. The answer holds the client secret once; Hearth does not keep it (Keycloak does). "
                            + "With Idempotency-Key, a retry of the same request answers the client the first attempt made, with its "
                            + "secret (that first answer may have been lost), and creates none; the same key with another body is 422")
    ResponseEntity<AgencyDirectory.NewPartnerClient> create(
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody PartnerRequest request) {
        Set<PartnerScope> scopes = EnumSet.noneOf(PartnerScope.class);
        for (String scope : request.scopes()) {
            scopes.add(PartnerScope.named(scope)
                    .orElseThrow(() -> ApiException.invalid(List.of(new FieldError(
                            "scopes",
                            "unknown scope '" + scope
                                    + "'; one of referrals:write, observations:write, patients:read")))));
        }
        Agency agency = Agency.ofCaller();
        // the client id follows from the agency and the name: a retry finds the client its first attempt made
        AgencyDirectory.NewPartnerClient created = idempotency
                .createOnce(
                        key,
                        Caller.subject(),
                        json.writeValueAsString(request),
                        claimed ->
                                directory.existingPartner(agency, request.name().strip()),
                        claimed ->
                                directory.createPartner(agency, request.name().strip(), scopes))
                .resource();
        return ResponseEntity.created(URI.create("/api/patients/v1/agency/partner-clients/"
                        + created.client().clientId()))
                .header("Cache-Control", "no-store")
                .body(created);
    }

    @PostMapping("/{clientId}/disable")
    @Operation(summary = "Disable a partner client: it gets no new tokens")
    ResponseEntity<Void> disable(@PathVariable String clientId) {
        directory.disablePartner(Agency.ofCaller(), clientId);
        return ResponseEntity.noContent().build();
    }
}
