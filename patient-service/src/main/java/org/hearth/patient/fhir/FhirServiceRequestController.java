package org.hearth.patient.fhir;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hearth.patient.access.PartnerIdentity;
import org.hearth.patient.referral.Referral;
import org.hearth.patient.referral.ReferralIntake;
import org.hearth.platform.fhir.FhirAudit;
import org.hearth.platform.fhir.FhirBundles;
import org.hearth.platform.fhir.FhirException;
import org.hearth.platform.fhir.FhirPage;
import org.hearth.platform.fhir.FhirPaths;
import org.hearth.platform.fhir.FhirSearchParams;
import org.hearth.platform.security.Caller;
import org.hearth.platform.tenancy.TenantContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * FHIR {@code ServiceRequest}: referrals. Intake staff read all of the agency's; a partner reads those its
 * organisation sent (others are 404). A create receives a new referral through {@link ReferralIntake}, the REST
 * intake's path, and is idempotent by identifier: the same identifier from the same sender answers 200 with the
 * referral stored the first time.
 */
@Hidden
@RestController
@RequestMapping(FhirPaths.BASE + "/ServiceRequest")
class FhirServiceRequestController {

    static final int SEARCH_WINDOW = 2000;

    private final ReferralIntake intake;

    FhirServiceRequestController(ReferralIntake intake) {
        this.intake = intake;
    }

    @GetMapping("/{id}")
    @PreAuthorize(FhirRoles.REFERRALS)
    ServiceRequest read(@PathVariable String id) {
        Referral referral = intake.find(id).orElseThrow(() -> FhirException.notFound("ServiceRequest"));
        FhirAudit.patient(referral.patientId());
        return ServiceRequestMapper.toFhir(referral);
    }

    @GetMapping
    @PreAuthorize(FhirRoles.REFERRALS)
    Bundle search(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        FhirQuery query = FhirQuery.of(params, "patient", "subject", "status", "authored", "_lastUpdated");
        String patientId = query.patient();
        Set<String> status = query.tokens("status");
        var authored = query.dates("authored");
        var updated = query.dates("_lastUpdated");
        List<Referral> all = intake
                .list(null, PageRequest.of(0, SEARCH_WINDOW, Sort.by(Sort.Direction.DESC, "referral.receivedAt")))
                .getContent()
                .stream()
                .filter(r -> patientId == null || patientId.equals(r.patientId()))
                .filter(r -> authored.test(r.receivedAt()))
                .filter(r -> updated.test(ServiceRequestMapper.lastChange(r)))
                .toList();
        List<ServiceRequest> matches = all.stream()
                .map(ServiceRequestMapper::toFhir)
                .filter(s -> FhirSearchParams.matches(status, s.getStatus().toCode()))
                .toList();
        FhirPage page = query.page();
        List<ServiceRequest> shown = page.slice(matches);
        // the patients whose referrals this page shows
        FhirAudit.patients(shown.stream()
                .filter(s -> s.getSubject().getReference().startsWith("Patient/"))
                .map(s -> s.getSubject().getReference().substring("Patient/".length()))
                .distinct()
                .toList());
        return FhirBundles.searchset(request, page, shown, matches.size(), List.of());
    }

    @PostMapping
    @PreAuthorize(FhirRoles.REFER)
    ResponseEntity<ServiceRequest> create(@RequestBody ServiceRequest body) {
        ServiceRequestMapper.Incoming incoming = ServiceRequestMapper.fromFhir(body);
        ReferralIntake.Received received;
        try {
            received = intake.receive(
                    idOf(incoming),
                    incoming.source(),
                    incoming.physician(),
                    incoming.reason(),
                    incoming.diagnoses(),
                    incoming.disciplines(),
                    incoming.dischargeDate(),
                    null,
                    incoming.patient());
        } catch (IllegalArgumentException e) {
            throw FhirException.unprocessable(e.getMessage());
        }
        ServiceRequest answer = ServiceRequestMapper.toFhir(received.referral());
        if (!received.created()) {
            return ResponseEntity.ok(answer);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(FhirPaths.BASE + "/ServiceRequest/"
                        + received.referral().id()))
                .body(answer);
    }

    /**
     * The referral id for an identifier: the same for the same agency, sender and identifier (a resend), different
     * for anyone else's, so two senders' identifiers never meet.
     */
    private static String idOf(ServiceRequestMapper.Incoming incoming) {
        String sender = Objects.requireNonNullElseGet(PartnerIdentity.current(), Caller::subject);
        String key = TenantContext.current().value() + "|" + sender + "|"
                + incoming.identifier().getSystem() + "|"
                + incoming.identifier().getValue();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
