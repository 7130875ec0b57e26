package org.hearth.patient.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.patient.observations.Vital;

/** The start-of-care assessment; complete once every part is filled in, then it stays as it was signed off. */
public record InitialAssessment(
        String patientId,
        AssessmentStatus status,
        List<BaselineVital> baseline,
        String medicalHistory,
        List<FunctionalStatus> functional,
        List<SafetyCheck> homeSafety,
        List<String> goals,
        String assessedBy,
        Instant updatedAt,
        Instant completedAt) {

    public enum AssessmentStatus {
        IN_PROGRESS,
        COMPLETED
    }

    public enum Adl {
        BATHING,
        DRESSING,
        TOILETING,
        TRANSFERRING,
        AMBULATION,
        FEEDING
    }

    public enum Independence {
        INDEPENDENT,
        NEEDS_ASSISTANCE,
        DEPENDENT
    }

    /** The home safety checklist agencies walk through on the first visit. */
    public enum HazardItem {
        LOOSE_RUGS,
        GRAB_BARS,
        LIGHTING,
        STAIRS_AND_RAILINGS,
        SMOKE_DETECTORS,
        CARBON_MONOXIDE_DETECTOR,
        CLUTTER_AND_PATHWAYS,
        BATHROOM_SAFETY,
        FIRE_EXTINGUISHER,
        EMERGENCY_NUMBERS_POSTED,
        PETS,
        OXYGEN_SAFETY
    }

    public enum SafetyStatus {
        OK,
        HAZARD,
        NOT_APPLICABLE
    }

    public record BaselineVital(Vital vital, double value) {}

    public record FunctionalStatus(
            @jakarta.validation.constraints.NotNull Adl activity,
            @jakarta.validation.constraints.NotNull Independence level) {}

    /** A hazard needs an action (e.g. "remove hall runner", "order grab bar"), or it is only a worry. */
    public record SafetyCheck(HazardItem item, SafetyStatus status, String finding, String action) {
        public SafetyCheck {
            if (status == SafetyStatus.HAZARD && (action == null || action.isBlank())) {
                throw new IllegalArgumentException("homeSafety: " + item + " is a hazard and needs an action");
            }
        }
    }

    public InitialAssessment {
        baseline = List.copyOf(baseline);
        functional = List.copyOf(functional);
        homeSafety = List.copyOf(homeSafety);
        goals = List.copyOf(goals);
    }

    /**
     * Completes the assessment.
     *
     * @throws IncompleteAssessmentException listing every missing part
     * @throws IllegalStateException         if it was completed before
     */
    InitialAssessment complete(String by, Instant now) {
        if (status == AssessmentStatus.COMPLETED) {
            throw new IllegalStateException("the initial assessment is completed already");
        }
        List<String> missing = new ArrayList<>();
        Set<HazardItem> checked = homeSafety.stream().map(SafetyCheck::item).collect(Collectors.toSet());
        Set<HazardItem> unchecked = EnumSet.allOf(HazardItem.class);
        unchecked.removeAll(checked);
        if (!unchecked.isEmpty()) {
            missing.add("homeSafety: not checked: " + unchecked);
        }
        Set<Adl> rated = functional.stream().map(FunctionalStatus::activity).collect(Collectors.toSet());
        Set<Adl> unrated = EnumSet.allOf(Adl.class);
        unrated.removeAll(rated);
        if (!unrated.isEmpty()) {
            missing.add("functional: not rated: " + unrated);
        }
        if (goals.isEmpty()) {
            missing.add("goals: the patient's own goals are missing");
        }
        if (baseline.stream().noneMatch(b -> b.vital() == Vital.SYSTOLIC_BP)
                || baseline.stream().noneMatch(b -> b.vital() == Vital.HEART_RATE)) {
            missing.add("baseline: blood pressure and heart rate are required");
        }
        if (!missing.isEmpty()) {
            throw new IncompleteAssessmentException(missing);
        }
        return new InitialAssessment(
                patientId,
                AssessmentStatus.COMPLETED,
                baseline,
                medicalHistory,
                functional,
                homeSafety,
                goals,
                by,
                now,
                now);
    }

    public List<HazardItem> hazards() {
        return homeSafety.stream()
                .filter(c -> c.status() == SafetyStatus.HAZARD)
                .map(SafetyCheck::item)
                .toList();
    }

    /** Why an assessment cannot be completed yet, part by part. */
    public static final class IncompleteAssessmentException extends RuntimeException {
        private final List<String> missing;

        IncompleteAssessmentException(List<String> missing) {
            super(String.join("; ", missing));
            this.missing = List.copyOf(missing);
        }

        public List<String> missing() {
            return missing;
        }
    }
}
