package org.hearth.patient.fhir;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.patient.access.Purpose;
import org.hearth.patient.record.Patient;
import org.hearth.platform.fhir.FhirBundles;
import org.hearth.platform.fhir.FhirException;
import org.hearth.platform.fhir.FhirPage;
import org.hearth.platform.fhir.FhirPaths;
import org.hearth.platform.fhir.FhirSearchParams;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** FHIR {@code Condition} (diagnoses, ICD-10-CM) and {@code AllergyIntolerance} of the clinical profile. */
@Hidden
@RestController
@RequestMapping(FhirPaths.BASE)
class FhirProfileController {

    /** Ids are {@code <patient uuid>-dx-<code>} and {@code <patient uuid>-al-<key>}. */
    private static final Pattern PROFILE_ID = Pattern.compile("^([0-9a-fA-F-]{36})-(dx|al)-(.+)$");

    private final FhirAccess access;
    private final PatientResources resources;

    FhirProfileController(FhirAccess access, PatientResources resources) {
        this.access = access;
        this.resources = resources;
    }

    @GetMapping("/Condition/{id}")
    @PreAuthorize(FhirRoles.PROFILE)
    Condition condition(@PathVariable String id) {
        return find(id, "dx", "Condition", resources::conditions);
    }

    @GetMapping("/AllergyIntolerance/{id}")
    @PreAuthorize(FhirRoles.PROFILE)
    AllergyIntolerance allergy(@PathVariable String id) {
        return find(id, "al", "AllergyIntolerance", resources::allergies);
    }

    @GetMapping("/Condition")
    @PreAuthorize(FhirRoles.PROFILE)
    Bundle conditions(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        FhirQuery query = FhirQuery.of(params, "patient", "subject", "code", "clinical-status");
        Set<String> codes = query.tokens("code");
        Set<String> status = query.tokens("clinical-status");
        Patient patient = access.require(query.requirePatient(), Purpose.RECORD, "Condition")
                .patient();
        List<Condition> all = resources.conditions(patient).stream()
                .filter(c -> codes.isEmpty()
                        || codes.contains(
                                c.getCode().getCodingFirstRep().getCode().toLowerCase()))
                .filter(c -> FhirSearchParams.matches(status, "active"))
                .toList();
        return page(request, query.page(), all);
    }

    @GetMapping("/AllergyIntolerance")
    @PreAuthorize(FhirRoles.PROFILE)
    Bundle allergies(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        FhirQuery query = FhirQuery.of(params, "patient", "clinical-status");
        Set<String> status = query.tokens("clinical-status");
        Patient patient = access.require(query.requirePatient(), Purpose.RECORD, "AllergyIntolerance")
                .patient();
        List<AllergyIntolerance> all = resources.allergies(patient).stream()
                .filter(a -> FhirSearchParams.matches(status, "active"))
                .toList();
        return page(request, query.page(), all);
    }

    private <T extends Resource> T find(
            String id, String kind, String type, java.util.function.Function<Patient, List<T>> list) {
        Matcher matcher = PROFILE_ID.matcher(id);
        if (!matcher.matches() || !matcher.group(2).equals(kind)) {
            throw FhirException.notFound(type);
        }
        Patient patient = access.require(matcher.group(1), Purpose.RECORD, type).patient();
        return list.apply(patient).stream()
                .filter(r -> r.getIdElement().getIdPart().equals(id))
                .findFirst()
                .orElseThrow(() -> FhirException.notFound(type));
    }

    static <T extends Resource> Bundle page(HttpServletRequest request, FhirPage page, List<T> all) {
        return FhirBundles.searchset(request, page, page.slice(all), all.size(), List.of());
    }
}
