package org.hearth.patient.careteam;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read and replace a patient's care team; writes need the ETag last read ({@code "0"} before the first). */
@RestController
@RequestMapping("/api/patients/v1/patients/{patientId}/care-team")
@Tag(name = "Care team")
class CareTeamController {

    private final PatientAccess access;
    private final CareTeamRepository teams;
    private final Clock clock;

    CareTeamController(PatientAccess access, CareTeamRepository teams, Clock clock) {
        this.access = access;
        this.teams = teams;
        this.clock = clock;
    }

    record MemberRequest(
            @NotBlank @Size(max = 100) String subject,
            @NotNull CareTeamRole role,
            @NotBlank @Size(max = 200) String displayName,
            boolean lead) {}

    record CareTeamRequest(
            @NotNull @Size(max = CareTeam.MAX_MEMBERS) List<@Valid @NotNull MemberRequest> members) {}

    record CareTeamView(String patientId, String leadPhysician, List<CareTeamMember> members) {
        static CareTeamView of(CareTeam team) {
            return new CareTeamView(
                    team.patientId(),
                    team.leadPhysician().map(CareTeamMember::subject).orElse(null),
                    team.members());
        }
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('agency-admin','coordinator','physician','nurse','therapist','aide','social-worker',"
            + "'case-manager')")
    @Operation(summary = "Read the care team", description = "ETag carries the version to send back in If-Match")
    ResponseEntity<CareTeamView> get(@PathVariable String patientId) {
        requirePatient(patientId);
        CareTeamRepository.Versioned current = teams.find(patientId);
        return ResponseEntity.ok().eTag(Versions.etag(current.version())).body(CareTeamView.of(current.team()));
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('agency-admin','coordinator')")
    @Operation(
            summary = "Replace the care team",
            description = "If-Match required (428 without, 412 if stale); "
                    + "at most one lead, who must be a PHYSICIAN. Publishes CareTeamChanged.v1")
    ResponseEntity<CareTeamView> replace(
            @PathVariable String patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody CareTeamRequest request) {
        requirePatient(patientId);
        long expected = Versions.expected(ifMatch);
        CareTeam team;
        try {
            team = new CareTeam(
                    patientId,
                    request.members().stream()
                            .map(m -> new CareTeamMember(
                                    m.subject().strip(),
                                    m.role(),
                                    m.displayName().strip(),
                                    m.lead()))
                            .toList());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (!teams.save(WithEvents.of(team, CareTeamChanged.of(team, clock.instant())), expected)) {
            throw Versions.stale();
        }
        return ResponseEntity.ok().eTag(Versions.etag(expected + 1)).body(CareTeamView.of(team));
    }

    private void requirePatient(String patientId) {
        access.require(patientId, Purpose.CLINICAL);
    }
}
