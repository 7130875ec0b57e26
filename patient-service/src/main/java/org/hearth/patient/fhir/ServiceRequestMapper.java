package org.hearth.patient.fhir;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hearth.patient.careplan.Discipline;
import org.hearth.patient.record.Address;
import org.hearth.patient.record.ClinicalProfile;
import org.hearth.patient.referral.Referral;
import org.hearth.patient.referral.ReferralSource;
import org.hearth.patient.referral.ReferralStatus;
import org.hearth.platform.fhir.FhirException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;

/**
 * A referral as a FHIR {@code ServiceRequest} and back. The person referred is a contained {@code Patient} until the
 * agency admits them (then {@code subject} is the Hearth patient), the referring physician a contained
 * {@code Practitioner} with their NPI; diagnoses are ICD-10-CM {@code reasonCode}s (the first is primary), the
 * requested disciplines {@code orderDetail}s, the reason a {@code note}. Hearth's own steps (received, accepted,
 * declined, admitted) are in the referral-status extension; {@code status} says the same in FHIR's words.
 */
final class ServiceRequestMapper {

    static final String PATIENT = "patient";
    static final String REQUESTER = "requester";

    private ServiceRequestMapper() {}

    static ServiceRequest toFhir(Referral referral) {
        ServiceRequest fhir = new ServiceRequest();
        fhir.setId(referral.id());
        fhir.getMeta()
                .setLastUpdated(
                        Codes.date(referral.decidedAt() != null ? referral.decidedAt() : referral.receivedAt()));
        fhir.addIdentifier().setSystem(ObservationMapper.IDENTIFIER_SYSTEM).setValue("urn:uuid:" + referral.id());
        fhir.setStatus(
                switch (referral.status()) {
                    case RECEIVED, ACCEPTED -> ServiceRequest.ServiceRequestStatus.ACTIVE;
                    case DECLINED -> ServiceRequest.ServiceRequestStatus.REVOKED;
                    case ADMITTED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
                });
        fhir.addExtension(
                Codes.REFERRAL_STATUS_EXTENSION,
                new Coding(
                        Codes.REFERRAL_STATUS,
                        Codes.code(referral.status()),
                        referral.status().name().toLowerCase()));
        fhir.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        fhir.addCategory(Codes.concept(
                Codes.REFERRAL_SOURCE,
                Codes.code(referral.source()),
                referral.source().name().replace('_', ' ').toLowerCase()));
        fhir.setCode(new CodeableConcept().setText("Home health care"));
        for (Discipline discipline : referral.requestedDisciplines()) {
            fhir.addOrderDetail(Codes.concept(Codes.DISCIPLINE, discipline.name(), discipline.description()));
        }
        if (referral.patientId() != null) {
            fhir.setSubject(Codes.patient(referral.patientId()));
        } else {
            fhir.addContained(prospect(referral.patient()));
            fhir.setSubject(new Reference("#" + PATIENT));
        }
        fhir.setAuthoredOn(Codes.date(referral.receivedAt()));
        if (referral.referringPhysician() != null) {
            Practitioner physician = new Practitioner();
            physician.setId(REQUESTER);
            physician
                    .addIdentifier()
                    .setSystem(Codes.NPI)
                    .setValue(referral.referringPhysician().npi());
            physician.addName().setText(referral.referringPhysician().name());
            fhir.addContained(physician);
            fhir.setRequester(new Reference("#" + REQUESTER));
        }
        for (ClinicalProfile.Diagnosis diagnosis : referral.diagnoses().stream()
                .sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
                .toList()) {
            fhir.addReasonCode(
                    new CodeableConcept(new Coding(Codes.ICD10_CM, diagnosis.code(), diagnosis.description()))
                            .setText(diagnosis.description()));
        }
        fhir.addNote().setText(referral.reason());
        if (referral.dischargeDate() != null) {
            fhir.addExtension(Codes.DISCHARGE_DATE, new DateType(Date.valueOf(referral.dischargeDate())));
        }
        return fhir;
    }

    private static Patient prospect(Referral.Prospect person) {
        Patient patient = new Patient();
        patient.setId(PATIENT);
        patient.addName().setFamily(person.familyName()).addGiven(person.givenName());
        patient.setBirthDateElement(new DateType(Date.valueOf(person.birthDate())));
        Address a = person.address();
        if (a != null) {
            var address =
                    patient.addAddress().setCity(a.city()).setState(a.state()).setPostalCode(a.postalCode());
            address.addLine(a.line1());
            if (a.line2() != null && !a.line2().isBlank()) {
                address.addLine(a.line2());
            }
        }
        if (person.phone() != null) {
            patient.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setValue(person.phone());
        }
        if (person.language() != null) {
            patient.addCommunication()
                    .setLanguage(Codes.concept("urn:ietf:bcp:47", person.language(), person.language()));
        }
        return patient;
    }

    /** What {@code ReferralIntake.receive} needs, read from a partner's ServiceRequest. */
    record Incoming(
            Identifier identifier,
            ReferralSource source,
            Referral.ReferringPhysician physician,
            String reason,
            List<ClinicalProfile.Diagnosis> diagnoses,
            List<Discipline> disciplines,
            LocalDate dischargeDate,
            Referral.Prospect patient) {}

    /** @throws FhirException 422 naming the element that is missing or wrong */
    static Incoming fromFhir(ServiceRequest fhir) {
        Identifier identifier = fhir.getIdentifier().stream()
                .filter(Identifier::hasValue)
                .findFirst()
                .orElseThrow(() -> FhirException.unprocessable(
                        "ServiceRequest.identifier is required: it makes a resent referral harmless."));
        if (fhir.getIntent() != ServiceRequest.ServiceRequestIntent.ORDER
                && fhir.getIntent() != ServiceRequest.ServiceRequestIntent.ORIGINALORDER) {
            throw FhirException.unprocessable("ServiceRequest.intent must be order.");
        }
        Patient person = contained(fhir, fhir.getSubject(), Patient.class)
                .orElseThrow(() -> FhirException.unprocessable(
                        "ServiceRequest.subject must reference the contained Patient who is "
                                + "referred (e.g. \"#patient\")."));
        Practitioner physician = contained(fhir, fhir.getRequester(), Practitioner.class)
                .orElseThrow(() -> FhirException.unprocessable(
                        "ServiceRequest.requester must reference a contained Practitioner with "
                                + "the referring physician's NPI."));
        String npi = physician.getIdentifier().stream()
                .filter(i -> Codes.NPI.equals(i.getSystem()))
                .map(Identifier::getValue)
                .findFirst()
                .orElseThrow(() -> FhirException.unprocessable(
                        "The requester needs an identifier with system " + Codes.NPI + "."));
        String physicianName = physician.getNameFirstRep().hasText()
                ? physician.getNameFirstRep().getText()
                : physician.getNameFirstRep().getNameAsSingleString();
        Referral.ReferringPhysician referring;
        try {
            referring = new Referral.ReferringPhysician(required(physicianName, "requester name", 200), npi);
        } catch (IllegalArgumentException e) {
            throw FhirException.unprocessable("The requester's NPI is not a valid NPI.");
        }
        String reason = fhir.getNote().stream()
                .map(n -> n.getText())
                .filter(t -> t != null && !t.isBlank())
                .findFirst()
                .orElse(null);
        List<ClinicalProfile.Diagnosis> diagnoses = new ArrayList<>();
        for (CodeableConcept code : fhir.getReasonCode()) {
            for (Coding coding : code.getCoding()) {
                if (Codes.ICD10_CM.equals(coding.getSystem())) {
                    String description = coding.hasDisplay() ? coding.getDisplay() : code.getText();
                    try {
                        diagnoses.add(new ClinicalProfile.Diagnosis(
                                coding.getCode(),
                                required(description, "reasonCode display", 200),
                                diagnoses.isEmpty()));
                    } catch (IllegalArgumentException e) {
                        throw FhirException.unprocessable("reasonCode: a code is not ICD-10-CM (e.g. I50.9).");
                    }
                }
            }
        }
        if (diagnoses.isEmpty() || diagnoses.size() > 25) {
            throw FhirException.unprocessable("ServiceRequest.reasonCode needs 1 to 25 ICD-10-CM diagnoses ("
                    + Codes.ICD10_CM + "), the primary first.");
        }
        List<Discipline> disciplines = fhir.getOrderDetail().stream()
                .flatMap(c -> c.getCoding().stream())
                .filter(c -> Codes.DISCIPLINE.equals(c.getSystem()))
                .map(c -> Arrays.stream(Discipline.values())
                        .filter(d -> d.name().equalsIgnoreCase(c.getCode()))
                        .findFirst()
                        .orElseThrow(() -> FhirException.unprocessable(
                                "orderDetail: disciplines are " + Arrays.toString(Discipline.values()) + ".")))
                .distinct()
                .toList();
        if (disciplines.isEmpty()) {
            throw FhirException.unprocessable("ServiceRequest.orderDetail needs the requested disciplines (system "
                    + Codes.DISCIPLINE + ", e.g. SN, PT).");
        }
        ReferralSource source = fhir.getCategory().stream()
                .flatMap(c -> c.getCoding().stream())
                .filter(c -> Codes.REFERRAL_SOURCE.equals(c.getSystem()))
                .findFirst()
                .map(c -> Arrays.stream(ReferralSource.values())
                        .filter(s -> Codes.code(s).equals(c.getCode()))
                        .findFirst()
                        .orElseThrow(() -> FhirException.unprocessable("category: unknown referral source.")))
                .orElse(ReferralSource.PRIMARY_CARE_PHYSICIAN);
        LocalDate discharge = Optional.ofNullable(fhir.getExtensionByUrl(Codes.DISCHARGE_DATE))
                .map(Extension::getValue)
                .filter(DateType.class::isInstance)
                .map(DateType.class::cast)
                .map(d -> LocalDate.ofInstant(d.getValue().toInstant(), ZoneOffset.UTC))
                .orElse(null);
        return new Incoming(
                identifier,
                source,
                referring,
                required(reason, "note (the reason for the referral)", 2000),
                diagnoses,
                disciplines,
                discharge,
                prospect(person));
    }

    private static Referral.Prospect prospect(Patient person) {
        HumanName name = person.getNameFirstRep();
        if (!person.hasBirthDate()) {
            throw FhirException.unprocessable("The referred Patient needs a birthDate.");
        }
        LocalDate born = LocalDate.parse(person.getBirthDateElement().getValueAsString());
        if (!born.isBefore(LocalDate.now(ZoneOffset.UTC))) {
            throw FhirException.unprocessable("The referred Patient's birthDate must be in the past.");
        }
        var a = person.getAddressFirstRep();
        if (!person.hasAddress() || a.getLine().isEmpty()) {
            throw FhirException.unprocessable("The referred Patient needs a home address (line, city, state, "
                    + "postalCode): visits happen there.");
        }
        String postal = required(a.getPostalCode(), "address postalCode", 10);
        if (!postal.matches("[A-Za-z0-9 -]{3,10}")) {
            throw FhirException.unprocessable("The referred Patient's postalCode is not a postal code.");
        }
        Address address = new Address(
                required(a.getLine().get(0).getValue(), "address line", 200),
                a.getLine().size() > 1 ? a.getLine().get(1).getValue() : null,
                required(a.getCity(), "address city", 100),
                required(a.getState(), "address state", 50),
                postal,
                null,
                null);
        String phone = person.getTelecom().stream()
                .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                .map(ContactPoint::getValue)
                .findFirst()
                .orElse(null);
        if (phone != null && !phone.matches("\\+?[0-9 ()-]{7,20}")) {
            throw FhirException.unprocessable("The referred Patient's phone is not a phone number.");
        }
        String language = person.getCommunication().stream()
                .flatMap(c -> c.getLanguage().getCoding().stream())
                .map(Coding::getCode)
                .findFirst()
                .orElse(null);
        if (language != null && !language.matches("[a-z]{2,3}(-[A-Z]{2})?")) {
            throw FhirException.unprocessable("The referred Patient's language must be a tag such as en or es-MX.");
        }
        String given =
                name.getGiven().stream().map(StringType::getValue).findFirst().orElse(null);
        return new Referral.Prospect(
                required(given, "Patient given name", 100),
                required(name.getFamily(), "Patient family name", 100),
                born,
                address,
                phone,
                language);
    }

    private static <T extends Resource> Optional<T> contained(
            ServiceRequest request, Reference reference, Class<T> type) {
        if (reference == null
                || !reference.hasReference()
                || !reference.getReference().startsWith("#")) {
            return Optional.empty();
        }
        String id = reference.getReference().substring(1);
        return request.getContained().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(r -> id.equals(r.getIdElement().getIdPart()) || ("#" + id).equals(r.getId()))
                .findFirst();
    }

    private static String required(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw FhirException.unprocessable(what + " is required.");
        }
        if (value.strip().length() > max) {
            throw FhirException.unprocessable(what + " is longer than " + max + " characters.");
        }
        return value.strip();
    }

    static boolean isOpen(ReferralStatus status) {
        return status == ReferralStatus.RECEIVED || status == ReferralStatus.ACCEPTED;
    }

    static Instant lastChange(Referral referral) {
        return referral.decidedAt() != null ? referral.decidedAt() : referral.receivedAt();
    }
}
