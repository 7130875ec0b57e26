package org.hearth.scheduling.fhir;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.hearth.platform.fhir.FhirBundles;
import org.hearth.platform.fhir.FhirException;
import org.hearth.platform.fhir.FhirPage;
import org.hearth.platform.fhir.FhirPaths;
import org.hearth.platform.fhir.FhirSearchParams;
import org.hearth.platform.fhir.SmartScopes;
import org.hearth.platform.security.Caller;
import org.hearth.scheduling.clinicians.Clinician;
import org.hearth.scheduling.clinicians.ClinicianRepository;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agency's clinicians as {@code Practitioner} and {@code PractitionerRole}: read, and search by {@code active}
 * with {@code _count}/{@code _offset} paging. No patient data, so no patient audit; the agency's staff see them (not
 * family members), and partners with {@code system/Practitioner.read} or {@code system/PractitionerRole.read}, so
 * that the clinician named in an Appointment can be resolved.
 */
@Hidden
@RestController
class PractitionerFhirController {

    private final ClinicianRepository clinicians;

    PractitionerFhirController(ClinicianRepository clinicians) {
        this.clinicians = clinicians;
    }

    @GetMapping(FhirPaths.BASE + "/Practitioner/{id}")
    Practitioner practitioner(@PathVariable String id) {
        return read("Practitioner", id, PractitionerMapper::practitioner);
    }

    @GetMapping(FhirPaths.BASE + "/PractitionerRole/{id}")
    PractitionerRole role(@PathVariable String id) {
        return read("PractitionerRole", id, PractitionerMapper::role);
    }

    @GetMapping(FhirPaths.BASE + "/Practitioner")
    Bundle practitioners(
            HttpServletRequest request,
            @RequestParam(required = false) String active,
            @RequestParam(name = "_count", required = false) String count,
            @RequestParam(name = "_offset", required = false) String offset) {
        return search(request, "Practitioner", active, count, offset, PractitionerMapper::practitioner);
    }

    @GetMapping(FhirPaths.BASE + "/PractitionerRole")
    Bundle roles(
            HttpServletRequest request,
            @RequestParam(required = false) String active,
            @RequestParam(name = "_count", required = false) String count,
            @RequestParam(name = "_offset", required = false) String offset) {
        return search(request, "PractitionerRole", active, count, offset, PractitionerMapper::role);
    }

    private <R extends Resource> R read(String type, String id, BiFunction<Clinician, Long, R> mapper) {
        requireAllowed(type);
        ClinicianRepository.Versioned found = clinicians.find(id).orElseThrow(() -> FhirException.notFound(type));
        return mapper.apply(found.clinician(), found.version());
    }

    private Bundle search(
            HttpServletRequest request,
            String type,
            String active,
            String count,
            String offset,
            BiFunction<Clinician, Long, ? extends Resource> mapper) {
        requireAllowed(type);
        FhirPage page = FhirPage.of(count, offset);
        var actives = FhirSearchParams.tokens(active == null ? null : List.of(active));
        if (!actives.isEmpty() && !actives.stream().allMatch(a -> a.equals("true") || a.equals("false"))) {
            throw FhirException.badRequest("active must be true or false.");
        }
        // clinicians of one agency are tens, not thousands: filter after one bounded read, then page
        Page<Clinician> all = clinicians.list(null, PageRequest.of(0, 1_000, Sort.by("clinician.name", "_id")));
        List<Clinician> matches = all.getContent().stream()
                .filter(c -> FhirSearchParams.matches(
                        actives, Boolean.toString(c.active()).toLowerCase(Locale.ROOT)))
                .toList();
        List<Resource> slice = page.slice(matches).stream()
                .map(c -> (Resource) mapper.apply(
                        c,
                        clinicians
                                .find(c.id())
                                .map(ClinicianRepository.Versioned::version)
                                .orElse(1L)))
                .toList();
        return FhirBundles.searchset(request, page, slice, matches.size(), List.of());
    }

    private static void requireAllowed(String type) {
        SmartScopes.requireRead(type);
        if (!SmartScopes.isPartner() && Caller.hasRole("family")) {
            throw new FhirException(
                    org.springframework.http.HttpStatus.FORBIDDEN,
                    org.hl7.fhir.r4.model.OperationOutcome.IssueType.FORBIDDEN,
                    "The agency's practitioners are listed for its staff and partner systems.");
        }
    }
}
