package org.hearth.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import org.hearth.platform.audit.RefusalAudit;
import org.hearth.platform.store.StoreProperties;
import org.hearth.platform.store.StoreUnavailable;
import org.hearth.platform.tenancy.MissingTenantException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every exception a request can raise into RFC 9457 problem details with a stable {@code type}.
 * Details never echo request values (they may be PHI) and never carry stack traces; unexpected failures
 * are logged with the correlation id so support can find them.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ObjectProvider<RefusalAudit> refusals;
    private final long retryAfterSeconds;

    public ProblemExceptionHandler(ObjectProvider<RefusalAudit> refusals, ObjectProvider<StoreProperties> store) {
        this.refusals = refusals;
        StoreProperties properties = store.getIfAvailable();
        this.retryAfterSeconds =
                properties == null ? 2 : Math.max(1, properties.retryAfter().toSeconds());
    }

    private void audit(HttpServletRequest request, String reason) {
        refusals.ifAvailable(audit -> audit.refused(request, 403, reason));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
        if (e.type() == ProblemType.FORBIDDEN) {
            audit(request, "no part in this patient's care");
        }
        ProblemDetail problem = Problems.of(e.type(), e.getMessage(), request.getRequestURI());
        if (!e.violations().isEmpty()) {
            problem.setProperty("violations", e.violations());
        }
        ProblemDetail body = e.errors().isEmpty() ? problem : Problems.withErrors(problem, e.errors());
        return e.retryAfter()
                .map(after -> problem(body, Math.max(1, after.toSeconds())))
                .orElseGet(() -> problem(body));
    }

    @ExceptionHandler(MissingTenantException.class)
    ResponseEntity<Object> noTenant(MissingTenantException e, HttpServletRequest request) {
        audit(request, "no single agency in the token");
        return problem(Problems.of(
                ProblemType.FORBIDDEN, "Your account is not a member of exactly one agency.", request.getRequestURI()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
        audit(request, "role or scope missing");
        return problem(Problems.of(ProblemType.FORBIDDEN, "You are not allowed to do this.", request.getRequestURI()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return problem(Problems.withErrors(
                Problems.of(ProblemType.VALIDATION_FAILED, "The request has invalid fields.", request.getRequestURI()),
                errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problem(Problems.withErrors(
                Problems.of(
                        ProblemType.VALIDATION_FAILED, "The request has invalid parameters.", request.getRequestURI()),
                List.of(new FieldError(e.getName(), "has an invalid format"))));
    }

    /**
     * The security firewall refused the request (encoded slashes, semicolons, non-printable or undecodable characters
     * in the path, parameter names it does not allow). Its message can echo request content, so only the class is
     * logged.
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<Object> rejected(Exception e, HttpServletRequest request) {
        log.info("Request refused by the firewall on {}", request.getMethod());
        return problem(Problems.of(
                ProblemType.BAD_REQUEST,
                "The request cannot be processed: its URI, headers or parameters are malformed.",
                null));
    }

    /** A multipart body without a boundary, cut off mid-part, or otherwise unparseable is the client's fault. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Object> multipart(
            org.springframework.web.multipart.MultipartException e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return tooLarge(tooLarge, request);
            }
        }
        if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            return problem(
                    Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "The upload is too large.", request.getRequestURI()));
        }
        return problem(Problems.of(
                ProblemType.BAD_REQUEST,
                "The multipart body is malformed (missing boundary, or cut off before its end).",
                request.getRequestURI()));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
        return problem(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage(), request.getRequestURI()));
    }

    /**
     * The database is unreachable (driver time-out, broken socket, no primary). 503 with Retry-After so that
     * clients and the gateway back off and retry; logged as one WARN line without the stack, since it is an outage,
     * not a bug, and hundreds of requests report it at once.
     */
    @ExceptionHandler({
        org.springframework.dao.DataAccessResourceFailureException.class,
        org.springframework.dao.TransientDataAccessResourceException.class,
        org.springframework.dao.QueryTimeoutException.class,
        com.mongodb.MongoTimeoutException.class,
        com.mongodb.MongoSocketException.class,
        com.mongodb.MongoNotPrimaryException.class,
        com.mongodb.MongoNodeIsRecoveringException.class,
        com.mongodb.MongoExecutionTimeoutException.class,
        com.mongodb.MongoOperationTimeoutException.class
    })
    ResponseEntity<Object> storeUnavailable(Exception e, HttpServletRequest request) {
        log.warn(
                "Store unavailable on {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                e.getClass().getSimpleName());
        return problem(
                Problems.of(
                        ProblemType.STORE_UNAVAILABLE,
                        "The database cannot be reached right now. Retry after the time in Retry-After; send the "
                                + "same Idempotency-Key so that a write is applied once.",
                        request.getRequestURI()),
                retryAfterSeconds);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (StoreUnavailable.is(e)) { // wrapped on its way up, e.g. by a scheduled or parallel task
            return storeUnavailable(e, request);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            // read outside a converter (e.g. by a multipart parser or a controller reading the stream itself)
            if (t instanceof PayloadTooLargeException tooLarge) {
                return tooLarge(tooLarge, request);
            }
            if (t instanceof MalformedBodyException malformed) {
                return problem(
                        Problems.of(ProblemType.MALFORMED_JSON, malformed.getMessage(), request.getRequestURI()));
            }
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(Problems.of(
                ProblemType.INTERNAL_ERROR,
                "Something went wrong on our side. Quote the correlation id when you report it.",
                request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return problem(Problems.withErrors(
                Problems.of(ProblemType.VALIDATION_FAILED, "The request has invalid fields.", path(request)), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return problem(Problems.withErrors(
                Problems.of(ProblemType.VALIDATION_FAILED, "The request has invalid parameters.", path(request)),
                errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return problem(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), path(request)));
            }
            if (t instanceof MalformedBodyException malformed) {
                return problem(Problems.of(ProblemType.MALFORMED_JSON, malformed.getMessage(), path(request)));
            }
        }
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return problem(Problems.withErrors(
                    Problems.of(
                            ProblemType.UNKNOWN_FIELD,
                            "The request contains a field this API does not accept.",
                            path(request)),
                    List.of(new FieldError(pathOf(unknown), "is not a known field"))));
        }
        if (cause instanceof DatabindException mapping && !mapping.getPath().isEmpty()) {
            return problem(Problems.withErrors(
                    Problems.of(
                            ProblemType.VALIDATION_FAILED,
                            "The request has a field of the wrong type or format.",
                            path(request)),
                    List.of(new FieldError(pathOf(mapping), "has the wrong type or format"))));
        }
        String detail = cause instanceof JacksonException
                ? "The request body is not well-formed JSON."
                : "The request body is missing or unreadable.";
        return problem(Problems.of(ProblemType.MALFORMED_JSON, detail, path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(Problems.of(
                ProblemType.METHOD_NOT_ALLOWED,
                "This resource does not support " + e.getMethod() + ".",
                path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(
                Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.", path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(
                Problems.of(ProblemType.NOT_ACCEPTABLE, "This resource answers in application/json.", path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(Problems.of(ProblemType.NOT_FOUND, "No such resource.", path(request)));
    }

    /** Any other framework exception: keep Spring's status, replace its body with ours. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        boolean ours = status.is5xxServerError();
        if (ours) {
            log.error("Request failed", e);
        }
        ProblemDetail problem = Problems.of(
                ours ? ProblemType.INTERNAL_ERROR : ProblemType.BAD_REQUEST,
                ours ? "Something went wrong on our side." : "The request cannot be processed.",
                path(request));
        problem.setStatus(status.value());
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** A refusal that passes: the problem, and when to try again. */
    private static ResponseEntity<Object> problem(ProblemDetail problem, long retryAfterSeconds) {
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getRequestURI()
                : null;
    }

    private static String pathOf(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String leaf(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot >= 0 ? propertyPath.substring(dot + 1) : propertyPath;
    }
}
