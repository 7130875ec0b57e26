package org.hearth.patient.fhir;

import java.sql.Date;
import org.hearth.patient.record.Address;
import org.hearth.patient.record.Patient;
import org.hearth.patient.record.PatientStatus;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;

/** A patient's record as a FHIR {@code Patient} (name, birth date, address, phone, language; no clinical data). */
final class PatientMapper {

    private PatientMapper() {}

    static org.hl7.fhir.r4.model.Patient toFhir(Patient patient, long version) {
        org.hl7.fhir.r4.model.Patient fhir = new org.hl7.fhir.r4.model.Patient();
        fhir.setId(patient.id());
        fhir.getMeta().setVersionId(String.valueOf(version));
        fhir.setActive(patient.status() != PatientStatus.DISCHARGED);
        fhir.addName(new HumanName()
                .setUse(HumanName.NameUse.OFFICIAL)
                .setFamily(patient.familyName())
                .addGiven(patient.givenName()));
        fhir.setBirthDateElement(new DateType(Date.valueOf(patient.birthDate())));
        Address address = patient.address();
        if (address != null) {
            org.hl7.fhir.r4.model.Address a = fhir.addAddress()
                    .setUse(org.hl7.fhir.r4.model.Address.AddressUse.HOME)
                    .setCity(address.city())
                    .setState(address.state())
                    .setPostalCode(address.postalCode());
            if (address.line1() != null) {
                a.addLine(address.line1());
            }
            if (address.line2() != null && !address.line2().isBlank()) {
                a.addLine(address.line2());
            }
        }
        if (patient.phone() != null && !patient.phone().isBlank()) {
            fhir.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setUse(ContactPoint.ContactPointUse.HOME)
                    .setValue(patient.phone());
        }
        if (patient.language() != null && !patient.language().isBlank()) {
            fhir.addCommunication()
                    .setPreferred(true)
                    .setLanguage(Codes.concept("urn:ietf:bcp:47", patient.language(), patient.language()));
        }
        return fhir;
    }
}
