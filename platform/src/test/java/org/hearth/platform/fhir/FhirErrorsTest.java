package org.hearth.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.problem.ProblemType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/** Errors on FHIR paths are OperationOutcomes with FHIR's statuses; other paths are left to the problem handlers. */
class FhirErrorsTest {

    static final FhirContext R4 = FhirContext.forR4Cached();
    final FhirErrors errors = new FhirErrors(
            R4, new DefaultListableBeanFactory().getBeanProvider(org.hearth.platform.audit.RefusalAudit.class), 2);

    MockHttpServletResponse answer(String method, String path, Exception e) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(errors.resolveException(request, response, null, e))
                .as("handled")
                .isNotNull();
        return response;
    }

    static OperationOutcome outcome(MockHttpServletResponse response) throws Exception {
        assertThat(response.getContentType()).startsWith("application/fhir+json");
        return R4.newJsonParser().parseResource(OperationOutcome.class, response.getContentAsString());
    }

    @Test
    void anotherAgencysIdIsANotFoundOutcome() throws Exception {
        MockHttpServletResponse response = answer("GET", "/fhir/R4/Patient/p1", ApiException.notFound("Patient p1"));
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(outcome(response).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
    }

    @Test
    void invalidFieldsAre400OnASearchAnd422OnACreate() throws Exception {
        ApiException invalid = ApiException.invalid(List.of(new FieldError("Observation[0].value", "is impossible")));
        assertThat(answer("GET", "/fhir/R4/Observation", invalid).getStatus()).isEqualTo(400);
        MockHttpServletResponse created = answer("POST", "/fhir/R4/Observation", invalid);
        assertThat(created.getStatus()).isEqualTo(422);
        assertThat(outcome(created).getIssueFirstRep().getDiagnostics()).contains("Observation[0].value is impossible");
        assertThat(answer("GET", "/fhir/R4/Patient", FhirException.badRequest("_count must be a whole number."))
                        .getStatus())
                .isEqualTo(400);
        assertThat(answer("GET", "/fhir/R4/Patient", new AccessDeniedException("no"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(answer("GET", "/fhir/R4/Patient", new ApiException(ProblemType.FORBIDDEN, "no"))
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void restPathsAreLeftToTheProblemDetails() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/patients/v1/patients/p1");
        assertThat(errors.resolveException(
                        request, new MockHttpServletResponse(), null, ApiException.notFound("Patient p1")))
                .isNull();
        assertThat(FhirPaths.isFhir(new MockHttpServletRequest("GET", "/fhir/R4")))
                .isTrue();
        assertThat(FhirPaths.isFhir(new MockHttpServletRequest("GET", "/fhir/R40/Patient")))
                .isFalse();
    }
}
