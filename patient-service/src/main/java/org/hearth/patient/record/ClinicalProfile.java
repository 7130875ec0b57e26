package org.hearth.patient.record;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the team must know at a glance: homebound status (a Medicare condition for home health, so it needs a
 * reason), diagnoses coded in ICD-10-CM, and allergies.
 */
public record ClinicalProfile(Homebound homebound, List<Diagnosis> diagnoses, List<Allergy> allergies) {

    /** ICD-10-CM: a letter other than U, a digit, a digit or letter, then optionally a dot and 1 to 4 more. */
    static final Pattern ICD10_CM = Pattern.compile("^[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$");

    public ClinicalProfile {
        homebound = homebound == null ? new Homebound(false, null) : homebound;
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        allergies = allergies == null ? List.of() : List.copyOf(allergies);
        if (diagnoses.stream().filter(Diagnosis::primary).count() > 1) {
            throw new IllegalArgumentException("diagnoses: only one can be primary");
        }
        if (diagnoses.stream().map(Diagnosis::code).distinct().count() < diagnoses.size()) {
            throw new IllegalArgumentException("diagnoses: a code is listed twice");
        }
    }

    public static ClinicalProfile none() {
        return new ClinicalProfile(null, null, null);
    }

    public record Homebound(boolean homebound, String reason) {
        public Homebound {
            if (homebound && (reason == null || reason.isBlank())) {
                throw new IllegalArgumentException(
                        "homebound.reason: say why leaving home takes a considerable and taxing effort");
            }
        }
    }

    /** A diagnosis in ICD-10-CM, e.g. I50.9 heart failure, unspecified. */
    public record Diagnosis(String code, String description, boolean primary) {
        public Diagnosis {
            code = code == null ? null : code.strip().toUpperCase();
            if (code == null || !ICD10_CM.matcher(code).matches()) {
                throw new IllegalArgumentException("diagnoses: \"" + code + "\" is not an ICD-10-CM code (e.g. I50.9)");
            }
        }
    }

    public record Allergy(String substance, String reaction, AllergySeverity severity) {}

    public enum AllergySeverity {
        MILD,
        MODERATE,
        SEVERE,
        UNKNOWN
    }
}
