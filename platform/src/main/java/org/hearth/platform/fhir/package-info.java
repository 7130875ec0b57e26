/**
 * FHIR R4 at {@code /fhir/R4/**} for any service: the cached R4 {@code FhirContext}, HAPI's JSON parser as a Spring
 * MVC message converter ({@code application/fhir+json}), searchset Bundles with paging links, OperationOutcome errors
 * on FHIR paths (REST paths keep RFC 9457), and the audit hook for FHIR reads of patient data.
 *
 * <p>A controller is an ordinary {@code @RestController} mapped under {@link org.hearth.platform.fhir.FhirPaths#BASE}
 * that returns HAPI resources; see {@code docs/fhir.md}.
 */
package org.hearth.platform.fhir;
