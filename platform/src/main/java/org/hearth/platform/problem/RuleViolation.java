package org.hearth.platform.problem;

/**
 * One business rule a request would break, e.g. {@code OVERLAP}: "overlaps the visit at 10:00". Rules are
 * stable codes clients can switch on; the message says what to change and never repeats health information.
 */
public record RuleViolation(String rule, String message) {}
