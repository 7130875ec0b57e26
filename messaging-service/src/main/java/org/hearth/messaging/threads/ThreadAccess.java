package org.hearth.messaging.threads;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hearth.messaging.patients.PatientCircle;
import org.hearth.messaging.patients.PatientCircles;
import org.hearth.platform.problem.ApiException;
import org.springframework.stereotype.Component;

/**
 * Who takes part in a thread. Only participants read or write it; anyone else, in this agency or another, gets 404
 * so that a thread's existence does not leak. Family members never take part in care-team, direct or huddle threads.
 */
@Component
public class ThreadAccess {

    public static final String MESSAGES = "MESSAGES";
    static final String COORDINATOR = "COORDINATOR";

    private final Threads threads;
    private final PatientCircles circles;

    ThreadAccess(Threads threads, PatientCircles circles) {
        this.threads = threads;
        this.circles = circles;
    }

    /** The thread if {@code subject} takes part in it, else 404. */
    public ChatThread readable(String threadId, String subject) {
        ChatThread thread = threads.find(threadId).orElseThrow(() -> ApiException.notFound("Thread " + threadId));
        if (!participants(thread).contains(subject)) {
            throw ApiException.notFound("Thread " + threadId);
        }
        return thread;
    }

    /** Everyone who takes part now, in a stable order. */
    public Set<String> participants(ChatThread thread) {
        Set<String> everyone = new LinkedHashSet<>(thread.members());
        Optional<PatientCircle> circle =
                thread.patientId() == null ? Optional.empty() : circles.find(thread.patientId());
        switch (thread.kind()) {
            case CARE_TEAM -> circle.ifPresent(c -> c.careTeam().forEach(m -> everyone.add(m.subject())));
            // the family writes "to the care team": the team's coordinators and its lead clinician (the lead physician,
            // who signs the plan) always read and answer the family thread
            case FAMILY ->
                circle.ifPresent(c -> {
                    everyone.addAll(c.circleWith(MESSAGES));
                    everyone.addAll(c.withRole(COORDINATOR));
                    if (c.leadPhysician() != null) {
                        everyone.add(c.leadPhysician());
                    }
                });
            default -> {}
        }
        return everyone;
    }

    /**
     * Whether {@code subject} may read what needs {@code scope} in the thread: staff always; a member of the patient's
     * care circle only with that consent (e.g. SCHEDULE for a notice that a visit was booked).
     */
    public boolean consents(ChatThread thread, String subject, String scope) {
        if (scope == null || thread.patientId() == null) {
            return true;
        }
        return circles.find(thread.patientId())
                .map(c -> c.careCircle().stream().noneMatch(m -> m.subject().equals(subject))
                        || c.circleGrants(subject, scope))
                .orElse(true);
    }

    /** Staff of the patient's care team (who may join the family thread or call a huddle). */
    public boolean onCareTeam(String patientId, String subject) {
        return circles.find(patientId).map(c -> c.onCareTeam(subject)).orElse(false);
    }

    /** Whether {@code subject} has {@code role} (e.g. COORDINATOR) on the patient's care team. */
    public boolean hasTeamRole(String patientId, String subject, String role) {
        return circles.find(patientId)
                .map(c -> c.withRole(role).contains(subject))
                .orElse(false);
    }

    List<String> patientsOnCareTeam(String subject) {
        return circles.patientsWithTeamMember(subject);
    }

    /**
     * Patients whose family thread {@code subject} takes part in by role: those whose care team they coordinate, and
     * those whose lead physician they are.
     */
    List<String> patientsCoordinated(String subject) {
        List<String> patients = new java.util.ArrayList<>(circles.patientsWithTeamRole(subject, COORDINATOR));
        circles.patientsLedBy(subject).stream()
                .filter(p -> !patients.contains(p))
                .forEach(patients::add);
        return patients;
    }

    List<String> patientsInCircle(String subject) {
        return circles.patientsWithCircleMember(subject, MESSAGES);
    }
}
