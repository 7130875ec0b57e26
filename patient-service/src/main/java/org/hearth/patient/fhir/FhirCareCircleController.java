package org.hearth.patient.fhir;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.patient.access.Purpose;
import org.hearth.platform.fhir.FhirException;
import org.hearth.platform.fhir.FhirPaths;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * FHIR {@code RelatedPerson}: the care circle, with each member's consent scopes. Read by the care team as the REST
 * care circle is (and by a referring partner holding system/RelatedPerson.read).
 */
@Hidden
@RestController
@RequestMapping(FhirPaths.BASE + "/RelatedPerson")
class FhirCareCircleController {

    private static final Pattern ID = Pattern.compile("^([0-9a-fA-F-]{36})-rp-(.+)$");

    private final FhirAccess access;
    private final PatientResources resources;

    FhirCareCircleController(FhirAccess access, PatientResources resources) {
        this.access = access;
        this.resources = resources;
    }

    @GetMapping("/{id}")
    @PreAuthorize(FhirRoles.CLINICAL)
    RelatedPerson read(@PathVariable String id) {
        Matcher matcher = ID.matcher(id);
        if (!matcher.matches()) {
            throw FhirException.notFound("RelatedPerson");
        }
        access.require(matcher.group(1), Purpose.CLINICAL, "RelatedPerson");
        return resources.relatedPersons(matcher.group(1)).stream()
                .filter(r -> r.getIdElement().getIdPart().equals(id))
                .findFirst()
                .orElseThrow(() -> FhirException.notFound("RelatedPerson"));
    }

    @GetMapping
    @PreAuthorize(FhirRoles.CLINICAL)
    Bundle search(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        FhirQuery query = FhirQuery.of(params, "patient");
        String patientId = query.requirePatient();
        access.require(patientId, Purpose.CLINICAL, "RelatedPerson");
        List<RelatedPerson> all = resources.relatedPersons(patientId);
        return FhirProfileController.page(request, query.page(), all);
    }
}
