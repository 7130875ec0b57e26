package org.hearth.billing.fhir;

import static org.hearth.platform.fhir.FhirCapabilities.param;

import io.swagger.v3.oas.annotations.Hidden;
import org.hearth.platform.fhir.FhirCapabilities;
import org.hearth.platform.fhir.FhirPaths;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Billing's part of the CapabilityStatement; the gateway merges it into {@code /fhir/R4/metadata}. Open. */
@Hidden
@RestController
class BillingCapability {

    @GetMapping(FhirPaths.BASE + "/metadata")
    CapabilityStatement metadata() {
        FhirCapabilities capabilities = FhirCapabilities.of(
                "billing-service", "Hearth billing: Coverage, prior authorizations as Claim and ClaimResponse");
        param(
                capabilities.resource("Coverage"),
                "patient",
                SearchParamType.REFERENCE,
                "The beneficiary (patient or beneficiary)");
        var claim = param(capabilities.resource("Claim"), "patient", SearchParamType.REFERENCE, "The patient");
        param(claim, "use", SearchParamType.TOKEN, "preauthorization (the only use Hearth holds)");
        param(claim, "status", SearchParamType.TOKEN, "draft, active");
        param(capabilities.resource("ClaimResponse"), "patient", SearchParamType.REFERENCE, "The patient");
        return capabilities.statement();
    }
}
