package org.hearth.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Another body than problem details for the errors {@link Problems#write} answers outside controllers (no token,
 * size caps) on some paths: FHIR paths answer an OperationOutcome. Beans of this type are asked in order.
 */
public interface ErrorFormat {

    boolean appliesTo(HttpServletRequest request);

    void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException;
}
