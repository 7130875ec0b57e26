package org.hearth.scheduling.fhir;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.hearth.platform.fhir.FhirAudit;
import org.hearth.platform.fhir.FhirBundles;
import org.hearth.platform.fhir.FhirException;
import org.hearth.platform.fhir.FhirPage;
import org.hearth.platform.fhir.FhirPaths;
import org.hearth.platform.fhir.FhirSearchParams;
import org.hearth.platform.fhir.SmartScopes;
import org.hearth.platform.security.Caller;
import org.hearth.scheduling.patients.PatientProjection;
import org.hearth.scheduling.patients.PatientProjectionRepository;
import org.hearth.scheduling.visits.VisitAccess;
import org.hearth.scheduling.visits.VisitRepository;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code Appointment}: read, and search by {@code patient}, {@code date}, {@code status}, {@code _lastUpdated} with
 * {@code _count}/{@code _offset} paging. Who sees what is the visits' rule (coordinators and admins every patient of
 * the agency, clinicians their care team's), plus SMART partners: with {@code system/Appointment.read}, the patients
 * their organisation referred; any other patient is 404 as if it did not exist. Every patient touched is audited.
 * Documented by the CapabilityStatement, not the OpenAPI document.
 */
@Hidden
@RestController
@RequestMapping(FhirPaths.BASE + "/Appointment")
class AppointmentFhirController {

    /** An agency-wide search reads at most this many visits; beyond it a partner or clinician names the patient. */
    private static final int AGENCY_SEARCH_LIMIT = 2_000;

    private final VisitRepository visits;
    private final PatientProjectionRepository patients;
    private final VisitAccess access;

    AppointmentFhirController(VisitRepository visits, PatientProjectionRepository patients, VisitAccess access) {
        this.access = access;
        this.visits = visits;
        this.patients = patients;
    }

    @GetMapping("/{id}")
    Appointment read(@PathVariable String id) {
        SmartScopes.requireRead("Appointment");
        VisitRepository.Versioned found = visits.find(id).orElseThrow(() -> FhirException.notFound("Appointment"));
        FhirAudit.patient(found.visit().patientId());
        requireSight(found.visit().patientId());
        return AppointmentMapper.toFhir(found.visit(), found.version());
    }

    @GetMapping
    Bundle search(
            HttpServletRequest request,
            @RequestParam(required = false) String patient,
            @RequestParam(required = false) List<String> date,
            @RequestParam(required = false) List<String> status,
            @RequestParam(name = "_lastUpdated", required = false) List<String> lastUpdated,
            @RequestParam(name = "_count", required = false) String count,
            @RequestParam(name = "_offset", required = false) String offset) {
        SmartScopes.requireRead("Appointment");
        FhirPage page = FhirPage.of(count, offset);
        Predicate<Instant> when = FhirSearchParams.dates("date", date);
        Predicate<Instant> updated = FhirSearchParams.dates("_lastUpdated", lastUpdated);
        Set<String> statuses = FhirSearchParams.tokens(status);
        String patientId = FhirSearchParams.reference("patient", patient, "Patient");
        List<VisitRepository.Versioned> candidates;
        if (patientId != null) {
            FhirAudit.patient(patientId);
            requireSight(patientId);
            candidates = visits.versionedOfPatient(patientId);
        } else if (!SmartScopes.isPartner() && VisitAccess.AGENCY_WIDE.stream().anyMatch(Caller::hasRole)) {
            candidates = visits.versioned(AGENCY_SEARCH_LIMIT);
        } else {
            throw FhirException.badRequest("Search appointments by patient (patient=<id>).");
        }
        List<VisitRepository.Versioned> matches = candidates.stream()
                .filter(v -> when.test(AppointmentMapper.when(v.visit())))
                .filter(v -> updated.test(AppointmentMapper.lastUpdated(v.visit())))
                .filter(v -> FhirSearchParams.matches(
                        statuses, AppointmentMapper.status(v.visit()).toCode()))
                .sorted(Comparator.comparing(
                                (VisitRepository.Versioned v) -> AppointmentMapper.when(v.visit()),
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(v -> v.visit().id()))
                .toList();
        List<VisitRepository.Versioned> slice = page.slice(matches);
        if (patientId == null) {
            FhirAudit.patients(
                    slice.stream().map(v -> v.visit().patientId()).distinct().toList());
        }
        return FhirBundles.searchset(
                request,
                page,
                slice.stream()
                        .map(v -> AppointmentMapper.toFhir(v.visit(), v.version()))
                        .toList(),
                matches.size(),
                List.of());
    }

    /** The patient's visits in full, or 404: partners see the patients they referred, staff as on the REST API. */
    private void requireSight(String patientId) {
        PatientProjection patient =
                patients.findById(patientId).orElseThrow(() -> FhirException.notFound("Appointment"));
        if (SmartScopes.isPartner()) {
            if (!patient.referredBy(SmartScopes.partner())) {
                throw FhirException.notFound("Appointment");
            }
            return;
        }
        if (access.sightOf(patient) != VisitAccess.Sight.FULL) {
            // a family member's sight is the console's (times, disciplines, first names), not full appointments
            throw FhirException.notFound("Appointment");
        }
    }
}
