package org.hearth.patient.carecircle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
import org.hearth.patient.agency.Agency;
import org.hearth.patient.agency.AgencyDirectory;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.web.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Set;

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
    private final Clock clock;

    FamilyInvitationController(PatientAccess access, CareCircleRepository circles, AgencyDirectory directory,
            Clock clock) {
        this.access = access;
        this.circles = circles;
        this.directory = directory;
        this.clock = clock;
    }

    record InvitationRequest(@NotBlank @Size(max = 200) String displayName, @NotBlank @Email @Size(max = 200) String email,
            @NotBlank @Size(max = 100) String givenName, @NotBlank @Size(max = 100) String familyName) {
    }

    record Invitation(String patientId, String displayName, String subject, String username) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('agency-admin','coordinator')")
    @Operation(summary = "Invite a care-circle member to sign in", description = "The member (by display name) must "
            + "be in the circle without an account yet. Creates a family account in Keycloak (username = e-mail) "
            + "and links it; publishes CareCircleChanged.v1.")
    ResponseEntity<Invitation> invite(@PathVariable String patientId, @Valid @RequestBody InvitationRequest request) {
        access.require(patientId, Purpose.CLINICAL);
        CareCircleRepository.Versioned stored = circles.find(patientId);
        CareCircleMember member = stored.circle().members().stream()
                .filter(m -> m.displayName().equalsIgnoreCase(request.displayName().strip())).findFirst()
                .orElseThrow(() -> ApiException.notFound("care-circle member"));
        if (member.subject() != null) {
            throw ApiException.conflict("This care-circle member already has an account.");
        }
        AgencyDirectory.Person account = directory.provision(Agency.ofCaller(), new AgencyDirectory.NewPerson(
                request.email().toLowerCase(), request.email(), request.givenName().strip(),
                request.familyName().strip()), Set.of("family"));
        List<CareCircleMember> members = stored.circle().members().stream()
                .map(m -> m == member ? new CareCircleMember(account.id(), m.displayName(), m.relationship(),
                        m.pointOfContact(), m.scopes(), m.consentGrantedBy(), m.consentGrantedAt()) : m).toList();
        CareCircle linked = new CareCircle(patientId, members);
        if (!circles.save(WithEvents.of(linked, CareCircleChanged.of(linked, clock.instant())), stored.version())) {
            directory.remove(account.id());
            throw Versions.stale();
        }
        return ResponseEntity.status(201).eTag(Versions.etag(stored.version() + 1))
                .body(new Invitation(patientId, member.displayName(), account.id(), account.username()));
    }
}
