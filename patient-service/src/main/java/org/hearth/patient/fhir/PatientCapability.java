package org.hearth.patient.fhir;

import static org.hearth.platform.fhir.FhirCapabilities.param;

import io.swagger.v3.oas.annotations.Hidden;
import org.hearth.platform.fhir.FhirCapabilities;
import org.hearth.platform.fhir.FhirPaths;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What patient-service serves of FHIR (docs/fhir.md, "Patient data"); the gateway merges it with scheduling's and
 * billing's into the public {@code /fhir/R4/metadata}. Open without a token, as the gateway reads it.
 */
@Hidden
@RestController
class PatientCapability {

    @GetMapping(FhirPaths.BASE + "/metadata")
    CapabilityStatement metadata() {
        FhirCapabilities capabilities = FhirCapabilities.of(
                "patient-service",
                "Hearth patient record: Patient, "
                        + "Condition, AllergyIntolerance, CarePlan, CareTeam, Observation, ServiceRequest, RelatedPerson, Flag");
        CapabilityStatementRestResourceComponent patient = capabilities.resource("Patient");
        param(patient, "_id", SearchParamType.TOKEN, "The patient's id");
        param(patient, "family", SearchParamType.STRING, "Family name, starts with");
        param(patient, "birthdate", SearchParamType.DATE, "Date of birth");
        patient.addOperation()
                .setName("everything")
                .setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-everything");
        param(
                param(ofPatient(capabilities, "Condition"), "code", SearchParamType.TOKEN, "ICD-10-CM code"),
                "clinical-status",
                SearchParamType.TOKEN,
                "active");
        param(ofPatient(capabilities, "AllergyIntolerance"), "clinical-status", SearchParamType.TOKEN, "active");
        CapabilityStatementRestResourceComponent plan = ofPatient(capabilities, "CarePlan");
        plan.addInteraction().setCode(TypeRestfulInteraction.VREAD);
        param(
                param(
                        param(plan, "status", SearchParamType.TOKEN, "draft, active, revoked"),
                        "date",
                        SearchParamType.DATE,
                        "Signed"),
                "_lastUpdated",
                SearchParamType.DATE,
                "Last change");
        plan.addSearchInclude("CarePlan:care-team");
        param(ofPatient(capabilities, "CareTeam"), "status", SearchParamType.TOKEN, "active");
        CapabilityStatementRestResourceComponent observation = ofPatient(capabilities, "Observation");
        observation.addInteraction().setCode(TypeRestfulInteraction.CREATE);
        param(
                param(
                        param(
                                param(observation, "date", SearchParamType.DATE, "When measured"),
                                "code",
                                SearchParamType.TOKEN,
                                "LOINC"),
                        "category",
                        SearchParamType.TOKEN,
                        "vital-signs"),
                "_lastUpdated",
                SearchParamType.DATE,
                "When stored");
        CapabilityStatementRestResourceComponent referral = ofPatient(capabilities, "ServiceRequest");
        referral.addInteraction().setCode(TypeRestfulInteraction.CREATE);
        param(
                param(referral, "status", SearchParamType.TOKEN, "active, revoked, completed"),
                "authored",
                SearchParamType.DATE,
                "Received");
        ofPatient(capabilities, "RelatedPerson");
        param(
                param(ofPatient(capabilities, "Flag"), "status", SearchParamType.TOKEN, "active, inactive"),
                "date",
                SearchParamType.DATE,
                "Raised");
        return capabilities.statement();
    }

    private static CapabilityStatementRestResourceComponent ofPatient(FhirCapabilities capabilities, String type) {
        return param(capabilities.resource(type), "patient", SearchParamType.REFERENCE, "The patient");
    }
}
