package org.hearth.platform.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The stable problem types of Hearth's APIs. Clients switch on {@code type}, never on {@code detail}.
 * Each is documented in docs/problems.md.
 */
public enum ProblemType {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Validation failed"),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "Malformed JSON"),
    UNKNOWN_FIELD(HttpStatus.BAD_REQUEST, "Unknown field"),
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "Bad request"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "Precondition failed"),
    PRECONDITION_REQUIRED(HttpStatus.PRECONDITION_REQUIRED, "Precondition required"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "URI too long"),
    HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request headers too large"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused"),
    RULES_VIOLATED(HttpStatus.UNPROCESSABLE_CONTENT, "Rules violated"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    BUSY(HttpStatus.SERVICE_UNAVAILABLE, "Busy"),
    /** The database cannot be reached now; nothing was stored unless a retry with the same Idempotency-Key says so. */
    STORE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable"),
    UPSTREAM_FAILED(HttpStatus.BAD_GATEWAY, "Upstream system failed"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String title;

    ProblemType(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** A relative URI reference, resolved against the API's base, e.g. {@code /problems/validation-failed}. */
    public URI uri() {
        return URI.create("/problems/" + name().toLowerCase().replace('_', '-'));
    }
}
