package org.hearth.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.platform.audit.RefusalAudit;
import org.hearth.platform.correlation.CorrelationId;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.ErrorFormat;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.problem.PayloadTooLargeException;
import org.hearth.platform.problem.ProblemType;
import org.hearth.platform.store.StoreUnavailable;
import org.hearth.platform.tenancy.MissingTenantException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * FHIR errors: on {@code /fhir/R4/**} every failure answers an {@code OperationOutcome} (application/fhir+json) with
 * the status a FHIR client expects; elsewhere it does nothing and the RFC 9457 handlers answer as before.
 * <ul>
 * <li>404 for an unknown or another agency's id (the services' {@code ApiException} NOT_FOUND, or
 * {@link FhirException#notFound});</li>
 * <li>400 for malformed search parameters and bodies that are not FHIR JSON of the expected type;</li>
 * <li>422 for a resource that parses but breaks a rule: {@link FhirException#unprocessable}, and the services'
 * validation failures on a create or update (on a read they are 400: a bad parameter);</li>
 * <li>401/403/413 from filters come through {@link ErrorFormat} with the same body.</li>
 * </ul>
 * Diagnostics never echo request values (PHI); unexpected failures are logged with the correlation id.
 */
public class FhirErrors implements HandlerExceptionResolver, Ordered, ErrorFormat {

    private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

    private final FhirContext fhir;
    private final ObjectProvider<RefusalAudit> refusals;
    private final long retryAfterSeconds;

    public FhirErrors(FhirContext fhir, ObjectProvider<RefusalAudit> refusals, long retryAfterSeconds) {
        this.fhir = fhir;
        this.refusals = refusals;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** An OperationOutcome with one error issue. */
    public static OperationOutcome outcome(IssueType issue, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(issue).setDiagnostics(diagnostics);
        return outcome;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public boolean appliesTo(HttpServletRequest request) {
        return FhirPaths.isFhir(request);
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        send(response, type.status(), issueFor(type.status()), detail);
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!FhirPaths.isFhir(request) || response.isCommitted()) {
            return null;
        }
        try {
            answer(request, response, e);
        } catch (IOException io) {
            log.warn("FHIR error answer not written on {}: {}", request.getMethod(), io.toString());
        }
        return new ModelAndView();
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        boolean write = WRITES.contains(request.getMethod());
        HttpStatus invalid = write ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
        switch (e) {
            case FhirException fhirError ->
                send(response, fhirError.status(), fhirError.issue(), fhirError.getMessage());
            case ApiException api -> {
                HttpStatus status = api.type().status();
                if (api.type() == ProblemType.VALIDATION_FAILED || api.type() == ProblemType.UNKNOWN_FIELD) {
                    status = invalid;
                }
                if (api.type() == ProblemType.FORBIDDEN) {
                    refused(request, "no part in this patient's care");
                }
                send(response, status, issueFor(status), withErrors(api.getMessage(), api.errors()));
            }
            case MissingTenantException missing -> {
                refused(request, "no single agency in the token");
                send(
                        response,
                        HttpStatus.FORBIDDEN,
                        IssueType.FORBIDDEN,
                        "Your account is not a member of exactly one agency.");
            }
            case AccessDeniedException denied -> {
                refused(request, "role or scope missing");
                send(response, HttpStatus.FORBIDDEN, IssueType.FORBIDDEN, "You are not allowed to do this.");
            }
            case HttpMessageNotReadableException unreadable -> {
                if (causedBy(unreadable, PayloadTooLargeException.class)) {
                    send(response, HttpStatus.CONTENT_TOO_LARGE, IssueType.TOOCOSTLY, "The body is too large.");
                } else {
                    send(
                            response,
                            HttpStatus.BAD_REQUEST,
                            IssueType.STRUCTURE,
                            "The body is not a FHIR R4 JSON resource of the expected type (unknown elements are "
                                    + "refused).");
                }
            }
            case MethodArgumentNotValidException invalidBody ->
                send(
                        response,
                        invalid,
                        issueFor(invalid),
                        "The request has invalid fields: "
                                + invalidBody.getBindingResult().getFieldErrors().stream()
                                        .map(org.springframework.validation.FieldError::getField)
                                        .sorted()
                                        .collect(Collectors.joining(", "))
                                + ".");
            case ConstraintViolationException constraint ->
                send(
                        response,
                        invalid,
                        issueFor(invalid),
                        "The request has invalid values: "
                                + constraint.getConstraintViolations().stream()
                                        .map(v -> v.getPropertyPath() + " " + v.getMessage())
                                        .sorted()
                                        .collect(Collectors.joining("; "))
                                + ".");
            case HandlerMethodValidationException ignored ->
                send(response, invalid, issueFor(invalid), "The request has invalid parameters.");
            case MethodArgumentTypeMismatchException mismatch ->
                send(
                        response,
                        HttpStatus.BAD_REQUEST,
                        IssueType.INVALID,
                        "The parameter " + mismatch.getName() + " has an invalid format.");
            case ServletRequestBindingException ignored ->
                send(response, HttpStatus.BAD_REQUEST, IssueType.INVALID, "A required parameter or header is missing.");
            case NoResourceFoundException ignored ->
                send(
                        response,
                        HttpStatus.NOT_FOUND,
                        IssueType.NOTSUPPORTED,
                        "This server does not support this resource type or operation here.");
            case HttpRequestMethodNotSupportedException method ->
                send(
                        response,
                        HttpStatus.METHOD_NOT_ALLOWED,
                        IssueType.NOTSUPPORTED,
                        "This resource does not support " + method.getMethod() + ".");
            case HttpMediaTypeNotSupportedException ignored ->
                send(
                        response,
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        IssueType.NOTSUPPORTED,
                        "Send the body as " + FhirPaths.FHIR_JSON + ".");
            case HttpMediaTypeNotAcceptableException ignored ->
                send(
                        response,
                        HttpStatus.NOT_ACCEPTABLE,
                        IssueType.NOTSUPPORTED,
                        "This server answers " + FhirPaths.FHIR_JSON + ".");
            case PayloadTooLargeException ignored ->
                send(response, HttpStatus.CONTENT_TOO_LARGE, IssueType.TOOCOSTLY, "The body is too large.");
            default -> other(request, response, e);
        }
    }

    private void other(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        if (StoreUnavailable.is(e)) {
            log.warn(
                    "Store unavailable on {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.getClass().getSimpleName());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
            send(
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    IssueType.TRANSIENT,
                    "The database cannot be reached right now. Retry after the time in Retry-After.");
            return;
        }
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
            send(response, status, issueFor(status), "The request cannot be processed.");
            return;
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        send(
                response,
                HttpStatus.INTERNAL_SERVER_ERROR,
                IssueType.EXCEPTION,
                "Something went wrong on our side. Quote the correlation id when you report it.");
    }

    private void send(HttpServletResponse response, HttpStatus status, IssueType issue, String diagnostics)
            throws IOException {
        String correlation = CorrelationId.current()
                .map(id -> " (correlation id " + id + ")")
                .orElse("");
        OperationOutcome outcome = outcome(issue, diagnostics + correlation);
        response.setStatus(status.value());
        response.setContentType(FhirPaths.FHIR_JSON + ";charset=UTF-8");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        fhir.newJsonParser().encodeResourceToWriter(outcome, writer);
        writer.flush();
    }

    private void refused(HttpServletRequest request, String reason) {
        refusals.ifAvailable(audit -> audit.refused(request, 403, reason));
    }

    private static String withErrors(String message, List<FieldError> errors) {
        if (errors.isEmpty()) {
            return message;
        }
        return message + " "
                + errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")) + ".";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The OperationOutcome issue code that goes with an HTTP status. */
    static IssueType issueFor(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 405, 406, 415 -> IssueType.NOTSUPPORTED;
            case 409, 412 -> IssueType.CONFLICT;
            case 413, 414, 431 -> IssueType.TOOCOSTLY;
            case 422 -> IssueType.PROCESSING;
            case 429 -> IssueType.THROTTLED;
            case 502, 503 -> IssueType.TRANSIENT;
            default -> IssueType.EXCEPTION;
        };
    }
}
