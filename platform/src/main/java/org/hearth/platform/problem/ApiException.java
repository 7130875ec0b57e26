package org.hearth.platform.problem;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** An expected failure of a request that maps to one {@link ProblemType}; its message is safe to show. */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final List<RuleViolation> violations;
    private final Duration retryAfter;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of(), List.of(), null);
    }

    private ApiException(
            ProblemType type,
            String detail,
            List<FieldError> errors,
            List<RuleViolation> violations,
            Duration retryAfter) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.violations = List.copyOf(violations);
        this.retryAfter = retryAfter;
    }

    /** 503: this instance cannot take the request now; {@code Retry-After} tells the client when to try again. */
    public static ApiException busy(String detail, Duration retryAfter) {
        return new ApiException(ProblemType.BUSY, detail, List.of(), List.of(), retryAfter);
    }

    /** When the client should try again, for a refusal that passes ({@link #busy}). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The request is well formed but would break business rules; every broken rule is listed, not just the first. */
    public static ApiException rulesViolated(String detail, List<RuleViolation> violations) {
        return new ApiException(ProblemType.RULES_VIOLATED, detail, List.of(), violations, null);
    }

    public List<RuleViolation> violations() {
        return violations;
    }

    /** Field errors found by the domain rather than by bean validation (e.g. item 3 of a batch). */
    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(
                ProblemType.VALIDATION_FAILED, "The request has invalid fields.", errors, List.of(), null);
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
