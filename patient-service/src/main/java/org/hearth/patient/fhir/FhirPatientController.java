package org.hearth.patient.fhir;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
import org.hearth.patient.record.Patient;
import org.hearth.patient.record.PatientRepository;
import org.hearth.patient.referral.Referral;
import org.hearth.patient.referral.ReferralIntake;
import org.hearth.patient.referral.ReferralStatus;
import org.hearth.platform.fhir.FhirAudit;
import org.hearth.platform.fhir.FhirBundles;
import org.hearth.platform.fhir.FhirPage;
import org.hearth.platform.fhir.FhirPaths;
import org.hearth.platform.security.Caller;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * FHIR {@code Patient} read and search, and {@code Patient/{id}/$everything}. Not in the OpenAPI document: FHIR
 * interactions are described by the CapabilityStatement and docs/fhir.md.
 */
@Hidden
@RestController
@RequestMapping(FhirPaths.BASE + "/Patient")
class FhirPatientController {

    /** A search reads at most this many patients before filtering; an agency has hundreds. */
    static final int SEARCH_WINDOW = 2000;

    private final PatientRepository patients;
    private final PatientAccess access;
    private final FhirAccess fhirAccess;
    private final ReferralIntake referrals;
    private final PatientEverything everything;

    FhirPatientController(
            PatientRepository patients,
            PatientAccess access,
            FhirAccess fhirAccess,
            ReferralIntake referrals,
            PatientEverything everything) {
        this.patients = patients;
        this.access = access;
        this.fhirAccess = fhirAccess;
        this.referrals = referrals;
        this.everything = everything;
    }

    @GetMapping("/{id}")
    @PreAuthorize(FhirRoles.RECORD)
    org.hl7.fhir.r4.model.Patient read(@PathVariable String id) {
        PatientRepository.Versioned patient = fhirAccess.require(id, Purpose.RECORD, "Patient");
        return PatientMapper.toFhir(patient.patient(), patient.version());
    }

    @GetMapping
    @PreAuthorize(FhirRoles.RECORD)
    Bundle search(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        FhirQuery query = FhirQuery.of(params, "_id", "family", "birthdate");
        FhirPage page = query.page();
        Set<String> ids = query.tokens("_id");
        String family = query.first("family");
        var born = query.localDates("birthdate");
        List<Patient> all = patients
                .findAll(
                        listable(),
                        PageRequest.of(0, SEARCH_WINDOW, Sort.by("patient.familyName", "patient.givenName", "_id")))
                .getContent()
                .stream()
                .filter(p -> ids.isEmpty() || ids.contains(p.id().toLowerCase(Locale.ROOT)))
                .filter(p -> family == null
                        || p.familyName()
                                .toLowerCase(Locale.ROOT)
                                .startsWith(family.strip().toLowerCase(Locale.ROOT)))
                .filter(p -> born.test(p.birthDate()))
                .toList();
        List<Patient> shown = page.slice(all);
        FhirAudit.patients(shown.stream().map(Patient::id).toList());
        return FhirBundles.searchset(
                request,
                page,
                shown.stream()
                        .map(p -> PatientMapper.toFhir(
                                p,
                                patients.findVersioned(p.id())
                                        .map(PatientRepository.Versioned::version)
                                        .orElse(1L)))
                        .toList(),
                all.size(),
                List.of());
    }

    @GetMapping("/{id}/$everything")
    @PreAuthorize(FhirRoles.EVERYTHING)
    Bundle everything(@PathVariable String id, HttpServletRequest request) {
        return FhirBundles.searchset(request, everything.of(id));
    }

    /** Staff and family as in REST; a partner (system/Patient.read) lists the patients its organisation referred. */
    private Optional<List<String>> listable() {
        if (Caller.hasRole("partner")) {
            if (!FhirAccess.smartRead("Patient")) {
                return Optional.of(List.of());
            }
            return Optional.of(referrals.list(ReferralStatus.ADMITTED, PageRequest.of(0, SEARCH_WINDOW)).stream()
                    .map(Referral::patientId)
                    .filter(java.util.Objects::nonNull)
                    .distinct()
                    .toList());
        }
        return access.listable();
    }
}
