package org.hearth.patient.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.hearth.platform.fhir.FhirException;
import org.hearth.platform.fhir.FhirPage;
import org.hearth.platform.fhir.FhirSearchParams;
import org.springframework.util.MultiValueMap;

/**
 * The parameters of one FHIR search. A parameter the search does not support is a 400 rather than silently ignored:
 * a partner filtering by it would otherwise take every result for a filtered one.
 */
final class FhirQuery {

    private static final Set<String> ALWAYS = Set.of("_count", "_offset", "_format", "_pretty");

    private final MultiValueMap<String, String> params;

    private FhirQuery(MultiValueMap<String, String> params) {
        this.params = params;
    }

    /** @param supported the parameters this search understands besides _count and _offset */
    static FhirQuery of(MultiValueMap<String, String> params, String... supported) {
        Set<String> allowed = new TreeSet<>(Set.of(supported));
        for (String name : params.keySet()) {
            if (!ALWAYS.contains(name) && !allowed.contains(name)) {
                throw FhirException.badRequest("This search does not support the parameter " + safe(name)
                        + "; it supports " + String.join(", ", allowed) + ", _count and _offset.");
            }
        }
        return new FhirQuery(params);
    }

    FhirPage page() {
        return FhirPage.of(params.getFirst("_count"), params.getFirst("_offset"));
    }

    String first(String name) {
        return params.getFirst(name);
    }

    List<String> all(String name) {
        return params.getOrDefault(name, List.of());
    }

    /** The patient id of the {@code patient} (or {@code subject}) parameter; null if absent. */
    String patient() {
        String value = params.getFirst("patient");
        if (value == null) {
            value = params.getFirst("subject");
        }
        return FhirSearchParams.reference("patient", value, "Patient");
    }

    /** The patient id, which this search needs. */
    String requirePatient() {
        String patient = patient();
        if (patient == null) {
            throw FhirException.badRequest("This search needs the patient parameter (patient=Patient/<id>).");
        }
        return patient;
    }

    Predicate<Instant> dates(String name) {
        return FhirSearchParams.dates(name, all(name));
    }

    Predicate<LocalDate> localDates(String name) {
        return FhirSearchParams.localDates(name, all(name));
    }

    Set<String> tokens(String name) {
        return FhirSearchParams.tokens(all(name));
    }

    private static String safe(String name) {
        return name.length() > 40 || !name.matches("[A-Za-z0-9_:.\\-]+") ? "given" : name;
    }
}
