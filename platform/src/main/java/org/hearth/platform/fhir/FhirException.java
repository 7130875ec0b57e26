package org.hearth.platform.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatus;

/**
 * A FHIR error a controller raises on purpose; answered as an OperationOutcome with its status. Diagnostics are
 * shown to the caller: never put request values (they may be PHI) in them.
 */
public class FhirException extends RuntimeException {

    private final HttpStatus status;
    private final IssueType issue;

    public FhirException(HttpStatus status, IssueType issue, String diagnostics) {
        super(diagnostics);
        this.status = status;
        this.issue = issue;
    }

    /** 404: no such resource, or another agency's (existence never leaks). */
    public static FhirException notFound(String resourceType) {
        return new FhirException(HttpStatus.NOT_FOUND, IssueType.NOTFOUND, "No such " + resourceType + ".");
    }

    /** 400: a search parameter or the request itself is malformed or not supported. */
    public static FhirException badRequest(String diagnostics) {
        return new FhirException(HttpStatus.BAD_REQUEST, IssueType.INVALID, diagnostics);
    }

    /** 422: the resource sent parses but breaks a rule (missing element, unknown code, out of range). */
    public static FhirException unprocessable(String diagnostics) {
        return new FhirException(HttpStatus.UNPROCESSABLE_CONTENT, IssueType.PROCESSING, diagnostics);
    }

    public HttpStatus status() {
        return status;
    }

    public IssueType issue() {
        return issue;
    }
}
