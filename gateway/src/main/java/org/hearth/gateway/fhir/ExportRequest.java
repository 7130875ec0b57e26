package org.hearth.gateway.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.InstantType;

/**
 * The parameters of a Bulk Data kick-off, checked: {@code Prefer: respond-async} is required, {@code _outputFormat}
 * must be NDJSON, {@code _type} may name only types Hearth serves (at the patient level, those of the patient
 * compartment), {@code _since} is a FHIR instant. Without {@code _type} a partner gets the types its
 * {@code system/<Type>.read} scopes allow, staff every type of the level.
 */
record ExportRequest(ExportJob.Level level, List<String> types, Instant since) {

    static final Set<String> NDJSON = Set.of("application/fhir+ndjson", "application/ndjson", "ndjson");

    /** A refused kick-off: the sentence of its OperationOutcome. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static ExportRequest of(
            ExportJob.Level level,
            String prefer,
            String outputFormat,
            String type,
            String since,
            Collection<String> grantedScopes,
            boolean partner) {
        if (prefer == null || !prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async")) {
            throw new Invalid("A bulk export runs asynchronously: send the header Prefer: respond-async.");
        }
        if (outputFormat != null && !NDJSON.contains(outputFormat)) {
            throw new Invalid("_outputFormat must be application/fhir+ndjson.");
        }
        List<String> levelTypes = FhirResourceTypes.all().stream()
                .filter(t -> level == ExportJob.Level.SYSTEM
                        || "Patient".equals(t)
                        || !FhirResourceTypes.NOT_PER_PATIENT.contains(t))
                .toList();
        Set<String> types = new LinkedHashSet<>();
        if (type == null || type.isBlank()) {
            for (String t : levelTypes) {
                if (!partner || grantedScopes.contains("system/" + t + ".read")) {
                    types.add(t);
                }
            }
            if (types.isEmpty()) {
                throw new Invalid("The token grants no system/<Type>.read scope, so there is nothing to export.");
            }
        } else {
            List<String> unknown = new ArrayList<>();
            for (String t : type.split(",")) {
                String name = t.strip();
                if (levelTypes.contains(name)) {
                    types.add(name);
                } else {
                    unknown.add(name);
                }
            }
            if (!unknown.isEmpty()) {
                throw new Invalid("_type names types this export does not serve: " + String.join(", ", unknown)
                        + ". Served: " + String.join(", ", levelTypes) + ".");
            }
        }
        // patients are always read first (the other types are read per patient); sorted as the statement lists them
        List<String> ordered = levelTypes.stream().filter(types::contains).toList();
        return new ExportRequest(level, ordered, since(since));
    }

    private static Instant since(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            InstantType instant = new InstantType(since.strip());
            if (instant.getValue() == null) {
                throw new IllegalArgumentException();
            }
            return instant.getValue().toInstant();
        } catch (RuntimeException e) {
            throw new Invalid("_since must be a FHIR instant with a time zone, e.g. 2026-12-01T00:00:00Z.");
        }
    }
}
