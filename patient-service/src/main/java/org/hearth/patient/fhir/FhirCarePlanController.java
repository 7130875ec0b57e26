package org.hearth.patient.fhir;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hearth.patient.access.Purpose;
import org.hearth.patient.careplan.CarePlanVersion;
import org.hearth.platform.fhir.FhirBundles;
import org.hearth.platform.fhir.FhirException;
import org.hearth.platform.fhir.FhirPage;
import org.hearth.platform.fhir.FhirPaths;
import org.hearth.platform.fhir.FhirSearchParams;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * FHIR {@code CarePlan} (one per patient, id = the patient's id; its versions are the plan's versions: read gives the
 * plan in force, else the open draft, and {@code _history/{n}} version n) and {@code CareTeam} (id = the patient's).
 */
@Hidden
@RestController
@RequestMapping(FhirPaths.BASE)
class FhirCarePlanController {

    static final String INCLUDE_CARE_TEAM = "CarePlan:care-team";

    private final FhirAccess access;
    private final PatientResources resources;

    FhirCarePlanController(FhirAccess access, PatientResources resources) {
        this.access = access;
        this.resources = resources;
    }

    @GetMapping("/CarePlan/{id}")
    @PreAuthorize(FhirRoles.CLINICAL)
    ResponseEntity<CarePlan> read(@PathVariable String id) {
        access.require(id, Purpose.CLINICAL, "CarePlan");
        CarePlanVersion current = resources.currentPlan(id).orElseThrow(() -> FhirException.notFound("CarePlan"));
        return versioned(CarePlanMapper.toFhir(id, current));
    }

    @GetMapping("/CarePlan/{id}/_history/{version}")
    @PreAuthorize(FhirRoles.CLINICAL)
    ResponseEntity<CarePlan> vread(@PathVariable String id, @PathVariable String version) {
        access.require(id, Purpose.CLINICAL, "CarePlan");
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw FhirException.notFound("CarePlan version");
        }
        CarePlanVersion found =
                resources.plan(id).version(number).orElseThrow(() -> FhirException.notFound("CarePlan version"));
        return versioned(CarePlanMapper.toFhir(id, found));
    }

    @GetMapping("/CarePlan")
    @PreAuthorize(FhirRoles.CLINICAL)
    Bundle search(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        FhirQuery query = FhirQuery.of(params, "patient", "subject", "status", "date", "_lastUpdated", "_include");
        for (String include : query.all("_include")) {
            if (!INCLUDE_CARE_TEAM.equals(include)) {
                throw FhirException.badRequest("_include supports " + INCLUDE_CARE_TEAM + " only.");
            }
        }
        String patientId = query.requirePatient();
        access.require(patientId, Purpose.CLINICAL, "CarePlan");
        Set<String> status = query.tokens("status");
        var date = query.dates("date");
        var updated = query.dates("_lastUpdated");
        List<CarePlan> matches = resources.carePlan(patientId).stream()
                .filter(p -> FhirSearchParams.matches(status, p.getStatus().toCode()))
                .filter(p -> date.test(
                        p.hasPeriod()
                                ? p.getPeriod().getStart().toInstant()
                                : p.getCreated() == null ? null : p.getCreated().toInstant()))
                .filter(p -> updated.test(
                        p.getMeta().getLastUpdated() == null
                                ? null
                                : p.getMeta().getLastUpdated().toInstant()))
                .toList();
        FhirPage page = query.page();
        List<CarePlan> shown = page.slice(matches);
        List<Resource> included = new ArrayList<>();
        if (!shown.isEmpty() && query.all("_include").contains(INCLUDE_CARE_TEAM)) {
            included.add(resources.careTeam(patientId));
        }
        return FhirBundles.searchset(request, page, shown, matches.size(), included);
    }

    @GetMapping("/CareTeam/{id}")
    @PreAuthorize(FhirRoles.CLINICAL)
    CareTeam careTeam(@PathVariable String id) {
        access.require(id, Purpose.CLINICAL, "CareTeam");
        return resources.careTeam(id);
    }

    @GetMapping("/CareTeam")
    @PreAuthorize(FhirRoles.CLINICAL)
    Bundle careTeams(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        FhirQuery query = FhirQuery.of(params, "patient", "subject", "status");
        String patientId = query.requirePatient();
        access.require(patientId, Purpose.CLINICAL, "CareTeam");
        Set<String> status = query.tokens("status");
        List<CareTeam> all =
                FhirSearchParams.matches(status, "active") ? List.of(resources.careTeam(patientId)) : List.of();
        return FhirProfileController.page(request, query.page(), all);
    }

    private static ResponseEntity<CarePlan> versioned(CarePlan plan) {
        return ResponseEntity.ok()
                .eTag("W/\"" + plan.getMeta().getVersionId() + "\"")
                .lastModified(
                        plan.getMeta().getLastUpdated() == null
                                ? 0
                                : plan.getMeta().getLastUpdated().getTime())
                .body(plan);
    }
}
