package org.hearth.patient.fhir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hearth.patient.observations.Observation;
import org.hearth.patient.observations.Vital;
import org.hearth.patient.observations.VitalsIngestion;
import org.hearth.platform.fhir.FhirException;
import org.hearth.platform.fhir.FhirSearchParams;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

/**
 * Vital-sign readings as FHIR {@code Observation}s with LOINC codes and UCUM units, and back for partners that send
 * readings (remote monitoring). A blood pressure panel (LOINC 85354-9) is stored as its systolic and diastolic
 * readings, the way Hearth's alert rules read them.
 */
final class ObservationMapper {

    static final String BP_PANEL = "85354-9";
    static final String IDENTIFIER_SYSTEM = "urn:ietf:rfc:3986";
    private static final Pattern UUID_TEXT = Pattern.compile(
            "(urn:uuid:)?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

    /** The LOINC code Hearth answers for each vital, with its display. */
    static final Map<Vital, Coding> LOINC = Map.of(
            Vital.SYSTOLIC_BP, new Coding(Codes.LOINC, "8480-6", "Systolic blood pressure"),
            Vital.DIASTOLIC_BP, new Coding(Codes.LOINC, "8462-4", "Diastolic blood pressure"),
            Vital.HEART_RATE, new Coding(Codes.LOINC, "8867-4", "Heart rate"),
            Vital.SPO2, new Coding(Codes.LOINC, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"),
            Vital.TEMPERATURE, new Coding(Codes.LOINC, "8310-5", "Body temperature"),
            Vital.WEIGHT, new Coding(Codes.LOINC, "29463-7", "Body weight"),
            Vital.GLUCOSE, new Coding(Codes.LOINC, "2339-0", "Glucose [Mass/volume] in Blood"),
            Vital.PAIN,
                    new Coding(
                            Codes.LOINC, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"));

    /** Other LOINC codes partners commonly send for the same vitals. */
    private static final Map<String, Vital> SYNONYMS =
            Map.of("2708-6", Vital.SPO2, "8331-1", Vital.TEMPERATURE, "2345-7", Vital.GLUCOSE);

    private ObservationMapper() {}

    static org.hl7.fhir.r4.model.Observation toFhir(Observation reading) {
        org.hl7.fhir.r4.model.Observation fhir = new org.hl7.fhir.r4.model.Observation();
        fhir.setId(reading.id());
        fhir.getMeta().setLastUpdated(Codes.date(reading.recordedAt()));
        fhir.addIdentifier().setSystem(IDENTIFIER_SYSTEM).setValue("urn:uuid:" + reading.id());
        fhir.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL);
        fhir.addCategory(category(reading.vital()));
        Coding loinc = LOINC.get(reading.vital());
        fhir.setCode(new CodeableConcept(loinc.copy()).setText(loinc.getDisplay()));
        fhir.setSubject(Codes.patient(reading.patientId()));
        fhir.setEffective(new DateTimeType(Codes.date(reading.observedAt())));
        if (reading.recordedAt() != null) {
            fhir.setIssued(Codes.date(reading.recordedAt()));
        }
        fhir.setValue(new Quantity()
                .setValue(BigDecimal.valueOf(reading.value()))
                .setUnit(reading.unit())
                .setSystem(Codes.UCUM)
                .setCode(reading.unit()));
        return fhir;
    }

    /** What a partner sends, as readings for {@link VitalsIngestion}: the patient and one or two readings. */
    record Incoming(String patientId, List<VitalsIngestion.Reading> readings) {}

    static Incoming fromFhir(org.hl7.fhir.r4.model.Observation fhir) {
        String id = idOf(fhir.getIdentifier());
        if (!fhir.hasSubject() || !fhir.getSubject().hasReference()) {
            throw FhirException.unprocessable("Observation.subject must reference the Patient.");
        }
        String patientId;
        try {
            patientId = FhirSearchParams.reference(
                    "Observation.subject", fhir.getSubject().getReference(), "Patient");
        } catch (FhirException e) {
            throw FhirException.unprocessable("Observation.subject must reference a Patient.");
        }
        var status = fhir.getStatus();
        if (status == null
                || !(status == org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL
                        || status == org.hl7.fhir.r4.model.Observation.ObservationStatus.AMENDED
                        || status == org.hl7.fhir.r4.model.Observation.ObservationStatus.CORRECTED)) {
            throw FhirException.unprocessable("Observation.status must be final, amended or corrected.");
        }
        Instant observedAt = effective(fhir.getEffective());
        List<VitalsIngestion.Reading> readings = new ArrayList<>();
        if (hasCode(fhir.getCode(), BP_PANEL)) {
            for (var component : fhir.getComponent()) {
                Vital vital = vitalOf(component.getCode())
                        .orElseThrow(() -> FhirException.unprocessable(
                                "A blood pressure panel's components are 8480-6 (systolic) and 8462-4 (diastolic)."));
                readings.add(reading(derived(id, vital), vital, component.getValue(), observedAt));
            }
            if (readings.isEmpty()) {
                throw FhirException.unprocessable(
                        "A blood pressure panel needs its systolic and diastolic components.");
            }
        } else {
            Vital vital = vitalOf(fhir.getCode())
                    .orElseThrow(() -> FhirException.unprocessable(
                            "Observation.code must be a LOINC code of a vital sign Hearth records: " + supportedCodes()
                                    + "."));
            readings.add(reading(id, vital, fhir.getValue(), observedAt));
        }
        return new Incoming(patientId, readings);
    }

    /** The reading id from the identifier: its UUID if it is one, otherwise a UUID derived from system and value. */
    static String idOf(List<Identifier> identifiers) {
        Identifier identifier = identifiers.stream()
                .filter(Identifier::hasValue)
                .findFirst()
                .orElseThrow(() -> FhirException.unprocessable(
                        "Observation.identifier is required: it makes a resent reading harmless."));
        var uuid = UUID_TEXT.matcher(identifier.getValue().strip());
        if (uuid.matches()) {
            return uuid.group(2).toLowerCase();
        }
        String key = identifier.getSystem() + "|" + identifier.getValue();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String derived(String panelId, Vital vital) {
        return UUID.nameUUIDFromBytes((panelId + "|" + vital).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static VitalsIngestion.Reading reading(String id, Vital vital, Type value, Instant observedAt) {
        if (!(value instanceof Quantity quantity) || !quantity.hasValue()) {
            throw FhirException.unprocessable("A " + LOINC.get(vital).getCode() + " reading needs a valueQuantity.");
        }
        if (quantity.hasSystem() && !Codes.UCUM.equals(quantity.getSystem())) {
            throw FhirException.unprocessable("Units are UCUM codes (system " + Codes.UCUM + ").");
        }
        String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
        return new VitalsIngestion.Reading(id, vital, quantity.getValue().doubleValue(), unit, observedAt);
    }

    private static Instant effective(Type effective) {
        if (effective instanceof DateTimeType dateTime && dateTime.hasValue()) {
            if (dateTime.getPrecision().compareTo(ca.uhn.fhir.model.api.TemporalPrecisionEnum.MINUTE) < 0) {
                throw FhirException.unprocessable("Observation.effectiveDateTime needs a time, not only a date.");
            }
            return dateTime.getValue().toInstant();
        }
        if (effective instanceof org.hl7.fhir.r4.model.InstantType instant && instant.hasValue()) {
            return instant.getValue().toInstant();
        }
        throw FhirException.unprocessable("Observation.effectiveDateTime (when the reading was taken) is required.");
    }

    static Optional<Vital> vitalOf(CodeableConcept code) {
        for (Coding coding : code.getCoding()) {
            if (!Codes.LOINC.equals(coding.getSystem())) {
                continue;
            }
            for (var entry : LOINC.entrySet()) {
                if (entry.getValue().getCode().equals(coding.getCode())) {
                    return Optional.of(entry.getKey());
                }
            }
            if (SYNONYMS.containsKey(coding.getCode())) {
                return Optional.of(SYNONYMS.get(coding.getCode()));
            }
        }
        return Optional.empty();
    }

    /** Whether the code is one of the LOINC codes asked for in a {@code code} search. */
    static boolean matchesCode(Vital vital, java.util.Set<String> codes) {
        return codes.isEmpty() || codes.contains(LOINC.get(vital).getCode().toLowerCase());
    }

    private static boolean hasCode(CodeableConcept code, String loinc) {
        return code.getCoding().stream().anyMatch(c -> Codes.LOINC.equals(c.getSystem()) && loinc.equals(c.getCode()));
    }

    private static CodeableConcept category(Vital vital) {
        return switch (vital) {
            case GLUCOSE -> Codes.concept(Codes.OBSERVATION_CATEGORY, "laboratory", "Laboratory");
            case PAIN -> Codes.concept(Codes.OBSERVATION_CATEGORY, "survey", "Survey");
            default -> Codes.concept(Codes.OBSERVATION_CATEGORY, "vital-signs", "Vital Signs");
        };
    }

    private static String supportedCodes() {
        return LOINC.values().stream()
                        .map(Coding::getCode)
                        .sorted()
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("") + ", or the panel " + BP_PANEL;
    }
}
