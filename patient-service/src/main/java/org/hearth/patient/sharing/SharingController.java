package org.hearth.patient.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
import org.hearth.patient.agency.Agency;
import org.hearth.patient.carecircle.CareCircleMember;
import org.hearth.patient.carecircle.CareCircleRepository;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.problem.ProblemType;
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
 * The patient's agency records, lists and revokes consents to share with another agency. A consent comes from the
 * patient: through the care circle's point of contact in the family portal, or as a consent document a coordinator
 * records (its reference is required). Revoking ends the share at once: the other agency's next read is 404.
 */
@RestController
@RequestMapping("/api/patients/v1/patients/{patientId}/sharing-grants")
@Tag(name = "Sharing with another agency")
class SharingController {

    static final String OWNERS = "hasAnyRole('agency-admin','coordinator','family')";
    static final int MAX_DAYS = 366;

    private final PatientAccess access;
    private final CareCircleRepository circles;
    private final SharingGrants grants;
    private final SharedRecordGate gate;
    private final IdempotencyKeys idempotency;
    private final JsonMapper json;
    private final Clock clock;

    SharingController(
            PatientAccess access,
            CareCircleRepository circles,
            SharingGrants grants,
            SharedRecordGate gate,
            IdempotencyKeys idempotency,
            JsonMapper json,
            Clock clock) {
        this.access = access;
        this.circles = circles;
        this.grants = grants;
        this.gate = gate;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param agency          the other agency's organization alias, e.g. {@code riverbend}
     * @param from            first day (default today)
     * @param consentDocument required from a coordinator: the reference of the signed consent
     */
    record GrantRequest(
            @NotNull
            @Pattern(
                    regexp = "^[a-z0-9][a-z0-9-]{1,49}$",
                    message = "must be an agency's short " + "name, e.g. riverbend")
            String agency,

            @NotEmpty @Size(max = 4) List<@NotNull SharedPart> parts,
            LocalDate from,
            @NotNull LocalDate until,
            @Size(max = 200) String consentDocument) {}

    record GrantView(
            String id,
            String patientId,
            String agency,
            Set<SharedPart> parts,
            LocalDate from,
            LocalDate until,
            SharingGrant.Basis basis,
            String consentDocument,
            String grantedBy,
            java.time.Instant grantedAt,
            boolean active,
            java.time.Instant revokedAt) {
        static GrantView of(SharingGrant g, LocalDate today) {
            return new GrantView(
                    g.id(),
                    g.patientId(),
                    g.granteeAlias(),
                    g.parts(),
                    g.from(),
                    g.until(),
                    g.basis(),
                    g.consentDocument(),
                    g.grantedBy(),
                    g.grantedAt(),
                    g.activeOn(today),
                    g.revokedAt());
        }
    }

    @PostMapping
    @PreAuthorize(OWNERS)
    @Operation(
            summary = "Share parts of the record with another agency",
            description = "By the care circle's point of "
                    + "contact, or by a coordinator recording a consent document (consentDocument required). The agency is "
                    + "named by its alias; parts among PLAN_SUMMARY, MEDICATIONS, VITALS, VISITS (served by scheduling-service); "
                    + "the period at most 366 days. Publishes SharingGranted.v1 with the grant. With Idempotency-Key, a retry "
                    + "answers the same grant.")
    ResponseEntity<GrantView> grant(
            @PathVariable String patientId,
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody GrantRequest request) {
        SharingGrant.Basis basis = requireConsenter(patientId);
        LocalDate today = gate.today();
        LocalDate from = request.from() == null ? today : request.from();
        Agency owner = Agency.ofCaller();
        List<FieldError> errors = new ArrayList<>();
        if (owner.alias().equals(request.agency())) {
            errors.add(new FieldError("agency", "must be another agency than your own"));
        }
        if (request.from() != null && request.from().isBefore(today)) {
            errors.add(new FieldError("from", "must be today or later: a consent does not reach into the past"));
        }
        if (Set.copyOf(request.parts()).size() != request.parts().size()) {
            errors.add(new FieldError("parts", "must name each part once"));
        }
        if (request.until().isBefore(from) || request.until().isBefore(today)) {
            errors.add(new FieldError("until", "must be today or later, and not before the first day"));
        } else if (from.plusDays(MAX_DAYS).isBefore(request.until())) {
            errors.add(new FieldError("until", "must be at most a year after the first day"));
        }
        String document =
                request.consentDocument() == null || request.consentDocument().isBlank()
                        ? null
                        : request.consentDocument().strip();
        if (basis == SharingGrant.Basis.CONSENT_DOCUMENT && document == null) {
            errors.add(new FieldError("consentDocument", "must name the signed consent (e.g. its form number)"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        SharingGrant grant = idempotency
                .createOnce(
                        key,
                        Caller.subject(),
                        patientId + "\n" + json.writeValueAsString(request),
                        grants::find,
                        id -> grants.insert(new SharingGrant(
                                id,
                                patientId,
                                owner.id(),
                                owner.alias(),
                                request.agency(),
                                Set.copyOf(request.parts()),
                                from,
                                request.until(),
                                basis,
                                document,
                                Caller.subject(),
                                clock.instant(),
                                null,
                                null)))
                .resource();
        return ResponseEntity.created(
                        URI.create("/api/patients/v1/patients/" + patientId + "/sharing-grants/" + grant.id()))
                .body(GrantView.of(grant, today));
    }

    @GetMapping
    @PreAuthorize(OWNERS)
    @Operation(summary = "The patient's sharing grants, newest first, revoked ones included")
    List<GrantView> list(@PathVariable String patientId) {
        requireConsenter(patientId);
        LocalDate today = gate.today();
        return grants.ofPatient(patientId).stream()
                .map(g -> GrantView.of(g, today))
                .toList();
    }

    @PostMapping("/{grantId}/revoke")
    @PreAuthorize(OWNERS)
    @Operation(
            summary = "Revoke a grant now",
            description =
                    "The other agency's next read answers 404; publishes "
                            + "SharingRevoked.v1 with the revocation (scheduling stops serving the visits as soon as it reads it)")
    GrantView revoke(@PathVariable String patientId, @PathVariable String grantId) {
        requireConsenter(patientId);
        SharingGrant grant = grants.find(grantId)
                .filter(g -> g.patientId().equals(patientId))
                .orElseThrow(() -> ApiException.notFound("Sharing grant " + grantId));
        grants.revoke(grant.id(), Caller.subject(), clock.instant());
        return GrantView.of(grants.find(grantId).orElseThrow(), gate.today());
    }

    /** Coordinators (with a consent document) or the care circle's point of contact; 404/403 as the access rules say. */
    private SharingGrant.Basis requireConsenter(String patientId) {
        if (Caller.hasRole("coordinator") || Caller.hasRole("agency-admin")) {
            access.require(patientId, Purpose.CLINICAL);
            return SharingGrant.Basis.CONSENT_DOCUMENT;
        }
        access.require(patientId, Purpose.RECORD);
        boolean pointOfContact = circles.find(patientId)
                .circle()
                .member(Caller.subject())
                .map(CareCircleMember::pointOfContact)
                .orElse(false);
        if (!pointOfContact) {
            throw new ApiException(
                    ProblemType.FORBIDDEN, "Only the point of contact may share the record for the patient.");
        }
        return SharingGrant.Basis.POINT_OF_CONTACT;
    }
}
