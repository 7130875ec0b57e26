package org.hearth.patient.breakglass;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hearth.patient.access.AccessSettings;
import org.hearth.patient.access.BreakGlassGrant;
import org.hearth.patient.access.BreakGlassGrants;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.agency.Agency;
import org.hearth.patient.careteam.CareTeamMember;
import org.hearth.patient.careteam.CareTeamRepository;
import org.hearth.patient.record.Patient;
import org.hearth.patient.record.PatientRepository;
import org.hearth.platform.audit.RefusalAudit;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.security.Caller;
import org.hearth.platform.web.IdempotencyKeys;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opening a record in an emergency, and the privacy officer's review queue. Opening is for clinicians of the patient's
 * agency who are not on its care team (another agency's patient is 404 as always); the grant lasts
 * {@code hearth.access.break-glass} (4 h by default) and every access under it is audited as break-glass.
 */
@RestController
@Tag(name = "Break-glass")
class BreakGlassController {

    static final String CLINICIANS =
            "hasAnyRole('physician','nurse','therapist','aide','social-worker','case-manager')";
    static final String PRIVACY_OFFICER = "hasRole('privacy-officer')";

    private final PatientRepository patients;
    private final PatientAccess access;
    private final BreakGlassGrants grants;
    private final CareTeamRepository teams;
    private final PrivacyOfficers privacyOfficers;
    private final AccessSettings settings;
    private final IdempotencyKeys idempotency;
    private final JsonMapper json;
    private final Clock clock;

    BreakGlassController(
            PatientRepository patients,
            PatientAccess access,
            BreakGlassGrants grants,
            CareTeamRepository teams,
            PrivacyOfficers privacyOfficers,
            AccessSettings settings,
            IdempotencyKeys idempotency,
            JsonMapper json,
            Clock clock) {
        this.patients = patients;
        this.access = access;
        this.grants = grants;
        this.teams = teams;
        this.privacyOfficers = privacyOfficers;
        this.settings = settings;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    record OpenRequest(@NotBlank @Size(max = 500) String reason) {}

    record ReviewRequest(@NotBlank @Size(max = 1000) String note) {}

    /** A grant as the review queue shows it, with the patient's name (the privacy officer's work needs it). */
    record GrantView(
            String id,
            String patientId,
            String patientName,
            String clinician,
            String clinicianName,
            String reason,
            Instant openedAt,
            Instant expiresAt,
            boolean active,
            Instant revokedAt,
            String revokedBy,
            Instant reviewedAt,
            String reviewedBy,
            String reviewNote) {}

    @PostMapping("/api/patients/v1/patients/{patientId}/break-glass")
    @PreAuthorize(CLINICIANS)
    @Operation(
            summary = "Open the record in an emergency",
            description = "For a clinician of the agency who is not on "
                    + "the care team (409 if they are). The reason is required. Read access to what a care-team clinician "
                    + "reads, for hearth.access.break-glass (4 h by default); every access is audited as break-glass. "
                    + "Publishes BreakGlassOpened.v1 (the privacy officers and the lead physician are told). With "
                    + "Idempotency-Key, a retry answers the same grant.")
    ResponseEntity<GrantView> open(
            @PathVariable String patientId,
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody OpenRequest request) {
        Patient patient = patients.findById(patientId).orElseThrow(() -> ApiException.notFound("Patient " + patientId));
        String clinician = Caller.subject();
        if (access.onCareTeam(patientId)) {
            throw ApiException.conflict("You are on this patient's care team; the record is open to you already.");
        }
        BreakGlassGrant grant = idempotency
                .createOnce(key, clinician, patientId + "\n" + json.writeValueAsString(request), grants::find, id -> {
                    Instant now = clock.instant();
                    BreakGlassGrant opened = new BreakGlassGrant(
                            id,
                            patientId,
                            clinician,
                            callerName(),
                            request.reason().strip(),
                            now,
                            now.plus(settings.breakGlass()),
                            null,
                            null,
                            null,
                            null,
                            null);
                    String lead = teams.find(patientId)
                            .team()
                            .leadPhysician()
                            .map(CareTeamMember::subject)
                            .orElse(null);
                    Set<String> notify = new LinkedHashSet<>(
                            privacyOfficers.of(Agency.ofCaller().id()));
                    if (lead != null) {
                        notify.add(lead);
                    }
                    grants.open(
                            opened,
                            new BreakGlassOpened(
                                    patientId,
                                    id,
                                    clinician,
                                    opened.openedAt(),
                                    opened.expiresAt(),
                                    lead,
                                    List.copyOf(notify)));
                    return opened;
                })
                .resource();
        return ResponseEntity.created(URI.create("/api/patients/v1/break-glass/" + grant.id()))
                .body(view(grant, patient));
    }

    @GetMapping("/api/patients/v1/break-glass")
    @PreAuthorize(PRIVACY_OFFICER)
    @Operation(
            summary = "The privacy officer's review queue",
            description =
                    "Grants not reviewed yet, newest first; " + "status=all lists reviewed ones too (at most 200)")
    List<GrantView> queue(@RequestParam(defaultValue = "open") String status) {
        return grants.list("all".equals(status), 200).stream()
                .map(g -> view(g, patients.findById(g.patientId()).orElse(null)))
                .toList();
    }

    @PostMapping("/api/patients/v1/break-glass/{grantId}/review")
    @PreAuthorize(PRIVACY_OFFICER)
    @Operation(
            summary = "Mark a grant reviewed, with a note",
            description = "It leaves the review queue; the grant " + "itself runs on until it expires or is revoked")
    GrantView review(@PathVariable String grantId, @Valid @RequestBody ReviewRequest request) {
        if (!grants.review(grantId, Caller.subject(), request.note().strip(), clock.instant())) {
            throw ApiException.notFound("Break-glass grant " + grantId);
        }
        return current(grantId);
    }

    @PostMapping("/api/patients/v1/break-glass/{grantId}/revoke")
    @PreAuthorize(PRIVACY_OFFICER)
    @Operation(summary = "End a grant now", description = "The clinician's next request is refused (403)")
    GrantView revoke(@PathVariable String grantId) {
        if (!grants.revoke(grantId, Caller.subject(), clock.instant())) {
            throw ApiException.notFound("Break-glass grant " + grantId);
        }
        return current(grantId);
    }

    private GrantView current(String grantId) {
        BreakGlassGrant grant =
                grants.find(grantId).orElseThrow(() -> ApiException.notFound("Break-glass grant " + grantId));
        return view(grant, patients.findById(grant.patientId()).orElse(null));
    }

    private GrantView view(BreakGlassGrant g, Patient patient) {
        return new GrantView(
                g.id(),
                g.patientId(),
                patient == null ? null : patient.givenName() + " " + patient.familyName(),
                g.clinician(),
                g.clinicianName(),
                g.reason(),
                g.openedAt(),
                g.expiresAt(),
                g.activeAt(clock.instant()),
                g.revokedAt(),
                g.revokedBy(),
                g.reviewedAt(),
                g.reviewedBy(),
                g.reviewNote());
    }

    /** The name the token gives (Keycloak's {@code name} claim), else the username: what the review queue shows. */
    private static String callerName() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            return RefusalAudit.nameOf(jwt); // the name its audit records give the same person
        }
        return null;
    }
}
