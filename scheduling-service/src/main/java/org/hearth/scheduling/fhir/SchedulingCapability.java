package org.hearth.scheduling.fhir;

import static org.hearth.platform.fhir.FhirCapabilities.param;

import io.swagger.v3.oas.annotations.Hidden;
import org.hearth.platform.fhir.FhirCapabilities;
import org.hearth.platform.fhir.FhirPaths;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What scheduling serves of FHIR, declared where it is implemented; the gateway merges it with the other services'
 * into the public {@code /fhir/R4/metadata}. Open without a token, as the gateway reads it.
 */
@Hidden
@RestController
class SchedulingCapability {

    @GetMapping(FhirPaths.BASE + "/metadata")
    CapabilityStatement metadata() {
        FhirCapabilities capabilities = FhirCapabilities.of(
                "scheduling-service", "Hearth scheduling: Appointment, Practitioner, PractitionerRole");
        var appointment = capabilities.resource("Appointment");
        param(appointment, "patient", SearchParamType.REFERENCE, "The patient of the visit");
        param(appointment, "date", SearchParamType.DATE, "Booked start (or first allowed day)");
        param(appointment, "status", SearchParamType.TOKEN, "proposed, booked, arrived, fulfilled, noshow, cancelled");
        param(appointment, "_lastUpdated", SearchParamType.DATE, "Last change of the visit");
        for (String type : new String[] {"Practitioner", "PractitionerRole"}) {
            param(capabilities.resource(type), "active", SearchParamType.TOKEN, "true or false");
        }
        return capabilities.statement();
    }
}
