package org.hearth.scheduling.fhir;

import io.swagger.v3.oas.annotations.Hidden;
import org.hearth.platform.fhir.FhirPaths;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Date;

/**
 * What scheduling serves of FHIR, declared where it is implemented; the gateway merges it with the other services'
 * into the public {@code /fhir/R4/metadata}. Open without a token, as the gateway reads it.
 */
@Hidden
@RestController
class SchedulingCapability {

    @GetMapping(FhirPaths.BASE + "/metadata")
    CapabilityStatement metadata() {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(new Date());
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("json");
        statement.getSoftware().setName("Hearth scheduling-service");
        statement.getImplementation().setDescription("Hearth scheduling: Appointment, Practitioner, PractitionerRole "
                + "(reached through the gateway at /fhir/R4)");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        CapabilityStatementRestResourceComponent appointment = resource(rest, "Appointment");
        param(appointment, "patient", Enumerations.SearchParamType.REFERENCE, "The patient of the visit");
        param(appointment, "date", Enumerations.SearchParamType.DATE, "Booked start (or first allowed day)");
        param(appointment, "status", Enumerations.SearchParamType.TOKEN, "proposed, booked, arrived, fulfilled, noshow, cancelled");
        param(appointment, "_lastUpdated", Enumerations.SearchParamType.DATE, "Last change of the visit");
        for (String type : new String[] {"Practitioner", "PractitionerRole"}) {
            param(resource(rest, type), "active", Enumerations.SearchParamType.TOKEN, "true or false");
        }
        return statement;
    }

    private static CapabilityStatementRestResourceComponent resource(
            CapabilityStatement.CapabilityStatementRestComponent rest, String type) {
        CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type)
                .setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED);
        resource.addInteraction().setCode(TypeRestfulInteraction.READ);
        resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        param(resource, "_count", Enumerations.SearchParamType.NUMBER, "Page size, at most 200");
        return resource;
    }

    private static void param(CapabilityStatementRestResourceComponent resource, String name,
            Enumerations.SearchParamType type, String documentation) {
        resource.addSearchParam().setName(name).setType(type).setDocumentation(documentation);
    }
}
