package org.hearth.patient.agency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.security.Caller;
import org.hearth.platform.web.IdempotencyKeys;
import org.hearth.platform.web.Paging;
import org.springframework.data.domain.PageRequest;
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

/**
 * The agency admin's staff accounts (docs/agencies.md): provisioned in Keycloak as members of the admin's own
 * organization, with realm roles; disabled rather than deleted, so that audit trails keep their actor.
 */
@RestController
@RequestMapping("/api/patients/v1/agency/staff")
@PreAuthorize("hasRole('agency-admin')")
@Tag(name = "Agency administration")
class StaffController {

    private final AgencyDirectory directory;
    private final IdempotencyKeys idempotency;
    private final JsonMapper json;

    StaffController(AgencyDirectory directory, IdempotencyKeys idempotency, JsonMapper json) {
        this.directory = directory;
        this.idempotency = idempotency;
        this.json = json;
    }

    record StaffRequest(
            @NotBlank
            @Size(max = 80)
            @Pattern(regexp = "[a-z0-9][a-z0-9._-]*", message = "lower-case letters, digits, '.', '_' or '-'")
            String username,

            @NotBlank @Email @Size(max = 200) String email,
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotEmpty @Size(max = 4) List<@NotBlank String> roles) {}

    record StaffPage(List<AgencyDirectory.Person> items, int page, int size) {}

    @GetMapping
    @Operation(summary = "The agency's people (staff and family accounts), with their roles")
    StaffPage list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageRequest paging = Paging.of(page, size);
        return new StaffPage(
                directory.members(Agency.ofCaller(), (int) paging.getOffset(), paging.getPageSize()),
                paging.getPageNumber(),
                paging.getPageSize());
    }

    @GetMapping("/{userId}")
    @Operation(summary = "One account of the agency")
    AgencyDirectory.Person get(@PathVariable String userId) {
        return directory.member(Agency.ofCaller(), userId);
    }

    @PostMapping
    @Operation(
            summary = "Provision a staff account",
            description = "Creates the Keycloak account in the agency's "
                    + "organization with the given roles; the person sets a password at first sign-in (Keycloak sends the "
                    + "e-mail when SMTP is configured). 409 when the username or e-mail exists. With Idempotency-Key, a "
                    + "retry of the same request answers the account the first attempt made (201, same Location) and creates "
                    + "no second one; the same key with another body is 422")
    ResponseEntity<AgencyDirectory.Person> provision(
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody StaffRequest request) {
        Set<String> roles = new TreeSet<>();
        for (String role : request.roles()) {
            roles.add(StaffRole.ofRealmRole(role)
                    .orElseThrow(() -> ApiException.invalid(List.of(new FieldError(
                            "roles",
                            "unknown staff role '" + role
                                    + "'; one of agency-admin, coordinator, physician, nurse, therapist, "
                                    + "aide, social-worker, case-manager, billing"))))
                    .realmRole());
        }
        Agency agency = Agency.ofCaller();
        // Keycloak chooses the account's id, so a retry does not look for the claimed id: it finds the account by its
        // unique username (with the request's e-mail) in the agency, which is what its first attempt made
        AgencyDirectory.Person person = idempotency
                .createOnce(
                        key,
                        Caller.subject(),
                        json.writeValueAsString(request),
                        claimed -> directory
                                .memberNamed(agency, request.username())
                                .filter(p -> request.email().equalsIgnoreCase(p.email())),
                        claimed -> directory.provision(
                                agency,
                                new AgencyDirectory.NewPerson(
                                        request.username(),
                                        request.email(),
                                        request.givenName().strip(),
                                        request.familyName().strip()),
                                roles))
                .resource();
        return ResponseEntity.created(URI.create("/api/patients/v1/agency/staff/" + person.id()))
                .body(person);
    }

    @PostMapping("/{userId}/disable")
    @Operation(
            summary = "Disable an account",
            description = "Signs the person out everywhere; their refresh tokens "
                    + "stop working at once and access tokens expire within 5 minutes.")
    ResponseEntity<Void> disable(@PathVariable String userId) {
        directory.disable(Agency.ofCaller(), userId);
        return ResponseEntity.noContent().build();
    }
}
