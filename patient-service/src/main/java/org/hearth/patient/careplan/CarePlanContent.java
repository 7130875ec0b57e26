package org.hearth.patient.careplan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What one version of the plan says. Lists are small by nature; the caps keep a careless client from storing
 * megabytes in one plan. {@code frequency} is the clinicians' notation ("SN 2W4, PT 3W2").
 */
public record CarePlanContent(
        @NotNull @Size(max = 30) List<@Valid @NotNull Problem> problems,
        @NotNull @Size(max = 50) List<@NotBlank @Size(max = 500) String> interventions,
        @NotNull @Size(max = 50) List<@Valid @NotNull Medication> medications,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 200) String> diet,
        @NotNull @Size(max = 30) List<@Valid @NotNull Equipment> equipment,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 200) String> communityServices,
        @NotBlank @Size(max = 500) String frequency) {

    /** A problem the team works on, with goals that can be measured by a date. */
    public record Problem(
            @NotBlank @Size(max = 500) String description,
            @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull Goal> goals) {}

    public record Goal(
            @NotBlank @Size(max = 500) String description,
            @NotBlank @Size(max = 200) String measure,
            @NotNull LocalDate targetDate) {}

    /**
     * A medication as ordered: times in the patient's day, a stop date when it is a course (not before its start).
     * The dose is a positive amount and its unit, a UCUM code or words ("40 mg", "0.5 mL", "1 tablet", "2 puffs").
     */
    @CourseDates
    public record Medication(
            @NotBlank @Size(max = 200) String name,

            @NotBlank @Size(max = 100) @Pattern(regexp = DOSE, message = DOSE_MESSAGE)
            String dose,

            @NotNull Route route,
            @NotNull @Size(min = 1, max = 12) List<@NotNull LocalTime> times,
            @NotNull LocalDate start,
            LocalDate stop) {}

    /** A positive amount (not zero, no sign), optionally a range ("1-2"), then a unit. */
    static final String DOSE =
            "^(?=[\\d.,]*[1-9])\\d+(?:[.,]\\d+)?(?:\\s*(?:-|to)\\s*\\d+(?:[.,]\\d+)?)?\\s*[\\p{L}%µ\\[{].*$";

    static final String DOSE_MESSAGE = "must be a positive amount with its unit, e.g. \"40 mg\" or \"1 tablet\"";

    public enum Route {
        ORAL,
        SUBLINGUAL,
        TOPICAL,
        TRANSDERMAL,
        INHALED,
        SUBCUTANEOUS,
        INTRAMUSCULAR,
        INTRAVENOUS,
        RECTAL,
        OPHTHALMIC,
        OTIC,
        NASAL,
        ENTERAL
    }

    /** Durable medical equipment and where its order stands. */
    public record Equipment(
            @NotBlank @Size(max = 200) String item, @NotNull EquipmentStatus status) {}

    public enum EquipmentStatus {
        NEEDED,
        ORDERED,
        DELIVERED,
        IN_USE,
        RETURNED
    }
}
