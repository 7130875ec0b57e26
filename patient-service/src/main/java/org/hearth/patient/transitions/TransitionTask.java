package org.hearth.patient.transitions;

import java.time.Instant;
import java.time.LocalDate;

/** One task of a transition of care and where it stands. */
public record TransitionTask(
        TransitionTaskType type,
        LocalDate dueOn,
        TransitionTaskStatus status,
        String completedBy,
        Instant completedAt,
        Instant flaggedOverdueAt) {

    public enum TransitionTaskType {
        INTERACTIVE_CONTACT,
        FACE_TO_FACE_VISIT
    }

    public enum TransitionTaskStatus {
        OPEN,
        OVERDUE,
        DONE
    }

    static TransitionTask open(TransitionTaskType type, LocalDate dueOn) {
        return new TransitionTask(type, dueOn, TransitionTaskStatus.OPEN, null, null, null);
    }

    TransitionTask complete(String by, Instant at) {
        if (status == TransitionTaskStatus.DONE) {
            throw new IllegalStateException(type + " is done already");
        }
        return new TransitionTask(type, dueOn, TransitionTaskStatus.DONE, by, at, flaggedOverdueAt);
    }

    /** Overdue once the due day is over in the agency's zone; flagged once. */
    boolean becameOverdue(LocalDate today) {
        return status == TransitionTaskStatus.OPEN && today.isAfter(dueOn);
    }

    TransitionTask flaggedOverdue(Instant at) {
        return new TransitionTask(type, dueOn, TransitionTaskStatus.OVERDUE, completedBy, completedAt, at);
    }
}
