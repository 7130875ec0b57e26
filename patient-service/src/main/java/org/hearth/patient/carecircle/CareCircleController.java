package org.hearth.patient.carecircle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hearth.patient.access.ConsentScope;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
import org.hearth.platform.events.WithEvents;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.security.Caller;
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

/** The family care circle and its consents; coordinators record them, the team reads them. */
@RestController
@RequestMapping("/api/patients/v1/patients/{patientId}/care-circle")
@Tag(name = "Care circle")
class CareCircleController {

    private final PatientAccess access;
    private final CareCircleRepository circles;
    private final Clock clock;

    CareCircleController(PatientAccess access, CareCircleRepository circles, Clock clock) {
        this.access = access;
        this.circles = circles;
        this.clock = clock;
    }

    record MemberRequest(
            @Size(max = 100) String subject,
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Size(max = 50) String relationship,
            boolean pointOfContact,
            @NotNull @Size(max = 5) Set<@NotNull ConsentScope> scopes) {}

    record CareCircleRequest(
            @NotNull @Size(max = CareCircle.MAX_MEMBERS) List<@Valid @NotNull MemberRequest> members) {}

    @GetMapping
    @PreAuthorize("hasAnyRole('agency-admin','coordinator','physician','nurse','therapist','aide','social-worker',"
            + "'case-manager')")
    @Operation(summary = "The care circle with each member's consent scopes")
    ResponseEntity<CareCircle> get(@PathVariable String patientId) {
        access.require(patientId, Purpose.CLINICAL);
        CareCircleRepository.Versioned stored = circles.find(patientId);
        return ResponseEntity.ok().eTag(Versions.etag(stored.version())).body(stored.circle());
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('agency-admin','coordinator')")
    @Operation(
            summary = "Replace the care circle",
            description =
                    "Records who granted each consent and when; " + "If-Match required. Publishes CareCircleChanged.v1")
    ResponseEntity<CareCircle> replace(
            @PathVariable String patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody CareCircleRequest request) {
        access.require(patientId, Purpose.CLINICAL);
        long expected = Versions.expected(ifMatch);
        Instant now = clock.instant();
        CareCircle previous = circles.find(patientId).circle();
        CareCircle circle;
        try {
            circle = new CareCircle(
                    patientId,
                    request.members().stream()
                            .map(m -> {
                                var before = m.subject() == null
                                        ? java.util.Optional.<CareCircleMember>empty()
                                        : previous.member(m.subject());
                                boolean sameConsent = before.isPresent()
                                        && before.get().scopes().equals(m.scopes());
                                return new CareCircleMember(
                                        m.subject(),
                                        m.displayName().strip(),
                                        m.relationship().strip(),
                                        m.pointOfContact(),
                                        m.scopes(),
                                        sameConsent ? before.get().consentGrantedBy() : Caller.subject(),
                                        sameConsent ? before.get().consentGrantedAt() : now);
                            })
                            .toList());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(
                    List.of(new FieldError("members", e.getMessage().replaceFirst("^members: ", ""))));
        }
        if (!circles.save(WithEvents.of(circle, CareCircleChanged.of(circle, now)), expected)) {
            throw Versions.stale();
        }
        return ResponseEntity.ok().eTag(Versions.etag(expected + 1)).body(circle);
    }
}
