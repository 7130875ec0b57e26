package org.hearth.billing.fhir;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hearth.billing.authorizations.AuthorizationRepository;
import org.hearth.billing.patients.BillingFile;
import org.hearth.billing.patients.BillingFiles;
import org.hearth.billing.patients.Coverage;
import org.hearth.billing.payers.Payer;
import org.hearth.billing.payers.PayerRepository;
import org.hearth.platform.fhir.FhirAudit;
import org.hearth.platform.fhir.FhirBundles;
import org.hearth.platform.fhir.FhirException;
import org.hearth.platform.fhir.FhirPage;
import org.hearth.platform.fhir.FhirPaths;
import org.hearth.platform.fhir.FhirSearchParams;
import org.hearth.platform.fhir.SmartScopes;
import org.hearth.platform.security.Caller;
import org.hearth.platform.tenancy.TenantContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code Coverage}, {@code Claim} (prior authorization requests) and {@code ClaimResponse} (the payers' answers):
 * read, and search by {@code patient} (required) with {@code status}/{@code _count}/{@code _offset}. The billing
 * file's readers (billing, coordinators, agency admins) see the agency's patients; a SMART partner with
 * {@code system/<Type>.read} sees the patients its organisation referred; anyone else gets 404 or 403 as on the REST
 * API. Every patient touched is audited.
 */
@Hidden
@RestController
class BillingFhirController {

    private static final Set<String> READERS = Set.of("billing", "coordinator", "agency-admin");

    private final BillingFiles files;
    private final AuthorizationRepository authorizations;
    private final PayerRepository payers;

    BillingFhirController(BillingFiles files, AuthorizationRepository authorizations, PayerRepository payers) {
        this.files = files;
        this.authorizations = authorizations;
        this.payers = payers;
    }

    @GetMapping(FhirPaths.BASE + "/Coverage/{id}")
    org.hl7.fhir.r4.model.Coverage coverage(@PathVariable String id) {
        SmartScopes.requireRead("Coverage");
        BillingFile file = files.findByCoverage(id).orElseThrow(() -> FhirException.notFound("Coverage"));
        FhirAudit.patient(file.patientId());
        requireSight(file, "Coverage");
        Coverage coverage = file.coverages().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow();
        return BillingFhirMapper.coverage(file.patientId(), coverage, payer(coverage.payerId()), file.version());
    }

    @GetMapping(FhirPaths.BASE + "/Coverage")
    Bundle coverages(
            HttpServletRequest request,
            @RequestParam(required = false) String patient,
            @RequestParam(required = false) String beneficiary,
            @RequestParam(name = "_count", required = false) String count,
            @RequestParam(name = "_offset", required = false) String offset) {
        SmartScopes.requireRead("Coverage");
        FhirPage page = FhirPage.of(count, offset);
        String patientId = patientOf(patient != null ? patient : beneficiary, "Coverage");
        List<Resource> all = fileOf(patientId, "Coverage")
                .map(file -> file.coverages().stream()
                        .map(c ->
                                (Resource) BillingFhirMapper.coverage(patientId, c, payer(c.payerId()), file.version()))
                        .toList())
                .orElse(List.of());
        return FhirBundles.searchset(request, page, page.slice(all), all.size(), List.of());
    }

    @GetMapping(FhirPaths.BASE + "/Claim/{id}")
    Claim claim(@PathVariable String id) {
        AuthorizationRepository.Versioned found = authorization(id, "Claim");
        return BillingFhirMapper.claim(
                found.authorization(), agency(), payer(found.authorization().payerId()), found.version());
    }

    @GetMapping(FhirPaths.BASE + "/Claim")
    Bundle claims(
            HttpServletRequest request,
            @RequestParam(required = false) String patient,
            @RequestParam(required = false) String use,
            @RequestParam(required = false) List<String> status,
            @RequestParam(name = "_count", required = false) String count,
            @RequestParam(name = "_offset", required = false) String offset) {
        SmartScopes.requireRead("Claim");
        FhirPage page = FhirPage.of(count, offset);
        if (use != null && !FhirSearchParams.matches(FhirSearchParams.tokens(List.of(use)), "preauthorization")) {
            return FhirBundles.searchset(
                    request, page, List.of(), 0, List.of()); // Hearth holds prior authorizations only
        }
        Set<String> statuses = FhirSearchParams.tokens(status);
        String patientId = patientOf(patient, "Claim");
        List<Resource> all = authorizationsOf(patientId, "Claim").stream()
                .map(a -> BillingFhirMapper.claim(
                        a.authorization(), agency(), payer(a.authorization().payerId()), a.version()))
                .filter(c -> FhirSearchParams.matches(statuses, c.getStatus().toCode()))
                .map(Resource.class::cast)
                .toList();
        return FhirBundles.searchset(request, page, page.slice(all), all.size(), List.of());
    }

    @GetMapping(FhirPaths.BASE + "/ClaimResponse/{id}")
    ClaimResponse claimResponse(@PathVariable String id) {
        AuthorizationRepository.Versioned found = authorization(id, "ClaimResponse");
        return BillingFhirMapper.response(
                        found.authorization(), payer(found.authorization().payerId()), found.version())
                .orElseThrow(() -> FhirException.notFound("ClaimResponse"));
    }

    @GetMapping(FhirPaths.BASE + "/ClaimResponse")
    Bundle claimResponses(
            HttpServletRequest request,
            @RequestParam(required = false) String patient,
            @RequestParam(name = "_count", required = false) String count,
            @RequestParam(name = "_offset", required = false) String offset) {
        SmartScopes.requireRead("ClaimResponse");
        FhirPage page = FhirPage.of(count, offset);
        String patientId = patientOf(patient, "ClaimResponse");
        List<Resource> all = authorizationsOf(patientId, "ClaimResponse").stream()
                .flatMap(a ->
                        BillingFhirMapper.response(
                                a.authorization(), payer(a.authorization().payerId()), a.version())
                                .stream())
                .map(Resource.class::cast)
                .toList();
        return FhirBundles.searchset(request, page, page.slice(all), all.size(), List.of());
    }

    private AuthorizationRepository.Versioned authorization(String id, String type) {
        SmartScopes.requireRead(type);
        AuthorizationRepository.Versioned found =
                authorizations.find(id).orElseThrow(() -> FhirException.notFound(type));
        String patientId = found.authorization().patientId();
        FhirAudit.patient(patientId);
        requireSight(files.find(patientId).orElseThrow(() -> FhirException.notFound(type)), type);
        return found;
    }

    private List<AuthorizationRepository.Versioned> authorizationsOf(String patientId, String type) {
        return fileOf(patientId, type)
                .map(file -> authorizations.ofPatient(patientId))
                .orElse(List.of());
    }

    /** The patient's billing file if the caller may see it; none yet (just admitted) is an empty search. */
    private Optional<BillingFile> fileOf(String patientId, String type) {
        FhirAudit.patient(patientId);
        Optional<BillingFile> file = files.find(patientId);
        if (file.isEmpty() && SmartScopes.isPartner()) {
            throw FhirException.notFound(type);
        }
        requireRole();
        file.ifPresent(f -> requireSight(f, type));
        return file;
    }

    private static String patientOf(String reference, String type) {
        String patientId = FhirSearchParams.reference("patient", reference, "Patient");
        if (patientId == null) {
            throw FhirException.badRequest("Search " + type + " by patient (patient=<id>).");
        }
        return patientId;
    }

    private static void requireSight(BillingFile file, String type) {
        if (SmartScopes.isPartner()) {
            if (!SmartScopes.partner().equals(file.referringPartner())) {
                throw FhirException.notFound(type);
            }
            return;
        }
        requireRole();
    }

    private static void requireRole() {
        if (!SmartScopes.isPartner() && READERS.stream().noneMatch(Caller::hasRole)) {
            throw new FhirException(
                    HttpStatus.FORBIDDEN,
                    IssueType.FORBIDDEN,
                    "Coverage and authorizations are for the agency's billing staff, coordinators and admins.");
        }
    }

    private Optional<Payer> payer(String payerId) {
        return payerId == null ? Optional.empty() : payers.find(payerId).map(PayerRepository.Versioned::payer);
    }

    private static String agency() {
        return TenantContext.current().value();
    }
}
