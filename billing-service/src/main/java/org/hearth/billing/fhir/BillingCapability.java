package org.hearth.billing.fhir;

import io.swagger.v3.oas.annotations.Hidden;
import org.hearth.platform.fhir.FhirPaths;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Date;

/** Billing's part of the CapabilityStatement; the gateway merges it into {@code /fhir/R4/metadata}. Open. */
@Hidden
@RestController
class BillingCapability {

    @GetMapping(FhirPaths.BASE + "/metadata")
    CapabilityStatement metadata() {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(new Date());
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("json");
        statement.getSoftware().setName("Hearth billing-service");
        statement.getImplementation().setDescription("Hearth billing: Coverage, prior authorizations as Claim and "
                + "ClaimResponse (reached through the gateway at /fhir/R4)");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        resource(rest, "Coverage", "The beneficiary (patient or beneficiary)");
        CapabilityStatementRestResourceComponent claim = resource(rest, "Claim", "The patient");
        claim.addSearchParam().setName("use").setType(Enumerations.SearchParamType.TOKEN)
                .setDocumentation("preauthorization (the only use Hearth holds)");
        claim.addSearchParam().setName("status").setType(Enumerations.SearchParamType.TOKEN).setDocumentation("draft, active");
        resource(rest, "ClaimResponse", "The patient");
        return statement;
    }

    private static CapabilityStatementRestResourceComponent resource(
            CapabilityStatement.CapabilityStatementRestComponent rest, String type, String patient) {
        CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type)
                .setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED);
        resource.addInteraction().setCode(TypeRestfulInteraction.READ);
        resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        resource.addSearchParam().setName("patient").setType(Enumerations.SearchParamType.REFERENCE).setDocumentation(patient);
        resource.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER)
                .setDocumentation("Page size, at most 200");
        return resource;
    }
}
