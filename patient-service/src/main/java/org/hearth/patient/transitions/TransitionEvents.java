package org.hearth.patient.transitions;

import java.time.Instant;
import java.time.LocalDate;
import org.hearth.patient.transitions.TransitionTask.TransitionTaskType;
import org.hearth.platform.events.DomainEvent;

/** Events of transition-of-care tasks on hearth.patient.events. */
final class TransitionEvents {

    private TransitionEvents() {}

    record TransitionTaskDue(String patientId, TransitionTaskType task, LocalDate dueOn) implements DomainEvent {
        static final String TYPE = "org.hearth.patient.TransitionTaskDue.v1";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public String subject() {
            return patientId;
        }
    }

    record TransitionTaskOverdue(String patientId, TransitionTaskType task, LocalDate dueOn, Instant flaggedAt)
            implements DomainEvent {
        static final String TYPE = "org.hearth.patient.TransitionTaskOverdue.v1";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public String subject() {
            return patientId;
        }
    }
}
