package org.hearth.patient.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hearth.patient.access.Purpose;
import org.hearth.patient.carecircle.CareCircleMember;
import org.hearth.patient.record.Patient;
import org.hearth.patient.record.PatientRepository;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.ProblemType;
import org.hearth.platform.security.Caller;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/{id}/$everything}: everything patient-service holds about the patient that the caller may read
 * through the REST API, as one list. Staff get what their relationship allows (the care team everything, billing the
 * record); family only when they are the patient's point of contact (the patient's right of access through the
 * person they chose), with the record, themselves, and the vitals if their consent includes VITALS.
 */
@Component
class PatientEverything {

    private final FhirAccess access;
    private final PatientResources resources;

    PatientEverything(FhirAccess access, PatientResources resources) {
        this.access = access;
        this.resources = resources;
    }

    List<Resource> of(String patientId) {
        PatientRepository.Versioned stored = access.require(patientId, Purpose.RECORD, "Patient");
        Patient patient = stored.patient();
        List<Resource> all = new ArrayList<>();
        all.add(PatientMapper.toFhir(patient, stored.version()));
        if (Caller.hasRole("family")) {
            CareCircleMember self = resources.circle(patientId).stream()
                    .filter(m -> Caller.subject().equals(m.subject()))
                    .findFirst()
                    .filter(CareCircleMember::pointOfContact)
                    .orElseThrow(() -> new ApiException(
                            ProblemType.FORBIDDEN,
                            "Only the patient's point of contact reads everything on the patient's behalf."));
            all.add(RelatedPersonMapper.toFhir(patientId, self));
            if (access.allows(patientId, Purpose.VITALS, "Observation")) {
                resources.readings(patientId).forEach(r -> all.add(ObservationMapper.toFhir(r)));
            }
            return all;
        }
        all.addAll(resources.conditions(patient));
        all.addAll(resources.allergies(patient));
        if (access.allows(patientId, Purpose.CLINICAL, "CarePlan")) {
            resources.carePlan(patientId).ifPresent(all::add);
            all.add(resources.careTeam(patientId));
            all.addAll(resources.relatedPersons(patientId));
            all.addAll(resources.flags(patientId));
        }
        if (access.allows(patientId, Purpose.VITALS, "Observation")) {
            resources.readings(patientId).forEach(r -> all.add(ObservationMapper.toFhir(r)));
        }
        if (Caller.hasRole("agency-admin") || Caller.hasRole("coordinator")) {
            all.addAll(resources.serviceRequests(patientId));
        }
        return all;
    }
}
