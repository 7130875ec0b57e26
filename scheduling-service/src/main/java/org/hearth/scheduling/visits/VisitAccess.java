package org.hearth.scheduling.visits;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.hearth.platform.audit.BreakGlassUse;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.security.Caller;
import org.hearth.scheduling.patients.PatientProjection;
import org.hearth.scheduling.patients.PatientProjectionRepository;
import org.springframework.stereotype.Component;

/**
 * Who may see a patient's visits, and how much. Relationships, not roles, decide (ARCHITECTURE §4): coordinators,
 * admins and case managers see the agency's patients; clinicians and physicians the patients whose care team lists
 * them, or who opened the record in an emergency (a break-glass grant of patient-service in force: the read is
 * audited as break-glass); a family member, with the care circle's SCHEDULE consent, sees times, disciplines and
 * first names only. Anyone else gets 404, as if the patient did not exist.
 */
@Component
public class VisitAccess {

    public static final List<String> AGENCY_WIDE = List.of("agency-admin", "coordinator", "case-manager");
    static final List<String> CLINICAL = List.of("physician", "nurse", "therapist", "aide", "social-worker");

    public enum Sight {
        FULL,
        FAMILY
    }

    private final PatientProjectionRepository patients;
    private final Clock clock;

    VisitAccess(PatientProjectionRepository patients, Clock clock) {
        this.patients = patients;
        this.clock = clock;
    }

    Sight sightOf(String patientId) {
        PatientProjection patient =
                patients.findById(patientId).orElseThrow(() -> ApiException.notFound("Patient " + patientId));
        return sightOf(patient);
    }

    public Sight sightOf(PatientProjection patient) {
        if (AGENCY_WIDE.stream().anyMatch(Caller::hasRole)) {
            return Sight.FULL;
        }
        String subject = Caller.subject();
        if (CLINICAL.stream().anyMatch(Caller::hasRole)) {
            if (patient.onCareTeam(subject)) {
                return Sight.FULL;
            }
            Optional<String> breakGlass = patient.breakGlassGrantOf(subject, clock.instant());
            if (breakGlass.isPresent()) {
                BreakGlassUse.mark(breakGlass.get());
                return Sight.FULL;
            }
        }
        if (Caller.hasRole("family") && patient.circleGrants(subject, "SCHEDULE")) {
            return Sight.FAMILY;
        }
        throw ApiException.notFound("Patient " + patient.patientId());
    }
}
