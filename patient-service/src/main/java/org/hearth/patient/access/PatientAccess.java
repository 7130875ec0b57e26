package org.hearth.patient.access;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hearth.patient.record.Patient;
import org.hearth.patient.record.PatientRepository;
import org.hearth.platform.audit.BreakGlassUse;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.ProblemType;
import org.hearth.platform.security.Caller;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The relationship rules of ARCHITECTURE §4, in one place for every patient endpoint:
 * <ul>
 *   <li>coordinators and agency admins: every patient of their agency;</li>
 *   <li>clinicians (physician, nurse, therapist, aide, social worker, case manager): patients whose care team
 *       lists them;</li>
 *   <li>family: patients whose care circle lists them, and only what their consent scopes allow;</li>
 *   <li>partner systems and billing: the record only (and what their endpoints allow by role).</li>
 * </ul>
 * Tenant scoping comes first: a patient of another agency is not found (404) before any rule is asked. The one
 * exception to the care-team rule is break-glass: a clinician of the agency with a grant in force reads what a
 * care-team clinician reads (reads only: an emergency needs the record, not a change to it), and the request is
 * marked so that its audit record says {@code breakGlass}. Another agency's patient stays 404: there is no
 * break-glass across agencies (that is what consented sharing is for).
 */
@Component
public class PatientAccess {

    static final List<String> CLINICIANS =
            List.of("physician", "nurse", "therapist", "aide", "social-worker", "case-manager");

    private final PatientRepository patients;
    private final CareTeams teams;
    private final CareCircles circles;
    private final BreakGlassGrants breakGlass;
    private final Clock clock;

    PatientAccess(
            PatientRepository patients,
            CareTeams teams,
            CareCircles circles,
            BreakGlassGrants breakGlass,
            Clock clock) {
        this.patients = patients;
        this.teams = teams;
        this.circles = circles;
        this.breakGlass = breakGlass;
        this.clock = clock;
    }

    /** Whether the caller holds one of the clinician roles (the roles a care team lists). */
    public static boolean isClinician() {
        return CLINICIANS.stream().anyMatch(Caller::hasRole);
    }

    /** Whether the caller is on the patient's care team (the usual relationship, without break-glass). */
    public boolean onCareTeam(String patientId) {
        return teams.lists(patientId, Caller.subject());
    }

    /**
     * The patient, if the caller may use it for {@code purpose}; 404 or 403 otherwise. Callers use the answer
     * instead of reading the patient again.
     */
    public Patient require(String patientId, Purpose purpose) {
        Patient patient = patients.findById(patientId).orElseThrow(() -> ApiException.notFound("Patient " + patientId));
        requireRelationship(patientId, purpose);
        return patient;
    }

    /**
     * The relationship check alone (403), for callers that have just read the patient of this agency themselves
     * (e.g. with its version) and need not read it again.
     */
    public void requireRelationship(String patientId, Purpose purpose) {
        if (!allowed(patientId, purpose)) {
            throw new ApiException(ProblemType.FORBIDDEN, "You have no part in this patient's care for this.");
        }
    }

    /** Whether the caller may use this patient (of their agency, already found) for {@code purpose}. */
    public boolean allows(String patientId, Purpose purpose) {
        return allowed(patientId, purpose);
    }

    /**
     * The patients the caller may list: empty means all of the agency, otherwise only these ids.
     */
    public Optional<List<String>> listable() {
        if (Caller.hasRole("agency-admin") || Caller.hasRole("coordinator") || Caller.hasRole("billing")) {
            return Optional.empty();
        }
        if (CLINICIANS.stream().anyMatch(Caller::hasRole)) {
            return Optional.of(teams.patientsOf(Caller.subject()));
        }
        if (Caller.hasRole("family")) {
            return Optional.of(circles.patientsOf(Caller.subject()));
        }
        return Optional.of(List.of());
    }

    private boolean allowed(String patientId, Purpose purpose) {
        if (Caller.hasRole("agency-admin") || Caller.hasRole("coordinator")) {
            return true;
        }
        if (CLINICIANS.stream().anyMatch(Caller::hasRole) && teams.lists(patientId, Caller.subject())) {
            return true;
        }
        if (CLINICIANS.stream().anyMatch(Caller::hasRole) && readOnly()) {
            Optional<BreakGlassGrant> grant = breakGlass.active(patientId, Caller.subject(), clock.instant());
            if (grant.isPresent()) {
                BreakGlassUse.mark(grant.get().id());
                return true;
            }
        }
        if (Caller.hasRole("family")) {
            Optional<Set<ConsentScope>> consent = circles.consentOf(patientId, Caller.subject());
            return consent.isPresent()
                    && (purpose == Purpose.RECORD
                            || (purpose.familyScope() != null && consent.get().contains(purpose.familyScope())));
        }
        if (Caller.hasRole("partner")) {
            // patients:read grants records; writing referrals or observations implies reading what one writes to
            // a SMART backend client writing Observations (system/Observation.write) is a remote-monitoring vendor
            boolean recordsVitals =
                    Caller.hasScope("hearth.observations") || Caller.hasScope("system/Observation.write");
            return (purpose == Purpose.RECORD
                            && (Caller.hasScope("hearth.patients.read")
                                    || Caller.hasScope("hearth.referrals")
                                    || recordsVitals))
                    || (purpose == Purpose.VITALS && recordsVitals);
        }
        if (Caller.hasRole("billing")) {
            return purpose == Purpose.RECORD;
        }
        return false;
    }

    private static boolean readOnly() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && ("GET".equals(request.getRequest().getMethod())
                        || "HEAD".equals(request.getRequest().getMethod()));
    }
}
