package org.hearth.scheduling.clinicians;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hearth.scheduling.geo.GeoPoint;

/**
 * A clinician who visits patients. Availability questions are answered here so that booking checks them the
 * same way everywhere.
 *
 * @param subject   the Keycloak {@code sub} when the clinician signs in to Hearth (links care teams and EVV)
 * @param languages the languages the clinician speaks with patients, as language tags (en, es…); none on file
 *                  means the agency's language only
 */
public record Clinician(
        String id,
        String subject,
        String name,
        Discipline discipline,
        Set<String> skills,
        List<Certification> certifications,
        GeoPoint homeBase,
        List<WorkingHours> hours,
        int maxVisitsPerDay,
        List<TimeOff> timeOff,
        boolean active,
        Set<String> languages) {

    public enum Discipline {
        RN,
        LPN,
        PT,
        OT,
        ST,
        DIETITIAN,
        SOCIAL_WORKER,
        AIDE
    }

    public record Certification(String name, LocalDate expiresOn) {}

    public record WorkingHours(
            @jakarta.validation.constraints.NotNull DayOfWeek day,
            @jakarta.validation.constraints.NotNull LocalTime start,
            @jakarta.validation.constraints.NotNull LocalTime end) {}

    public record TimeOff(
            @jakarta.validation.constraints.NotNull LocalDate from,
            @jakarta.validation.constraints.NotNull LocalDate to) {}

    public Clinician {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(discipline, "discipline");
        skills = Set.copyOf(skills);
        certifications = List.copyOf(certifications);
        hours = List.copyOf(hours);
        timeOff = List.copyOf(timeOff);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        if (maxVisitsPerDay < 1 || maxVisitsPerDay > 12) {
            throw new IllegalArgumentException("maxVisitsPerDay: must be 1 to 12");
        }
        for (WorkingHours h : hours) {
            if (!h.end().isAfter(h.start())) {
                throw new IllegalArgumentException("hours: " + h.day() + " ends before it starts");
            }
        }
        if (timeOff.stream().anyMatch(t -> t.to().isBefore(t.from()))) {
            throw new IllegalArgumentException("timeOff: a period ends before it starts");
        }
        if (hours.stream().map(WorkingHours::day).distinct().count() < hours.size()) {
            throw new IllegalArgumentException("hours: a day is listed twice");
        }
    }

    /** Whether a visit from {@code start} to {@code end} (local time, same day) falls in working hours, not on leave. */
    public boolean isAvailable(LocalDateTime start, LocalDateTime end) {
        if (!active || !start.toLocalDate().equals(end.toLocalDate()) || !end.isAfter(start)) {
            return false;
        }
        LocalDate day = start.toLocalDate();
        boolean onLeave = timeOff.stream().anyMatch(t -> !day.isBefore(t.from()) && !day.isAfter(t.to()));
        return !onLeave
                && hours.stream()
                        .anyMatch(h -> h.day() == day.getDayOfWeek()
                                && !start.toLocalTime().isBefore(h.start())
                                && !end.toLocalTime().isAfter(h.end()));
    }

    /**
     * Whether the clinician speaks {@code language} (a tag such as es or es-MX; the primary language counts), taking
     * a clinician with no languages on file to speak {@code agencyLanguage}.
     */
    public boolean speaks(String language, String agencyLanguage) {
        return languages.isEmpty()
                ? sameLanguage(language, agencyLanguage)
                : languages.stream().anyMatch(l -> sameLanguage(l, language));
    }

    /** Whether two language tags name one language (es and es-MX do). */
    public static boolean sameLanguage(String a, String b) {
        return primary(a).equals(primary(b));
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the named certification is held and still valid on {@code day}. */
    public boolean certifiedOn(String certification, LocalDate day) {
        return certifications.stream()
                .anyMatch(c -> c.name().equalsIgnoreCase(certification)
                        && !c.expiresOn().isBefore(day));
    }
}
