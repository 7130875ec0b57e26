package org.hearth.scheduling.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hearth.platform.problem.RuleViolation;
import org.junit.jupiter.api.Test;

class VisitSlotsTest {

    static final RuleViolation AUTH = new RuleViolation("AUTHORIZATION_MISSING", "none is approved for 2030-01-07");
    static final RuleViolation AUTH_LATER =
            new RuleViolation("AUTHORIZATION_MISSING", "none is approved for 2030-01-08");
    static final RuleViolation OFF = new RuleViolation("CLINICIAN_UNAVAILABLE", "the clinician is not working");
    static final RuleViolation OVERLAP = new RuleViolation("OVERLAP", "overlaps the clinician's visit 10:00-11:00");

    @Test
    void aRuleEveryCandidateBreaksIsTheBlockerInTheFirstCandidatesWords() {
        assertThat(VisitSlots.summary(List.of(List.of(AUTH, OFF), List.of(OVERLAP, AUTH_LATER)), "no free time"))
                .containsExactly(new VisitSlots.Blocker("AUTHORIZATION_MISSING", "none is approved for 2030-01-07"));
    }

    @Test
    void candidatesFailingEachForItsOwnReasonMeanNoFreeTime() {
        assertThat(VisitSlots.summary(List.of(List.of(OFF), List.of(OVERLAP)), "no free time"))
                .containsExactly(new VisitSlots.Blocker("NO_FREE_SLOT", "no free time"));
        assertThat(VisitSlots.summary(List.of(), "nothing to try"))
                .containsExactly(new VisitSlots.Blocker("NO_FREE_SLOT", "nothing to try"));
    }

    @Test
    void everyCommonRuleIsListed() {
        assertThat(VisitSlots.summary(List.of(List.of(AUTH, OFF), List.of(OFF, AUTH)), "x"))
                .extracting(VisitSlots.Blocker::rule)
                .containsExactly("AUTHORIZATION_MISSING", "CLINICIAN_UNAVAILABLE");
    }
}
