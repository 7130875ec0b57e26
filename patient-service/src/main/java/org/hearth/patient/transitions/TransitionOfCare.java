package org.hearth.patient.transitions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hearth.patient.transitions.TransitionTask.TransitionTaskType;
import org.hearth.platform.events.DomainEvent;
import org.hearth.platform.events.WithEvents;

/**
 * The follow-up owed to a patient who came home from hospital. Contact is due within 2 business days of the
 * discharge; the face-to-face visit within 7 calendar days for high-complexity decision making and 14 for
 * moderate (CMS transitional care management, CPT 99496 / 99495).
 */
public record TransitionOfCare(
        String patientId, LocalDate dischargedOn, Complexity complexity, List<TransitionTask> tasks) {

    public enum Complexity {
        HIGH,
        MODERATE
    }

    public TransitionOfCare {
        tasks = List.copyOf(tasks);
    }

    public static WithEvents<TransitionOfCare> afterDischarge(
            String patientId, LocalDate dischargedOn, Complexity complexity) {
        List<TransitionTask> tasks = List.of(
                TransitionTask.open(
                        TransitionTaskType.INTERACTIVE_CONTACT, BusinessCalendar.addBusinessDays(dischargedOn, 2)),
                TransitionTask.open(
                        TransitionTaskType.FACE_TO_FACE_VISIT,
                        dischargedOn.plusDays(complexity == Complexity.HIGH ? 7 : 14)));
        TransitionOfCare transition = new TransitionOfCare(patientId, dischargedOn, complexity, tasks);
        return new WithEvents<>(
                transition,
                tasks.stream()
                        .<DomainEvent>map(t -> new TransitionEvents.TransitionTaskDue(patientId, t.type(), t.dueOn()))
                        .toList());
    }

    public TransitionOfCare complete(TransitionTaskType type, String by, Instant at) {
        return new TransitionOfCare(
                patientId,
                dischargedOn,
                complexity,
                tasks.stream()
                        .map(t -> t.type() == type ? t.complete(by, at) : t)
                        .toList());
    }

    /** Flags the tasks whose due day is over; each is flagged once, with its event. */
    public WithEvents<TransitionOfCare> flagOverdue(LocalDate today, Instant now) {
        List<TransitionTask> next = new ArrayList<>();
        List<DomainEvent> events = new ArrayList<>();
        for (TransitionTask task : tasks) {
            if (task.becameOverdue(today)) {
                next.add(task.flaggedOverdue(now));
                events.add(new TransitionEvents.TransitionTaskOverdue(patientId, task.type(), task.dueOn(), now));
            } else {
                next.add(task);
            }
        }
        return new WithEvents<>(new TransitionOfCare(patientId, dischargedOn, complexity, next), events);
    }
}
