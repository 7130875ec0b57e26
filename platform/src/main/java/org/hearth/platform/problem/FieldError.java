package org.hearth.platform.problem;

/** One invalid field of a request: where it is (JSON path-like) and what is wrong, never its value. */
public record FieldError(String field, String message) {
}
