package org.hearth.patient.assessment;

import java.time.Instant;
import java.util.List;
import org.hearth.platform.events.DomainEvent;

/** The initial assessment was completed: hazard codes and counts only, no findings text. */
public record AssessmentCompleted(
        String patientId,
        Instant completedAt,
        String assessedBy,
        List<InitialAssessment.HazardItem> hazards,
        int activitiesNeedingHelp)
        implements DomainEvent {

    public static final String TYPE = "org.hearth.patient.AssessmentCompleted.v1";

    static AssessmentCompleted of(InitialAssessment a) {
        return new AssessmentCompleted(
                a.patientId(), a.completedAt(), a.assessedBy(), a.hazards(), (int) a.functional().stream()
                        .filter(f -> f.level() != InitialAssessment.Independence.INDEPENDENT)
                        .count());
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return patientId;
    }
}
