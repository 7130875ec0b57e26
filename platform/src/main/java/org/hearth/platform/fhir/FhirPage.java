package org.hearth.platform.fhir;

import java.util.List;

/**
 * One page of a FHIR search: {@code _count} (default 50, at most 200, like the REST lists) from {@code _offset}.
 * Bad values are 400 OperationOutcomes.
 */
public record FhirPage(int count, int offset) {

    public static final int DEFAULT_COUNT = 50;
    public static final int MAX_COUNT = 200;

    /** From the raw request parameters; null means absent. */
    public static FhirPage of(String count, String offset) {
        int c = count == null || count.isBlank() ? DEFAULT_COUNT : parse("_count", count);
        int o = offset == null || offset.isBlank() ? 0 : parse("_offset", offset);
        if (c < 0 || c > MAX_COUNT) {
            throw FhirException.badRequest("_count must be between 0 and " + MAX_COUNT + ".");
        }
        if (o < 0) {
            throw FhirException.badRequest("_offset must be 0 or more.");
        }
        return new FhirPage(c, o);
    }

    /** This page's slice of an already filtered and sorted list. */
    public <T> List<T> slice(List<T> all) {
        if (offset >= all.size()) {
            return List.of();
        }
        return all.subList(offset, Math.min(all.size(), offset + count));
    }

    private static int parse(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw FhirException.badRequest(name + " must be a whole number.");
        }
    }
}
