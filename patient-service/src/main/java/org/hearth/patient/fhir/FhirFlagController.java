package org.hearth.patient.fhir;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.hearth.patient.access.Purpose;
import org.hearth.patient.alerts.Alert;
import org.hearth.patient.alerts.AlertReader;
import org.hearth.platform.fhir.FhirException;
import org.hearth.platform.fhir.FhirPaths;
import org.hearth.platform.fhir.FhirSearchParams;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** FHIR {@code Flag}: a patient's alerts (active while open or acknowledged), read as the REST alert queue is. */
@Hidden
@RestController
@RequestMapping(FhirPaths.BASE + "/Flag")
class FhirFlagController {

    private final FhirAccess access;
    private final PatientResources resources;
    private final AlertReader alerts;

    FhirFlagController(FhirAccess access, PatientResources resources, AlertReader alerts) {
        this.access = access;
        this.resources = resources;
        this.alerts = alerts;
    }

    @GetMapping("/{id}")
    @PreAuthorize(FhirRoles.ALERTS)
    Flag read(@PathVariable String id) {
        Alert alert = alerts.find(id).orElseThrow(() -> FhirException.notFound("Flag"));
        access.require(alert.patientId(), Purpose.CLINICAL, "Flag");
        return FlagMapper.toFhir(alert);
    }

    @GetMapping
    @PreAuthorize(FhirRoles.ALERTS)
    Bundle search(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        FhirQuery query = FhirQuery.of(params, "patient", "subject", "status", "date", "_lastUpdated");
        String patientId = query.requirePatient();
        access.require(patientId, Purpose.CLINICAL, "Flag");
        Set<String> status = query.tokens("status");
        var date = query.dates("date");
        var updated = query.dates("_lastUpdated");
        List<Flag> all = resources.alerts(patientId).stream()
                .filter(a -> date.test(a.raisedAt()))
                .filter(a -> updated.test(FlagMapper.lastChange(a)))
                .map(FlagMapper::toFhir)
                .filter(f -> FhirSearchParams.matches(status, f.getStatus().toCode()))
                .toList();
        return FhirProfileController.page(request, query.page(), all);
    }
}
