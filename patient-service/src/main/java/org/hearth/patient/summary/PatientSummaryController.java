package org.hearth.patient.summary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
import org.hearth.patient.careplan.CarePlanReader;
import org.hearth.patient.careplan.CarePlanVersion;
import org.hearth.patient.careteam.CareTeamMember;
import org.hearth.patient.careteam.CareTeamRepository;
import org.hearth.patient.record.PatientView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a clinician opens before a visit: the patient, the lead physician, the active plan. One request instead
 * of four; it is also what the bench module measures.
 */
@RestController
@Tag(name = "Patients")
class PatientSummaryController {

    private final PatientAccess access;
    private final CareTeamRepository teams;
    private final CarePlanReader plans;

    PatientSummaryController(PatientAccess access, CareTeamRepository teams, CarePlanReader plans) {
        this.access = access;
        this.teams = teams;
        this.plans = plans;
    }

    record PatientSummary(
            PatientView patient, String leadPhysician, List<CareTeamMember> careTeam, CarePlanVersion activePlan) {}

    @GetMapping("/api/patients/v1/patients/{patientId}/summary")
    @PreAuthorize("hasAnyRole('agency-admin','coordinator','physician','nurse','therapist','aide','social-worker',"
            + "'case-manager')")
    @Operation(summary = "The patient with care team and active plan of care, in one read")
    PatientSummary summary(@PathVariable String patientId) {
        var patient = access.require(patientId, Purpose.CLINICAL);
        var team = teams.find(patientId).team();
        return new PatientSummary(
                PatientView.of(patient),
                team.leadPhysician().map(CareTeamMember::subject).orElse(null),
                team.members(),
                plans.active(patientId).orElse(null));
    }
}
