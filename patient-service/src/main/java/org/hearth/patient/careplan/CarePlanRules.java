package org.hearth.patient.careplan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hearth.platform.problem.RuleViolation;

/**
 * What a draft must satisfy before the lead physician is asked to sign it. A draft may be saved half written (the
 * author works on it over days); these rules hold at submission, so that nobody signs a plan with nothing to treat,
 * a medication that stops before it starts, or a goal whose date has already passed. Messages name the entry (a
 * medication's or goal's own words), which the author wrote and the caller may read.
 */
public final class CarePlanRules {

    private CarePlanRules() {}

    /** The rules a draft breaks, every one of them (empty: it may be submitted). */
    public static final class Broken extends RuntimeException {
        private final List<RuleViolation> violations;

        Broken(List<RuleViolation> violations) {
            super(violations.size() + " rule(s) broken");
            this.violations = List.copyOf(violations);
        }

        public List<RuleViolation> violations() {
            return violations;
        }
    }

    static void check(CarePlanContent content, LocalDate today) {
        List<RuleViolation> broken = violations(content, today);
        if (!broken.isEmpty()) {
            throw new Broken(broken);
        }
    }

    static List<RuleViolation> violations(CarePlanContent content, LocalDate today) {
        List<RuleViolation> broken = new ArrayList<>();
        if (content.problems().isEmpty()) {
            broken.add(new RuleViolation(
                    "NO_PROBLEM", "The plan names no problem to work on; add at least one with " + "a goal."));
        }
        for (CarePlanContent.Problem problem : content.problems()) {
            for (CarePlanContent.Goal goal : problem.goals()) {
                if (goal.targetDate().isBefore(today)) {
                    broken.add(new RuleViolation(
                            "GOAL_DATE_PASSED",
                            "The goal \"" + goal.description() + "\" has a target date that has already passed ("
                                    + goal.targetDate() + ")."));
                }
            }
        }
        Set<String> names = new HashSet<>();
        for (CarePlanContent.Medication medication : content.medications()) {
            if (medication.stop() != null && medication.stop().isBefore(medication.start())) {
                broken.add(new RuleViolation(
                        "MEDICATION_STOPS_BEFORE_START",
                        medication.name() + " stops (" + medication.stop() + ") before it starts (" + medication.start()
                                + ")."));
            }
            if (!names.add(medication.name().strip().toLowerCase(Locale.ROOT))) {
                broken.add(new RuleViolation(
                        "MEDICATION_TWICE",
                        medication.name() + " is listed twice; keep one " + "entry with every time of day."));
            }
        }
        return broken;
    }
}
