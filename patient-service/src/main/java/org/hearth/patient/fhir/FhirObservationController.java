package org.hearth.patient.fhir;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.hearth.patient.access.Purpose;
import org.hearth.patient.observations.Observation;
import org.hearth.patient.observations.ObservationRepository;
import org.hearth.patient.observations.VitalsIngestion;
import org.hearth.platform.fhir.FhirAudit;
import org.hearth.platform.fhir.FhirException;
import org.hearth.platform.fhir.FhirPaths;
import org.hearth.platform.fhir.FhirSearchParams;
import org.hl7.fhir.r4.model.Bundle;
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
 * FHIR {@code Observation}: vital-sign readings (LOINC, UCUM). A create goes through {@link VitalsIngestion}, the
 * REST batch's path, so an out-of-range reading raises its alert the same way; it is idempotent by identifier: the
 * same identifier again answers 200 with the reading stored the first time and stores nothing.
 */
@Hidden
@RestController
@RequestMapping(FhirPaths.BASE + "/Observation")
class FhirObservationController {

    private final FhirAccess access;
    private final PatientResources resources;
    private final ObservationRepository observations;
    private final VitalsIngestion ingestion;

    FhirObservationController(
            FhirAccess access,
            PatientResources resources,
            ObservationRepository observations,
            VitalsIngestion ingestion) {
        this.access = access;
        this.resources = resources;
        this.observations = observations;
        this.ingestion = ingestion;
    }

    @GetMapping("/{id}")
    @PreAuthorize(FhirRoles.VITALS)
    org.hl7.fhir.r4.model.Observation read(@PathVariable String id) {
        Observation reading =
                observations.findById(id.toLowerCase()).orElseThrow(() -> FhirException.notFound("Observation"));
        access.require(reading.patientId(), Purpose.VITALS, "Observation");
        return ObservationMapper.toFhir(reading);
    }

    @GetMapping
    @PreAuthorize(FhirRoles.VITALS)
    Bundle search(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        FhirQuery query =
                FhirQuery.of(params, "patient", "subject", "date", "code", "category", "status", "_lastUpdated");
        String patientId = query.requirePatient();
        access.require(patientId, Purpose.VITALS, "Observation");
        var date = query.dates("date");
        var updated = query.dates("_lastUpdated");
        Set<String> codes = query.tokens("code");
        Set<String> categories = query.tokens("category");
        Set<String> status = query.tokens("status");
        List<org.hl7.fhir.r4.model.Observation> all = resources.readings(patientId).stream()
                .filter(r -> date.test(r.observedAt()))
                .filter(r -> updated.test(r.recordedAt()))
                .filter(r -> ObservationMapper.matchesCode(r.vital(), codes))
                .map(ObservationMapper::toFhir)
                .filter(o -> categories.isEmpty()
                        || FhirSearchParams.matches(
                                categories,
                                o.getCategoryFirstRep().getCodingFirstRep().getCode()))
                .filter(o -> FhirSearchParams.matches(status, "final"))
                .toList();
        return FhirProfileController.page(request, query.page(), all);
    }

    @PostMapping
    @PreAuthorize(FhirRoles.RECORD_VITALS)
    ResponseEntity<org.hl7.fhir.r4.model.Observation> create(@RequestBody org.hl7.fhir.r4.model.Observation body) {
        ObservationMapper.Incoming incoming = ObservationMapper.fromFhir(body);
        FhirAudit.patient(incoming.patientId());
        VitalsIngestion.Result result = ingestion.record(incoming.patientId(), incoming.readings(), "Observation");
        Observation first = result.readings().getFirst();
        // a reading stored before (the same identifier resent) is answered as stored then, not as sent now
        Observation stored = observations.findById(first.id()).orElse(first);
        if (!stored.patientId().equals(incoming.patientId()) || stored.vital() != first.vital()) {
            throw FhirException.unprocessable("This identifier was used for another reading already.");
        }
        boolean created = result.accepted() > 0;
        ResponseEntity.BodyBuilder answer = created
                ? ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create(FhirPaths.BASE + "/Observation/" + stored.id()))
                : ResponseEntity.ok();
        return answer.body(ObservationMapper.toFhir(stored));
    }
}
