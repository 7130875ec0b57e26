package org.hearth.patient.transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.hearth.patient.transitions.TransitionTask.TransitionTaskStatus;
import org.hearth.patient.transitions.TransitionTask.TransitionTaskType;
import org.hearth.platform.events.WithEvents;
import org.junit.jupiter.api.Test;

class TransitionOfCareTest {

    static final LocalDate FRIDAY = LocalDate.parse("2026-11-20");

    @Test
    void contactIsDueInTwoBusinessDaysAndTheVisitInSevenDaysForHighComplexity() {
        WithEvents<TransitionOfCare> started =
                TransitionOfCare.afterDischarge("p-1", FRIDAY, TransitionOfCare.Complexity.HIGH);

        assertThat(started.result().tasks())
                .extracting(TransitionTask::type, TransitionTask::dueOn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                TransitionTaskType.INTERACTIVE_CONTACT, LocalDate.parse("2026-11-24")),
                        org.assertj.core.groups.Tuple.tuple(
                                TransitionTaskType.FACE_TO_FACE_VISIT, LocalDate.parse("2026-11-27")));
        assertThat(started.events()).hasSize(2);
    }

    @Test
    void moderateComplexityAllowsFourteenDaysForTheVisit() {
        TransitionOfCare started = TransitionOfCare.afterDischarge("p-1", FRIDAY, TransitionOfCare.Complexity.MODERATE)
                .result();

        assertThat(started.tasks().get(1).dueOn()).isEqualTo(LocalDate.parse("2026-12-04"));
    }

    @Test
    void aTaskIsOverdueTheDayAfterItsDueDateFlaggedOnceAndNotWhenDone() {
        TransitionOfCare started = TransitionOfCare.afterDischarge("p-1", FRIDAY, TransitionOfCare.Complexity.HIGH)
                .result();
        Instant now = Instant.parse("2026-11-25T14:00:00Z");

        assertThat(started.flagOverdue(LocalDate.parse("2026-11-24"), now).events())
                .isEmpty();
        WithEvents<TransitionOfCare> flagged = started.flagOverdue(LocalDate.parse("2026-11-25"), now);
        assertThat(flagged.events())
                .singleElement()
                .hasToString(
                        "TransitionTaskOverdue[patientId=p-1, task=INTERACTIVE_CONTACT, dueOn=2026-11-24, flaggedAt="
                                + now + "]");
        assertThat(flagged.result().tasks().getFirst().status()).isEqualTo(TransitionTaskStatus.OVERDUE);
        assertThat(flagged.result()
                        .flagOverdue(LocalDate.parse("2026-11-26"), now)
                        .events())
                .isEmpty();

        TransitionOfCare visited = flagged.result().complete(TransitionTaskType.FACE_TO_FACE_VISIT, "nina", now);
        assertThat(visited.flagOverdue(LocalDate.parse("2026-12-31"), now).events())
                .isEmpty();
        assertThatThrownBy(() -> visited.complete(TransitionTaskType.FACE_TO_FACE_VISIT, "nina", now))
                .isInstanceOf(IllegalStateException.class);
    }
}
