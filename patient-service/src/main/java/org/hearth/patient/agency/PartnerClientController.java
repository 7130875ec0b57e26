package org.hearth.patient.agency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

    PartnerClientController(AgencyDirectory directory) {
        this.directory = directory;
    }

    record PartnerRequest(@NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._-]*") String name,
            @NotEmpty @Size(max = 3) List<@NotBlank String> scopes) {
    }

    @GetMapping
    @Operation(summary = "The agency's partner clients and their scopes (never their secrets)")
    List<AgencyDirectory.PartnerClient> list() {
        return directory.partners(Agency.ofCaller());
    }

    @PostMapping
    @Operation(summary = "Create a partner client", description = "Scopes: referrals:write, observations:write, "
            + "patients:read. The answer holds the client secret once; Hearth does not keep it (Keycloak does).")
    ResponseEntity<AgencyDirectory.NewPartnerClient> create(@Valid @RequestBody PartnerRequest request) {
        Set<PartnerScope> scopes = EnumSet.noneOf(PartnerScope.class);
        for (String scope : request.scopes()) {
            scopes.add(PartnerScope.named(scope).orElseThrow(() -> ApiException.invalid(List.of(new FieldError("scopes",
                    "unknown scope '" + scope + "'; one of referrals:write, observations:write, patients:read")))));
        }
        AgencyDirectory.NewPartnerClient created = directory.createPartner(Agency.ofCaller(), request.name().strip(), scopes);
        return ResponseEntity.created(URI.create("/api/patients/v1/agency/partner-clients/" + created.client().clientId()))
                .header("Cache-Control", "no-store").body(created);
    }

    @PostMapping("/{clientId}/disable")
    @Operation(summary = "Disable a partner client: it gets no new tokens")
    ResponseEntity<Void> disable(@PathVariable String clientId) {
        directory.disablePartner(Agency.ofCaller(), clientId);
        return ResponseEntity.noContent().build();
    }
}
