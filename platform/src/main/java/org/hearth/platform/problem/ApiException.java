package org.hearth.platform.problem;

import java.util.List;

/** An expected failure of a request that maps to one {@link ProblemType}; its message is safe to show. */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    private ApiException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    /** Field errors found by the domain rather than by bean validation (e.g. item 3 of a batch). */
    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(ProblemType.VALIDATION_FAILED, "The request has invalid fields.", errors);
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
