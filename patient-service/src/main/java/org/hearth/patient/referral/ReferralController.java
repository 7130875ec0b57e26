package org.hearth.patient.referral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hearth.patient.record.ClinicalProfile;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.security.Caller;
import org.hearth.platform.web.IdempotencyKeys;
import org.hearth.platform.web.PageResponse;
import org.hearth.platform.web.Paging;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
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

/** Referral intake and the agency's decision on it. */
@RestController
@RequestMapping("/api/patients/v1/referrals")
@Tag(name = "Referrals")
class ReferralController {

    static final String INTAKE = "hasAnyRole('agency-admin','coordinator')";
    static final String INTAKE_OR_REFERRING_PARTNER = "hasAnyRole('agency-admin','coordinator') "
            + "or (hasRole('partner') and hasAuthority('SCOPE_hearth.referrals'))";

    private final ReferralRepository referrals;
    private final ReferralAdmission admission;
    private final ReferralIntake intake;
    private final IdempotencyKeys idempotency;
    private final JsonMapper json;
    private final Clock clock;

    ReferralController(
            ReferralRepository referrals,
            ReferralAdmission admission,
            ReferralIntake intake,
            IdempotencyKeys idempotency,
            JsonMapper json,
            Clock clock) {
        this.referrals = referrals;
        this.admission = admission;
        this.intake = intake;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    record Decline(@NotBlank @Size(max = 1000) String reason) {}

    @PostMapping
    @PreAuthorize("hasAnyRole('agency-admin','coordinator','physician') "
            + "or (hasRole('partner') and hasAuthority('SCOPE_hearth.referrals'))")
    @Operation(
            summary = "Refer a patient",
            description = "201 with the referral. With Idempotency-Key, a retry of "
                    + "the same request answers the same referral and creates nothing; the same key with another body is 422. "
                    + "Publishes ReferralReceived.v1")
    ResponseEntity<Referral> refer(
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody ReferralRequest request) {
        Referral referral = toReferral(request, UUID.randomUUID().toString());
        IdempotencyKeys.Claim claim =
                idempotency.claim(key, Caller.subject(), json.writeValueAsString(request), referral.id());
        if (claim.replay()) {
            referral = toReferral(request, claim.resourceId());
        }
        referrals.insertIfAbsent(referral); // false on a replay whose first attempt stored it: same answer
        Referral stored = referrals
                .find(referral.id())
                .map(ReferralRepository.Versioned::referral)
                .orElseThrow();
        return ResponseEntity.created(URI.create("/api/patients/v1/referrals/" + stored.id()))
                .header("Idempotent-Replayed", String.valueOf(claim.replay()))
                .body(stored);
    }

    @GetMapping
    @PreAuthorize(INTAKE_OR_REFERRING_PARTNER)
    @Operation(
            summary = "The intake queue, newest first",
            description = "Filter by status, e.g. RECEIVED. A partner "
                    + "client (scope hearth.referrals) lists the referrals its organisation sent and their status")
    PageResponse<Referral> list(
            @RequestParam(required = false) ReferralStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(
                intake.list(
                        status, Paging.of(page, size).withSort(Sort.by(Sort.Direction.DESC, "referral.receivedAt"))),
                r -> r);
    }

    @GetMapping("/{id}")
    @PreAuthorize(INTAKE_OR_REFERRING_PARTNER)
    @Operation(
            summary = "Read one referral",
            description = "A partner reads the referrals its organisation sent; " + "others answer 404")
    Referral get(@PathVariable String id) {
        return intake.find(id).orElseThrow(() -> ApiException.notFound("Referral " + id));
    }

    @PostMapping("/{id}/acceptance")
    @PreAuthorize(INTAKE)
    @Operation(
            summary = "Accept a received referral",
            description = "Publishes ReferralAccepted.v1; 409 unless RECEIVED")
    Referral accept(@PathVariable String id) {
        return decide(id, r -> r.accept(Caller.subject(), clock.instant()), true);
    }

    @PostMapping("/{id}/decline")
    @PreAuthorize(INTAKE)
    @Operation(summary = "Decline a received referral, with the reason", description = "409 unless RECEIVED")
    Referral decline(@PathVariable String id, @Valid @RequestBody Decline body) {
        return decide(id, r -> r.decline(Caller.subject(), body.reason().strip(), clock.instant()), false);
    }

    @PostMapping("/{id}/admission")
    @PreAuthorize(INTAKE)
    @Operation(
            summary = "Admit an accepted referral",
            description = "Creates the patient (PatientAdmitted.v1) and, "
                    + "after a hospital discharge, the transition-of-care tasks. Safe to retry; 409 unless ACCEPTED")
    ResponseEntity<Referral> admit(@PathVariable String id) {
        try {
            return ResponseEntity.status(HttpStatus.OK).body(admission.admit(load(id)));
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private Referral decide(String id, Function<Referral, Referral> decision, boolean accepted) {
        ReferralRepository.Versioned stored = load(id);
        Referral decided;
        try {
            decided = decision.apply(stored.referral());
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        List<org.hearth.platform.events.DomainEvent> events = accepted
                ? List.of(new ReferralEvents.ReferralAccepted(id, decided.decidedBy(), decided.decidedAt()))
                : List.of();
        if (!referrals.update(decided, stored.version(), events)) {
            throw ApiException.conflict("The referral changed meanwhile; read it again.");
        }
        return decided;
    }

    private ReferralRepository.Versioned load(String id) {
        return referrals.find(id).orElseThrow(() -> ApiException.notFound("Referral " + id));
    }

    private Referral toReferral(ReferralRequest r, String id) {
        try {
            ReferralRequest.Person p = r.patient();
            return Referral.receive(
                    id,
                    r.source(),
                    new Referral.ReferringPhysician(
                            r.referringPhysician().name().strip(),
                            r.referringPhysician().npi()),
                    r.reason().strip(),
                    r.diagnoses().stream()
                            .map(d -> new ClinicalProfile.Diagnosis(d.code(), d.description(), d.primary()))
                            .toList(),
                    r.requestedDisciplines().stream().distinct().toList(),
                    r.dischargeDate(),
                    r.complexity(),
                    new Referral.Prospect(
                            p.givenName().strip(),
                            p.familyName().strip(),
                            p.birthDate(),
                            p.address().toAddress(),
                            p.phone(),
                            p.language()),
                    Caller.subject(),
                    org.hearth.patient.access.PartnerIdentity.current(),
                    clock.instant());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(List.of(FieldError.fromRuleMessage(e.getMessage())));
        }
    }
}
