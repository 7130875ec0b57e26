package org.hearth.platform.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * One service's part of the CapabilityStatement, served at its own {@code /fhir/R4/metadata} and merged by the
 * gateway into the public one: the frame (R4, JSON, server mode) is the same everywhere, so each service names only
 * its types, interactions and search parameters.
 */
public final class FhirCapabilities {

    private final CapabilityStatement statement = new CapabilityStatement();
    private final CapabilityStatementRestComponent rest;

    private FhirCapabilities(String service, String description) {
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(new Date());
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("json");
        statement.getSoftware().setName("Hearth " + service);
        statement.getImplementation().setDescription(description + " (reached through the gateway at /fhir/R4)");
        rest = statement.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
    }

    public static FhirCapabilities of(String service, String description) {
        return new FhirCapabilities(service, description);
    }

    /** A versioned type with read and type search, paged by {@code _count} (at most {@link FhirPage#MAX_COUNT}). */
    public CapabilityStatementRestResourceComponent resource(String type) {
        CapabilityStatementRestResourceComponent resource =
                rest.addResource().setType(type).setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED);
        resource.addInteraction().setCode(TypeRestfulInteraction.READ);
        resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        param(resource, "_count", Enumerations.SearchParamType.NUMBER, "Page size, at most 200");
        return resource;
    }

    public static CapabilityStatementRestResourceComponent param(
            CapabilityStatementRestResourceComponent resource,
            String name,
            Enumerations.SearchParamType type,
            String documentation) {
        resource.addSearchParam().setName(name).setType(type).setDocumentation(documentation);
        return resource;
    }

    public CapabilityStatement statement() {
        return statement;
    }
}
