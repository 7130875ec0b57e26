package org.hearth.patient.fhir;

import java.util.List;
import java.util.Optional;
import org.hearth.patient.alerts.Alert;
import org.hearth.patient.alerts.AlertReader;
import org.hearth.patient.carecircle.CareCircleMember;
import org.hearth.patient.carecircle.CareCircleRepository;
import org.hearth.patient.careplan.CarePlan;
import org.hearth.patient.careplan.CarePlanReader;
import org.hearth.patient.careplan.CarePlanVersion;
import org.hearth.patient.careteam.CareTeamRepository;
import org.hearth.patient.observations.Observation;
import org.hearth.patient.observations.ObservationRepository;
import org.hearth.patient.record.Patient;
import org.hearth.patient.referral.Referral;
import org.hearth.patient.referral.ReferralIntake;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

/**
 * One patient's data as FHIR resources, newest first where it has a time. No access checks here: the controllers
 * check first (FhirAccess), then read through this.
 */
@Component
class PatientResources {

    /** Readings of one patient a search or $everything reads at most (a home-care patient has hundreds). */
    static final int MAX_READINGS = 5000;

    private final CarePlanReader plans;
    private final CareTeamRepository teams;
    private final CareCircleRepository circles;
    private final ObservationRepository observations;
    private final AlertReader alerts;
    private final ReferralIntake referrals;

    PatientResources(
            CarePlanReader plans,
            CareTeamRepository teams,
            CareCircleRepository circles,
            ObservationRepository observations,
            AlertReader alerts,
            ReferralIntake referrals) {
        this.plans = plans;
        this.teams = teams;
        this.circles = circles;
        this.observations = observations;
        this.alerts = alerts;
        this.referrals = referrals;
    }

    List<Condition> conditions(Patient patient) {
        return patient.clinical().diagnoses().stream()
                .map(d -> ConditionMapper.toFhir(patient.id(), d))
                .toList();
    }

    List<AllergyIntolerance> allergies(Patient patient) {
        return patient.clinical().allergies().stream()
                .map(a -> AllergyIntoleranceMapper.toFhir(patient.id(), a))
                .toList();
    }

    CarePlan plan(String patientId) {
        return plans.plan(patientId);
    }

    /** The plan version in force (the active one), else the open draft; empty when none was written. */
    Optional<CarePlanVersion> currentPlan(String patientId) {
        CarePlan plan = plans.plan(patientId);
        return plan.active().or(plan::draft);
    }

    Optional<org.hl7.fhir.r4.model.CarePlan> carePlan(String patientId) {
        return currentPlan(patientId).map(v -> CarePlanMapper.toFhir(patientId, v));
    }

    org.hl7.fhir.r4.model.CareTeam careTeam(String patientId) {
        CareTeamRepository.Versioned team = teams.find(patientId);
        return CareTeamMapper.toFhir(team.team(), team.version());
    }

    List<Observation> readings(String patientId) {
        return observations.ofPatient(patientId, MAX_READINGS);
    }

    List<CareCircleMember> circle(String patientId) {
        return circles.find(patientId).circle().members();
    }

    List<RelatedPerson> relatedPersons(String patientId) {
        return circle(patientId).stream()
                .map(m -> RelatedPersonMapper.toFhir(patientId, m))
                .toList();
    }

    List<Alert> alerts(String patientId) {
        return alerts.ofPatient(patientId);
    }

    List<Flag> flags(String patientId) {
        return alerts(patientId).stream().map(FlagMapper::toFhir).toList();
    }

    List<ServiceRequest> serviceRequests(String patientId) {
        return referrals.ofPatient(patientId).stream()
                .filter(r -> referrals.find(r.id()).isPresent())
                .map(ServiceRequestMapper::toFhir)
                .toList();
    }

    List<Referral> referrals(String patientId) {
        return referrals.ofPatient(patientId);
    }
}
