package org.hearth.billing.patients;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hearth.billing.payers.PayerRepository;
import org.hearth.platform.clinical.ValidNpi;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.web.Versions;
import org.springframework.context.ApplicationEventPublisher;
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

/**
 * A patient's billing file: coverage and the Medicare checklist. The billing role writes; coordinators read;
 * clinicians and family have no access (403); another agency's patient is 404.
 */
@RestController
@RequestMapping("/api/billing/v1/patients/{patientId}")
@Tag(name = "Coverage and Medicare checklist")
public class BillingFileController {

    public static final String BILLING = "hasRole('billing')";
    public static final String READERS = "hasAnyRole('billing','coordinator','agency-admin')";

    private final BillingFiles files;
    private final PayerRepository payers;
    private final ApplicationEventPublisher local;

    BillingFileController(BillingFiles files, PayerRepository payers, ApplicationEventPublisher local) {
        this.files = files;
        this.payers = payers;
        this.local = local;
    }

    record CoverageRequest(
            @NotBlank @Size(max = 100) String payerId,

            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}", message = "must be 1-40 letters, digits or dashes")
            String memberId,

            @Size(max = 100) String plan,
            @NotNull Coverage.Priority priority,
            @NotNull LocalDate from,
            LocalDate to) {}

    record CoverageList(@NotNull @Size(max = 5) List<@Valid @NotNull CoverageRequest> coverages) {}

    record FactsRequest(
            Boolean homebound,
            @Size(max = 500) String homeboundReason,
            LocalDate faceToFaceOn,
            @ValidNpi String certifyingPhysicianNpi) {}

    record FileView(
            String patientId,
            LocalDate startOfCare,
            Integer signedPlanVersion,
            List<Coverage> coverages,
            MedicareFacts medicare) {}

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "The patient's billing file", description = "404 until billing has heard of the admission")
    ResponseEntity<FileView> get(@PathVariable String patientId) {
        BillingFile file = file(patientId);
        return ResponseEntity.ok().eTag(Versions.etag(file.version())).body(view(file));
    }

    @PutMapping("/coverage")
    @PreAuthorize(BILLING)
    @Operation(
            summary = "Replace the patient's coverage",
            description = "If-Match required; payers must exist; at "
                    + "most one primary and one secondary active on any day")
    ResponseEntity<FileView> setCoverage(
            @PathVariable String patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody CoverageList request) {
        BillingFile file = file(patientId);
        Versions.require(ifMatch, file.version());
        List<FieldError> errors = new ArrayList<>();
        List<Coverage> coverages = new ArrayList<>();
        for (int i = 0; i < request.coverages().size(); i++) {
            CoverageRequest c = request.coverages().get(i);
            if (payers.find(c.payerId()).isEmpty()) {
                errors.add(new FieldError("coverages[" + i + "].payerId", "no such payer in this agency"));
            }
            if (c.to() != null && c.to().isBefore(c.from())) {
                errors.add(new FieldError("coverages[" + i + "].to", "must not be before from"));
            }
            coverages.add(new Coverage(
                    UUID.nameUUIDFromBytes((patientId + c.payerId() + c.memberId()).getBytes())
                            .toString(),
                    c.payerId(),
                    c.memberId(),
                    c.plan(),
                    c.priority(),
                    c.from(),
                    c.to()));
        }
        for (int i = 0; i < coverages.size(); i++) {
            for (int j = i + 1; j < coverages.size(); j++) {
                if (coverages.get(i).priority() == coverages.get(j).priority()
                        && overlap(coverages.get(i), coverages.get(j))) {
                    errors.add(new FieldError(
                            "coverages[" + j + "].priority",
                            "overlaps another "
                                    + coverages.get(j).priority().name().toLowerCase() + " coverage"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (!files.setCoverages(patientId, file.version(), coverages)) {
            throw Versions.stale();
        }
        local.publishEvent(new BillingFactsChanged(patientId, "coverage"));
        return get(patientId);
    }

    @PutMapping("/medicare-facts")
    @PreAuthorize(BILLING)
    @Operation(summary = "Record homebound status, the face-to-face encounter and the certifying physician")
    ResponseEntity<FileView> setFacts(
            @PathVariable String patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody FactsRequest request) {
        BillingFile file = file(patientId);
        Versions.require(ifMatch, file.version());
        MedicareFacts facts = new MedicareFacts(
                request.homebound(),
                request.homeboundReason(),
                request.faceToFaceOn(),
                request.certifyingPhysicianNpi());
        if (!files.setMedicare(patientId, file.version(), facts)) {
            throw Versions.stale();
        }
        return get(patientId);
    }

    @GetMapping("/medicare-checklist")
    @PreAuthorize(READERS)
    @Operation(
            summary = "Medicare home health checklist: homebound, physician certification, face-to-face",
            description = "Each item MET, MISSING or NOT_MET with what is missing")
    MedicareChecklist.Result checklist(@PathVariable String patientId) {
        return MedicareChecklist.check(file(patientId));
    }

    private BillingFile file(String patientId) {
        return files.find(patientId).orElseThrow(() -> ApiException.notFound("Billing file of patient " + patientId));
    }

    private static boolean overlap(Coverage a, Coverage b) {
        LocalDate aEnd = a.to() == null ? LocalDate.MAX : a.to();
        LocalDate bEnd = b.to() == null ? LocalDate.MAX : b.to();
        return !a.from().isAfter(bEnd) && !b.from().isAfter(aEnd);
    }

    private static FileView view(BillingFile f) {
        return new FileView(f.patientId(), f.startOfCare(), f.signedPlanVersion(), f.coverages(), f.medicare());
    }
}
