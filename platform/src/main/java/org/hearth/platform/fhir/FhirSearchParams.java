package org.hearth.platform.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Parsers for the common search parameters: {@code date}/{@code _lastUpdated} with prefixes, tokens such as
 * {@code status}, references such as {@code patient}. A malformed value is a 400 OperationOutcome. Dates without a
 * time are whole UTC days.
 */
public final class FhirSearchParams {

    private FhirSearchParams() {}

    /**
     * A date condition from every value of one parameter (ANDed: {@code date=ge2026-01-01&date=lt2026-02-01}).
     * Prefixes eq (default), ne, gt, ge, lt, le. No value matches everything; a resource without the date matches
     * nothing once a value is given.
     */
    public static Predicate<Instant> dates(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return instant -> true;
        }
        List<Predicate<Instant>> all = new ArrayList<>();
        for (String value : values) {
            all.add(date(name, value));
        }
        return instant -> instant != null && all.stream().allMatch(p -> p.test(instant));
    }

    /** A date condition on a {@code LocalDate} (taken as the start of that day in UTC). */
    public static Predicate<LocalDate> localDates(String name, List<String> values) {
        Predicate<Instant> instants = dates(name, values);
        return day -> instants.test(
                day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The accepted codes of a token parameter ({@code status=active,completed}), lower-cased; empty = any. */
    public static Set<String> tokens(List<String> values) {
        if (values == null) {
            return Set.of();
        }
        return values.stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .map(v -> v.contains("|") ? v.substring(v.indexOf('|') + 1) : v)
                .map(v -> v.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** True when no token was asked for, or the code is one of them (case-insensitive). */
    public static boolean matches(Set<String> tokens, String code) {
        return tokens.isEmpty() || (code != null && tokens.contains(code.toLowerCase(Locale.ROOT)));
    }

    /**
     * The id of a reference parameter: {@code 123}, {@code Patient/123} or an absolute URL ending in
     * {@code Patient/123}; null when absent. Another type than {@code type} is a 400.
     */
    public static String reference(String name, String value, String type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        int slash = v.lastIndexOf('/');
        if (slash < 0) {
            return v;
        }
        String id = v.substring(slash + 1);
        String before = v.substring(0, slash);
        String givenType = before.substring(before.lastIndexOf('/') + 1);
        if (!givenType.equals(type) || id.isEmpty()) {
            throw FhirException.badRequest(name + " must reference a " + type + ".");
        }
        return id;
    }

    private static Predicate<Instant> date(String name, String raw) {
        // an unencoded "+" of a time zone arrives as a space
        String value = raw.trim().replace(' ', '+');
        String prefix = "eq";
        if (value.length() > 2 && Character.isLetter(value.charAt(0))) {
            prefix = value.substring(0, 2);
            value = value.substring(2);
        }
        Instant[] range = range(name, value);
        Instant start = range[0];
        Instant end = range[1];
        return switch (prefix) {
            case "eq" -> t -> !t.isBefore(start) && t.isBefore(end);
            case "ne" -> t -> t.isBefore(start) || !t.isBefore(end);
            case "gt" -> t -> !t.isBefore(end);
            case "ge" -> t -> !t.isBefore(start);
            case "lt" -> t -> t.isBefore(start);
            case "le" -> t -> t.isBefore(end);
            default -> throw FhirException.badRequest(name + " supports the prefixes eq, ne, gt, ge, lt and le.");
        };
    }

    /** [start, end) of a FHIR date of year, month, day or instant precision. */
    private static Instant[] range(String name, String value) {
        try {
            if (value.matches("\\d{4}")) {
                LocalDate start = LocalDate.of(Integer.parseInt(value), 1, 1);
                return new Instant[] {utc(start), utc(start.plusYears(1))};
            }
            if (value.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(value);
                return new Instant[] {
                    utc(month.atDay(1)), utc(month.plusMonths(1).atDay(1))
                };
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate day = LocalDate.parse(value);
                return new Instant[] {utc(day), utc(day.plusDays(1))};
            }
            Instant instant = OffsetDateTime.parse(value).toInstant();
            return new Instant[] {instant, instant.plusSeconds(1)};
        } catch (DateTimeParseException | NumberFormatException e) {
            throw FhirException.badRequest(name + " must be a FHIR date (YYYY, YYYY-MM, YYYY-MM-DD or an instant "
                    + "with a time zone), optionally after a prefix such as ge or lt.");
        }
    }

    private static Instant utc(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
