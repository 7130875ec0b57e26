package org.hearth.billing.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.hearth.billing.authorizations.PriorAuthorization;
import org.hearth.billing.patients.Coverage;
import org.hearth.billing.payers.Payer;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * Coverage and prior authorizations as FHIR. A prior authorization is a {@code Claim} with use
 * {@code preauthorization} (discipline, HCPCS code, units and dates asked for) and, once the payer has it, a
 * {@code ClaimResponse} of the same id (queued while pending, then the units and dates approved, or the denial).
 */
final class BillingFhirMapper {

    static final String HEARTH = "https://hearth.health/fhir";
    static final String DISCIPLINE = HEARTH + "/CodeSystem/discipline";
    static final String AGENCY = HEARTH + "/sid/agency";
    static final String PAYER = HEARTH + "/sid/payer-code";
    static final String HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
    static final String COVERAGE_CLASS = "http://terminology.hl7.org/CodeSystem/coverage-class";
    static final String ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication";
    static final String PROCESS_PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority";
    private static final Map<String, String> HCPCS_CODES = Map.of(
            "SN", "G0299", "PT", "G0151", "OT", "G0152", "ST", "G0153", "MSW", "G0155", "HHA", "G0156", "RD", "S9470");

    private BillingFhirMapper() {}

    static org.hl7.fhir.r4.model.Coverage coverage(
            String patientId, Coverage coverage, Optional<Payer> payer, long version) {
        org.hl7.fhir.r4.model.Coverage fhir = new org.hl7.fhir.r4.model.Coverage();
        fhir.setId(coverage.id());
        fhir.getMeta().setVersionId(Long.toString(version));
        fhir.setStatus(org.hl7.fhir.r4.model.Coverage.CoverageStatus.ACTIVE);
        fhir.setBeneficiary(patient(patientId));
        fhir.setSubscriberId(coverage.memberId());
        fhir.addContained(payerOrganization(payer));
        fhir.addPayor(new Reference("#payer"));
        fhir.setOrder(coverage.priority() == Coverage.Priority.PRIMARY ? 1 : 2);
        Period period =
                new Period().setStartElement(new DateTimeType(coverage.from().toString()));
        if (coverage.to() != null) {
            period.setEndElement(new DateTimeType(coverage.to().toString()));
        }
        fhir.setPeriod(period);
        if (coverage.plan() != null) {
            fhir.addClass_()
                    .setType(new CodeableConcept(new Coding(COVERAGE_CLASS, "plan", "Plan")))
                    .setValue(coverage.plan())
                    .setName(coverage.plan());
        }
        return fhir;
    }

    static Claim claim(PriorAuthorization authorization, String agency, Optional<Payer> payer, long version) {
        Claim claim = new Claim();
        claim.setId(authorization.id());
        claim.getMeta().setVersionId(Long.toString(version));
        claim.setStatus(
                authorization.status() == PriorAuthorization.Status.DRAFT
                        ? Claim.ClaimStatus.DRAFT
                        : Claim.ClaimStatus.ACTIVE);
        claim.setType(new CodeableConcept(new Coding(CLAIM_TYPE, "institutional", "Institutional")));
        claim.setUse(Claim.Use.PREAUTHORIZATION);
        claim.setPatient(patient(authorization.patientId()));
        claim.setCreatedElement(created(authorization));
        Organization provider = new Organization().setName("Home health agency");
        provider.setId("agency");
        provider.addIdentifier().setSystem(AGENCY).setValue(agency);
        claim.addContained(provider);
        claim.addContained(payerOrganization(payer));
        claim.setProvider(new Reference("#agency"));
        claim.setInsurer(new Reference("#payer"));
        claim.setPriority(new CodeableConcept(new Coding(
                PROCESS_PRIORITY,
                authorization.expedited() ? "stat" : "normal",
                authorization.expedited() ? "Immediate" : "Normal")));
        Claim.InsuranceComponent insurance = claim.addInsurance().setSequence(1).setFocal(true);
        insurance.setCoverage(
                authorization.coverageId() == null
                        ? new Reference()
                                .setDisplay("Coverage with "
                                        + payer.map(Payer::name).orElse("the payer"))
                        : new Reference("Coverage/" + authorization.coverageId()));
        if (authorization.payerReference() != null) {
            insurance.addPreAuthRef(authorization.payerReference());
        }
        Claim.ItemComponent item = claim.addItem().setSequence(1);
        CodeableConcept service = new CodeableConcept().setText(authorization.discipline() + " visits");
        String hcpcs = HCPCS_CODES.get(authorization.discipline());
        if (hcpcs != null) {
            service.addCoding(new Coding(HCPCS, hcpcs, null));
        }
        service.addCoding(new Coding(DISCIPLINE, authorization.discipline(), null));
        item.setProductOrService(service);
        item.setQuantity(units(authorization.requestedUnits(), authorization.unit()));
        item.setServiced(period(authorization.from(), authorization.to()));
        return claim;
    }

    /** The payer's answer; empty while nothing was sent (a draft). */
    static Optional<ClaimResponse> response(PriorAuthorization authorization, Optional<Payer> payer, long version) {
        if (authorization.status() == PriorAuthorization.Status.DRAFT) {
            return Optional.empty();
        }
        ClaimResponse response = new ClaimResponse();
        response.setId(authorization.id());
        response.getMeta().setVersionId(Long.toString(version));
        response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
        response.setType(new CodeableConcept(new Coding(CLAIM_TYPE, "institutional", "Institutional")));
        response.setUse(ClaimResponse.Use.PREAUTHORIZATION);
        response.setPatient(patient(authorization.patientId()));
        response.setCreatedElement(created(authorization));
        response.addContained(payerOrganization(payer));
        response.setInsurer(new Reference("#payer"));
        response.setRequest(new Reference("Claim/" + authorization.id()));
        if (authorization.payerReference() != null) {
            response.setPreAuthRef(authorization.payerReference());
        }
        switch (authorization.status()) {
            case PENDING, APPEALED ->
                response.setOutcome(ClaimResponse.RemittanceOutcome.QUEUED)
                        .setDisposition(
                                authorization.status() == PriorAuthorization.Status.APPEALED
                                        ? "Appealed; awaiting the payer's reconsideration"
                                        : "Awaiting the payer's decision");
            case DENIED ->
                response.setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE)
                        .setDisposition("Denied"
                                + (authorization.denialReason() == null ? "" : ": " + authorization.denialReason()));
            default -> {
                boolean partial = authorization.status() == PriorAuthorization.Status.PARTIALLY_APPROVED;
                response.setOutcome(
                        partial ? ClaimResponse.RemittanceOutcome.PARTIAL : ClaimResponse.RemittanceOutcome.COMPLETE);
                response.setDisposition(
                        authorization.status() == PriorAuthorization.Status.EXPIRED
                                ? "Approved; expired after its last day"
                                : partial ? "Partially approved" : "Approved");
                response.setPreAuthPeriod(period(authorization.from(), authorization.to()));
                if (authorization.approvedUnits() != null) {
                    response.addItem()
                            .setItemSequence(1)
                            .addAdjudication()
                            .setCategory(new CodeableConcept(new Coding(ADJUDICATION, "eligible", "Eligible Amount")))
                            .setValue(authorization.approvedUnits());
                }
            }
        }
        return Optional.of(response);
    }

    private static Reference patient(String patientId) {
        return new Reference("Patient/" + patientId);
    }

    /** The payer, contained: Hearth serves no Organization resources, so a reference could not be resolved. */
    private static Organization payerOrganization(Optional<Payer> payer) {
        Organization organization =
                new Organization().setName(payer.map(Payer::name).orElse("Payer"));
        organization.setId("payer");
        payer.ifPresent(p ->
                organization.addIdentifier(new Identifier().setSystem(PAYER).setValue(p.payerCode())));
        return organization;
    }

    /** When the request was made: when it was sent, else (a draft) the first day it asks for. */
    private static DateTimeType created(PriorAuthorization authorization) {
        Instant submitted = authorization.submittedAt();
        return submitted != null
                ? new DateTimeType(Date.from(submitted))
                : new DateTimeType(authorization.from().toString());
    }

    private static Period period(LocalDate from, LocalDate to) {
        return new Period()
                .setStartElement(new DateTimeType(from.toString()))
                .setEndElement(new DateTimeType(to.toString()));
    }

    private static Quantity units(int count, Payer.Unit unit) {
        return new Quantity().setValue(count).setUnit(unit == Payer.Unit.VISIT ? "visit" : "15 minutes");
    }
}
