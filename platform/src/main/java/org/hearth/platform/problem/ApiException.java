package org.hearth.platform.problem;

import java.util.List;

/** An expected failure of a request that maps to one {@link ProblemType}; its message is safe to show. */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final List<RuleViolation> violations;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of(), List.of());
    }

    private ApiException(ProblemType type, String detail, List<FieldError> errors, List<RuleViolation> violations) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.violations = List.copyOf(violations);
    }

    /** The request is well formed but would break business rules; every broken rule is listed, not just the first. */
    public static ApiException rulesViolated(String detail, List<RuleViolation> violations) {
        return new ApiException(ProblemType.RULES_VIOLATED, detail, List.of(), violations);
    }

    public List<RuleViolation> violations() {
        return violations;
    }

    /** Field errors found by the domain rather than by bean validation (e.g. item 3 of a batch). */
    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(ProblemType.VALIDATION_FAILED, "The request has invalid fields.", errors, List.of());
    }

    public List<FieldError> errors() {
        return errors;
    }

    public ProblemType type() {
        return type;
    }

    public static ApiException notFound(String what) {
        return new ApiException(ProblemType.NOT_FOUND, what + " was not found");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(ProblemType.PRECONDITION_FAILED, detail);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(ProblemType.BAD_REQUEST, detail);
    }
}
