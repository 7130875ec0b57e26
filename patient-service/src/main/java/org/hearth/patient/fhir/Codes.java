package org.hearth.patient.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/** Code systems and small helpers the mappers share. Hearth's own codes live under {@link #HEARTH}. */
final class Codes {

    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    static final String ALLERGY_VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
    static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";
    static final String FLAG_PRIORITY_EXTENSION = "http://hl7.org/fhir/StructureDefinition/flag-priority";
    static final String FLAG_PRIORITY = "http://terminology.hl7.org/CodeSystem/flag-priority-code";

    /** Hearth's own code systems, identifiers and extensions. */
    static final String HEARTH = "https://hearth.health/fhir";

    static final String DISCIPLINE = HEARTH + "/CodeSystem/discipline";
    static final String CARE_TEAM_ROLE = HEARTH + "/CodeSystem/care-team-role";
    static final String CONSENT_SCOPE = HEARTH + "/CodeSystem/consent-scope";
    static final String ALERT_RULE = HEARTH + "/CodeSystem/alert-rule";
    static final String REFERRAL_SOURCE = HEARTH + "/CodeSystem/referral-source";
    static final String REFERRAL_STATUS = HEARTH + "/CodeSystem/referral-status";
    static final String USER = HEARTH + "/sid/user";
    static final String PRIMARY_DIAGNOSIS = HEARTH + "/StructureDefinition/primary-diagnosis";
    static final String CONSENT_SCOPES = HEARTH + "/StructureDefinition/consent-scope";
    static final String POINT_OF_CONTACT = HEARTH + "/StructureDefinition/point-of-contact";
    static final String REFERRAL_STATUS_EXTENSION = HEARTH + "/StructureDefinition/referral-status";
    static final String DISCHARGE_DATE = HEARTH + "/StructureDefinition/hospital-discharge-date";

    private Codes() {}

    static Reference patient(String patientId) {
        return new Reference("Patient/" + patientId);
    }

    static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display)).setText(display);
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    /** A code as Hearth's code systems write it: lower case with dashes (SYSTOLIC_BP → systolic-bp). */
    static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A stable, id-safe key for free text (an allergy's substance, a contact without a login). */
    static String key(String text) {
        UUID uuid = UUID.nameUUIDFromBytes(text.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits(uuid.getMostSignificantBits()).substring(0, 12);
    }
}
