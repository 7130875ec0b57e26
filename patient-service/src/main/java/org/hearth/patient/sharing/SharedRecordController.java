package org.hearth.patient.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hearth.patient.careplan.CarePlanContent;
import org.hearth.patient.careplan.CarePlanReader;
import org.hearth.patient.careplan.CarePlanVersion;
import org.hearth.patient.observations.Observation;
import org.hearth.patient.observations.ObservationRepository;
import org.hearth.patient.observations.Vital;
import org.hearth.patient.record.Patient;
import org.hearth.patient.record.PatientRepository;
import org.hearth.platform.problem.ApiException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What another agency shared with the caller's agency, part by part. Each read goes through {@link SharedRecordGate}:
 * a grant not in force for this agency, or a part it does not name, is 404, as another agency's data always is.
 */
@RestController
@RequestMapping("/api/patients/v1/shared-records")
@Tag(name = "Sharing with another agency")
class SharedRecordController {

    static final String STAFF = "hasAnyRole('agency-admin','coordinator','physician','nurse','therapist','aide',"
            + "'social-worker','case-manager')";
    static final String BASE = "/api/patients/v1/shared-records";
    /** How far back shared vitals go, and how many at most. */
    static final int VITAL_DAYS = 30;

    static final int VITALS_MAX = 200;

    private final SharedRecordGate gate;
    private final PatientRepository patients;
    private final CarePlanReader plans;
    private final ObservationRepository observations;

    SharedRecordController(
            SharedRecordGate gate,
            PatientRepository patients,
            CarePlanReader plans,
            ObservationRepository observations) {
        this.gate = gate;
        this.patients = patients;
        this.plans = plans;
        this.observations = observations;
    }

    /** A shared record as the other agency sees it: who, from which agency, what parts until when. */
    record SharedRecord(
            String grantId,
            String patientId,
            String givenName,
            String familyName,
            LocalDate birthDate,
            String fromAgency,
            Set<SharedPart> parts,
            LocalDate until) {}

    record PlanSummary(
            int version,
            Instant signedAt,
            String frequency,
            List<CarePlanContent.Problem> problems,
            List<String> interventions,
            List<String> diet,
            List<CarePlanContent.Equipment> equipment) {}

    record Medications(int version, Instant signedAt, List<CarePlanContent.Medication> medications) {}

    record Reading(Vital vital, double value, String unit, Instant observedAt) {}

    @GetMapping
    @PreAuthorize(STAFF)
    @Operation(
            summary = "Records other agencies share with my agency now",
            description = "Only grants in force; each " + "listed patient is an access, audited in both agencies")
    List<SharedRecord> list() {
        return gate.inForce().stream()
                .map(g -> gate.read(g, "GET " + BASE, () -> record(g)))
                .toList();
    }

    @GetMapping("/{grantId}")
    @PreAuthorize(STAFF)
    @Operation(summary = "One shared record: the patient and the parts shared", description = "404 unless in force")
    SharedRecord one(@PathVariable String grantId) {
        SharingGrant grant = gate.require(grantId, null);
        return gate.read(grant, "GET " + BASE + "/{grantId}", () -> record(grant));
    }

    @GetMapping("/{grantId}/plan-summary")
    @PreAuthorize(STAFF)
    @Operation(
            summary = "The signed plan of care without its medications",
            description = "404 unless the grant in " + "force shares PLAN_SUMMARY (or no plan is signed)")
    PlanSummary planSummary(@PathVariable String grantId) {
        SharingGrant grant = gate.require(grantId, SharedPart.PLAN_SUMMARY);
        CarePlanVersion plan = gate.read(grant, "GET " + BASE + "/{grantId}/plan-summary", () -> activePlan(grant));
        CarePlanContent c = plan.content();
        return new PlanSummary(
                plan.number(),
                plan.signedAt(),
                c.frequency(),
                c.problems(),
                c.interventions(),
                c.diet(),
                c.equipment());
    }

    @GetMapping("/{grantId}/medications")
    @PreAuthorize(STAFF)
    @Operation(summary = "The medications of the signed plan", description = "404 unless the grant shares MEDICATIONS")
    Medications medications(@PathVariable String grantId) {
        SharingGrant grant = gate.require(grantId, SharedPart.MEDICATIONS);
        CarePlanVersion plan = gate.read(grant, "GET " + BASE + "/{grantId}/medications", () -> activePlan(grant));
        return new Medications(plan.number(), plan.signedAt(), plan.content().medications());
    }

    @GetMapping("/{grantId}/vitals")
    @PreAuthorize(STAFF)
    @Operation(
            summary = "Vitals of the last 30 days, newest first (at most 200)",
            description = "404 unless the grant " + "shares VITALS")
    List<Reading> vitals(@PathVariable String grantId) {
        SharingGrant grant = gate.require(grantId, SharedPart.VITALS);
        Instant since = gate.now().minus(java.time.Duration.ofDays(VITAL_DAYS));
        return gate.read(
                grant,
                "GET " + BASE + "/{grantId}/vitals",
                () -> observations
                        .find(
                                grant.patientId(),
                                null,
                                since,
                                null,
                                PageRequest.of(0, VITALS_MAX, Sort.by(Sort.Direction.DESC, "observation.observedAt")))
                        .map(SharedRecordController::reading)
                        .getContent());
    }

    private SharedRecord record(SharingGrant grant) {
        Patient p = patients.findById(grant.patientId())
                .orElseThrow(() -> ApiException.notFound("Shared record " + grant.id()));
        return new SharedRecord(
                grant.id(),
                p.id(),
                p.givenName(),
                p.familyName(),
                p.birthDate(),
                grant.ownerAlias(),
                grant.parts(),
                grant.until());
    }

    private CarePlanVersion activePlan(SharingGrant grant) {
        return plans.active(grant.patientId()).orElseThrow(() -> ApiException.notFound("A signed care plan"));
    }

    private static Reading reading(Observation o) {
        return new Reading(o.vital(), o.value(), o.unit(), o.observedAt());
    }
}
