package org.hearth.patient.carecircle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
import org.hearth.patient.agency.Agency;
import org.hearth.patient.agency.AgencyDirectory;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.security.Caller;
import org.hearth.platform.web.IdempotencyKeys;
import org.hearth.platform.web.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives a care-circle member a sign-in: a Keycloak account with the {@code family} role in the agency, linked to
 * the member, so that what they see is exactly what their recorded consent allows. The account is removed
 * again if the link cannot be written.
 */
@RestController
@RequestMapping("/api/patients/v1/patients/{patientId}/care-circle/invitations")
@Tag(name = "Care circle")
class FamilyInvitationController {

    private final PatientAccess access;
    private final CareCircleRepository circles;
    private final AgencyDirectory directory;
    private final IdempotencyKeys idempotency;
    private final JsonMapper json;
    private final Clock clock;

    FamilyInvitationController(
            PatientAccess access,
            CareCircleRepository circles,
            AgencyDirectory directory,
            IdempotencyKeys idempotency,
            JsonMapper json,
            Clock clock) {
        this.access = access;
        this.circles = circles;
        this.directory = directory;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    record InvitationRequest(
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Email @Size(max = 200) String email,
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName) {}

    record Invitation(String patientId, String displayName, String subject, String username) {}

    @PostMapping
    @PreAuthorize("hasAnyRole('agency-admin','coordinator')")
    @Operation(
            summary = "Invite a care-circle member to sign in",
            description = "The member (by display name) must "
                    + "be in the circle without an account yet. Creates a family account in Keycloak (username = e-mail) "
                    + "and links it; publishes CareCircleChanged.v1. With Idempotency-Key, a retry of the same request "
                    + "answers the same account and link and creates no second account; the same key with another body "
                    + "(or patient) is 422")
    ResponseEntity<Invitation> invite(
            @PathVariable String patientId,
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody InvitationRequest request) {
        access.require(patientId, Purpose.CLINICAL);
        CareCircleRepository.Versioned stored = circles.find(patientId);
        CareCircleMember member = stored.circle().members().stream()
                .filter(m ->
                        m.displayName().equalsIgnoreCase(request.displayName().strip()))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("care-circle member"));
        Agency agency = Agency.ofCaller();
        String username = request.email().toLowerCase();
        // Keycloak chooses the account's id, so the key's claimed id is not the account's: a retry recognises what its
        // first attempt did by the member's link and the account's unique username (the e-mail)
        boolean retry = idempotency
                .claim(
                        key,
                        Caller.subject(),
                        patientId + "\n" + json.writeValueAsString(request),
                        UUID.randomUUID().toString())
                .replay();
        if (member.subject() != null) {
            Optional<AgencyDirectory.Person> earlier = retry
                    ? directory.memberNamed(agency, username).filter(p -> p.id().equals(member.subject()))
                    : Optional.empty();
            if (earlier.isPresent()) { // the first attempt got as far as the link: answer as it did
                return ResponseEntity.status(201)
                        .eTag(Versions.etag(stored.version()))
                        .body(new Invitation(
                                patientId,
                                member.displayName(),
                                earlier.get().id(),
                                earlier.get().username()));
            }
            throw ApiException.conflict("This care-circle member already has an account.");
        }
        // the first attempt may have made the account but not the link (the store failed): use that account, if it
        // is a family account linked to no circle, rather than fail on its taken username
        Optional<AgencyDirectory.Person> unlinked = retry
                ? directory
                        .memberNamed(agency, username)
                        .filter(p -> p.roles().contains("family")
                                && circles.patientsOf(p.id()).isEmpty())
                : Optional.empty();
        AgencyDirectory.Person account = unlinked.orElseGet(() -> directory.provision(
                agency,
                new AgencyDirectory.NewPerson(
                        username,
                        request.email(),
                        request.givenName().strip(),
                        request.familyName().strip()),
                Set.of("family")));
        List<CareCircleMember> members = stored.circle().members().stream()
                .map(m -> m == member
                        ? new CareCircleMember(
                                account.id(),
                                m.displayName(),
                                m.relationship(),
                                m.pointOfContact(),
                                m.scopes(),
                                m.consentGrantedBy(),
                                m.consentGrantedAt())
                        : m)
                .toList();
        CareCircle linked = new CareCircle(patientId, members);
        if (!circles.save(WithEvents.of(linked, CareCircleChanged.of(linked, clock.instant())), stored.version())) {
            directory.remove(account.id());
            throw Versions.stale();
        }
        return ResponseEntity.status(201)
                .eTag(Versions.etag(stored.version() + 1))
                .body(new Invitation(patientId, member.displayName(), account.id(), account.username()));
    }
}
